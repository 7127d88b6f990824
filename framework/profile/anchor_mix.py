"""Anchor mix: every anchor in one of eight classes, counted per referring domain, and the keyword_anchors signal."""

# The rules, in the order they are tried, are written out in data/anchor_phrases.toml next to
# the word lists they use, so that a consultant reads them where they change them. In short:
# image/empty, naked URL, generic phrase, brand (branded, or compound when a keyword stands
# beside it), exact keyword, partial keyword, other. Each DISTINCT anchor is classified once in
# Python and the result is mapped back to the links with numpy: exports repeat anchors so much
# (one sitewide link is thousands of rows) that a million links are a few thousand anchors.

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import snowballstemmer

from framework.datafiles import load_toml
from framework.i18n import text
from framework.profile.settings import ProfileSettings
from framework.profile.signals import Signal, level_for, thresholds

ANCHOR_CLASSES = ("branded", "exact", "partial", "compound", "naked_url", "generic", "image", "other")
SIGNAL_ID = "keyword_anchors"
PHRASES = Path(__file__).with_name("data") / "anchor_phrases.toml"
TOP_ANCHORS = 25
MAX_SUGGESTIONS = 10

_NL, _EN = snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("english")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
                  r"[a-z]{2,}\.?(?::\d+)?(?:[/?#]\S*)?$")
_EDGES = " \t\r\n\"'«»‹›()[]{}<>.,;:!?*|–—-•·→»"


def words(value: str) -> list[str]:
    """Normalised words: NFKC, accents folded, lower case; ``e-bike`` -> ``ebike``, ``fietsen-utrecht`` -> two words.

    >>> words("E-bike kopen? Fietsen-Van-Dijk's “winkel”")
    ['ebike', 'kopen', 'fietsen', 'van', 'dijks', 'winkel']
    """
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", value).translate(_QUOTES).lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    out: list[str] = []
    for word in _WORD.findall(folded):
        parts = word.replace("'", "").split("-")
        # one- and two-letter prefixes belong to the word (e-bike, t-shirt); longer parts are
        # words of their own, as in URL slugs and hyphenated brand names
        out.extend(["".join(parts)] if any(len(p) <= 2 for p in parts) else parts)
    return out


@lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """The word and its Dutch and English Snowball stems: the profile mixes both languages."""
    return frozenset((word, _NL.stemWord(word), _EN.stemWord(word)))


def _same(word: str, wanted: frozenset[str]) -> bool:
    # A Dutch compound begins with the word it is about (ebikewinkel, fietsenmakers), so a
    # form of five letters or more also matches as a prefix; shorter ones must match whole.
    return bool(forms(word) & wanted) or any(len(f) >= 5 and word.startswith(f) for f in wanted)


@dataclass(frozen=True)
class Vocabulary:
    generic: frozenset[str]
    modifiers: frozenset[str]
    stopwords: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    data = load_toml(PHRASES)
    phrase = lambda items: frozenset(" ".join(words(i)) for i in items)  # noqa: E731
    flat = lambda items: frozenset(w for i in items for w in words(i))  # noqa: E731
    mods = data["modifiers"]
    return Vocabulary(generic=phrase(data["generic"]["nl"] + data["generic"]["en"]),
                      modifiers=flat(mods["nl"] + mods["en"] + mods["places"]),
                      stopwords=flat(data["stopwords"]["nl"] + data["stopwords"]["en"]))


@dataclass(frozen=True)
class _Keyword:
    text: str
    stems: tuple[str, ...]  # Dutch stems in order: "e-bikes kopen" equals "e-bike kopen"
    core: tuple[frozenset[str], ...]  # forms of the words that make it this keyword
    need: int

    @classmethod
    def of(cls, keyword: str, vocab: Vocabulary) -> _Keyword | None:
        ws = words(keyword)
        if not ws:
            return None
        core = [w for w in ws if w not in vocab.stopwords and w not in vocab.modifiers] \
            or [w for w in ws if w not in vocab.stopwords] or ws
        return cls(keyword.strip().lower(), tuple(_NL.stemWord(w) for w in ws),
                   tuple(forms(w) for w in dict.fromkeys(core)), max(1, math.ceil(len(set(core)) / 2)))

    def exact(self, ws: list[str]) -> bool:
        return len(ws) == len(self.stems) and all(_NL.stemWord(w) == s for w, s in zip(ws, self.stems))

    def partial(self, ws: list[str]) -> bool:
        return sum(any(_same(w, core) for w in ws) for core in self.core) >= self.need


class Classifier:
    """Classifies one normalised anchor at a time; built once per analysis from the settings."""

    def __init__(self, brand: tuple[str, ...], keywords: tuple[str, ...]) -> None:
        self.vocab = vocabulary()
        self.brands = [(ws, "".join(ws)) for ws in (words(b) for b in brand) if ws]
        self.keywords = [k for k in (_Keyword.of(x, self.vocab) for x in keywords) if k]

    def __call__(self, anchor: str) -> str:
        raw = unicodedata.normalize("NFKC", anchor).strip().lower().strip(_EDGES)
        if not raw:
            return "image"
        if " " not in raw and _URL.match(raw):
            return "naked_url"
        ws = words(raw)
        if not ws or " ".join(ws) in self.vocab.generic:
            return "generic"  # an arrow or a bullet says as little as "klik hier"
        rest = self._without_brand(ws)
        if rest is not None:
            return "compound" if self._keyword(rest) else "branded"
        if any(k.exact(ws) for k in self.keywords):
            return "exact"
        return "partial" if self._keyword(ws) else "other"

    def _keyword(self, ws: list[str]) -> bool:
        ws = [w for w in ws if w not in self.vocab.stopwords]
        return bool(ws) and any(k.exact(ws) or k.partial(ws) for k in self.keywords)

    def _without_brand(self, ws: list[str]) -> list[str] | None:
        """The words beside the brand, or None when no brand term is in the anchor."""
        compact = "".join(ws)
        for brand_words, joined in self.brands:
            if all(w in ws for w in brand_words):  # "Van Dijk Fietsen" is the brand too
                rest = list(ws)
                for w in brand_words:
                    rest.remove(w)
                return rest
            if len(joined) >= 4 and joined in compact:  # "FietsenVanDijk", "fietsen vandijk"
                return [w for w in ws if w not in joined]
        return None


@dataclass
class AnchorMix:
    classes: pd.Series
    """One class per link (categorical over ANCHOR_CLASSES), aligned to the links; missing where the export has no anchors."""
    by_class: pd.DataFrame
    """Per class: ``links``, ``domains`` (referring domains with at least one such link), ``share_links``, ``share_domains``."""
    top_anchors: pd.DataFrame
    """The 25 anchors with the most referring domains: ``anchor``, ``class``, ``links``, ``domains``."""
    suggested_keywords: list[str]
    """Candidate money keywords from the anchors, when the user gave none (at most 10)."""
    signal: Signal
    classified_links: int = 0
    classified_domains: int = 0
    details: dict = field(default_factory=dict)


def analyse_anchors(links: pd.DataFrame, settings: ProfileSettings, lang: str) -> AnchorMix:
    """Classify every anchor, count the classes per link and per referring domain, and judge keyword focus."""
    brand = settings.brand_terms()
    classify = Classifier(brand, settings.keywords)
    anchors = links["anchor"] if "anchor" in links else pd.Series(pd.NA, index=links.index, dtype="string")
    codes, uniques = pd.factorize(anchors, use_na_sentinel=True)
    normal = pd.Index([" ".join(words(str(u))) for u in uniques])
    labels = np.array([ANCHOR_CLASSES.index(classify(str(u))) for u in uniques] + [ANCHOR_CLASSES.index("image")],
                      dtype=np.int8)
    cls = labels[codes]  # code -1 (no anchor) takes the last entry: image/empty
    cls[_image_links(links)] = ANCHOR_CLASSES.index("image")
    known = _anchors_exported(links, codes)
    cls = np.where(known, cls, -1)
    classes = pd.Series(pd.Categorical.from_codes(cls, categories=list(ANCHOR_CLASSES)), index=links.index)

    domains = _domain_codes(links)
    keep = known & (domains >= 0)
    dom, cl = domains[keep], cls[keep]
    n_links, n_domains = int(keep.sum()), int(np.unique(dom).size)
    pairs = np.unique(dom.astype(np.int64) * len(ANCHOR_CLASSES) + cl)
    by_class = pd.DataFrame({"links": np.bincount(cl, minlength=len(ANCHOR_CLASSES)),
                             "domains": np.bincount(pairs % len(ANCHOR_CLASSES), minlength=len(ANCHOR_CLASSES))},
                            index=pd.Index(ANCHOR_CLASSES, name="class"))
    by_class["share_links"] = by_class["links"] / n_links if n_links else 0.0
    by_class["share_domains"] = by_class["domains"] / n_domains if n_domains else 0.0

    top = _top_anchors(codes[keep], dom, cl, normal)
    suggestions = [] if settings.keywords else _suggest(top_table=_phrase_domains(codes[keep], dom, cl, normal),
                                                         vocab=classify.vocab)
    mix = AnchorMix(classes, by_class, top, suggestions, signal=None, classified_links=n_links,  # type: ignore[arg-type]
                    classified_domains=n_domains)
    mix.signal = _signal(mix, dom, cl, top, settings, lang, codes[keep], uniques, brand)
    return mix


def _image_links(links: pd.DataFrame) -> np.ndarray:
    if "link_type" not in links:
        return np.zeros(len(links), bool)
    return links["link_type"].astype("string").str.lower().eq("image").fillna(False).to_numpy(bool)


def _anchors_exported(links: pd.DataFrame, codes: np.ndarray) -> np.ndarray:
    """Links from a file that has anchors at all (GSC's link lists have none: unknown, not empty)."""
    has = (codes >= 0) | _image_links(links)
    if "source_file" not in links:
        return np.full(len(links), has.any())
    files = pd.factorize(links["source_file"])[0]
    files_with = np.zeros(files.max() + 2, bool)
    np.logical_or.at(files_with, files[has], True)
    return files_with[files]  # -1 (no file name) reads the spare last slot


def _domain_codes(links: pd.DataFrame) -> np.ndarray:
    column = links["source_domain"] if "source_domain" in links else pd.Series("", index=links.index)
    return pd.factorize(column)[0]


def _phrase_domains(codes: np.ndarray, dom: np.ndarray, cl: np.ndarray, normal: pd.Index) -> pd.DataFrame:
    """Per normalised anchor text: links, referring domains and class."""
    text_codes, texts = pd.factorize(normal)
    per_link = np.where(codes >= 0, text_codes[np.maximum(codes, 0)], -1)
    frame = pd.DataFrame({"anchor": np.where(per_link >= 0, np.asarray(texts, dtype=object)[np.maximum(per_link, 0)], ""),
                          "class": np.asarray(ANCHOR_CLASSES, dtype=object)[cl], "domain": dom})
    grouped = frame.groupby(["anchor", "class"], sort=False)
    return pd.DataFrame({"links": grouped.size(), "domains": grouped["domain"].nunique()}).reset_index()


def _top_anchors(codes: np.ndarray, dom: np.ndarray, cl: np.ndarray, normal: pd.Index) -> pd.DataFrame:
    table = _phrase_domains(codes, dom, cl, normal)
    top = table.sort_values(["domains", "links", "anchor"], ascending=[False, False, True]).head(TOP_ANCHORS)
    return top[["anchor", "class", "links", "domains"]].reset_index(drop=True)


def _suggest(top_table: pd.DataFrame, vocab: Vocabulary) -> list[str]:
    """Money keyword candidates: the word groups of non-brand, non-generic text anchors with the most domains."""
    texts = top_table[top_table["class"].isin(["other", "partial", "exact"])]
    score: dict[str, int] = {}
    for anchor, domains in zip(texts["anchor"], texts["domains"]):
        ws = anchor.split()
        grams = {" ".join(ws[i:i + n]) for n in (1, 2, 3) for i in range(len(ws) - n + 1)}
        for gram in grams:
            parts = gram.split()
            if parts[0] in vocab.stopwords or parts[-1] in vocab.stopwords or len(gram) < 4:
                continue
            if all(p in vocab.modifiers or p in vocab.stopwords for p in parts):
                continue  # "kopen" or "utrecht" alone is not a keyword
            score[gram] = score.get(gram, 0) + int(domains)
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], -len(kv[0].split()), kv[0]))
    chosen: list[str] = []
    for gram, domains in ranked:
        # a shorter word group that a chosen longer one already explains adds nothing, and
        # the other way round: "e-bike kopen" on 40 domains makes "e-bike" on 42 redundant
        if any((gram in c or c in gram) and domains <= 1.25 * score[c] for c in chosen):
            continue
        chosen.append(gram)
        if len(chosen) == MAX_SUGGESTIONS:
            break
    return chosen


def _signal(mix: AnchorMix, dom: np.ndarray, cl: np.ndarray, top: pd.DataFrame, settings: ProfileSettings,
            lang: str, codes: np.ndarray, uniques, brand: tuple[str, ...]) -> Signal:
    limits = thresholds(SIGNAL_ID)
    cut = {"watch": float(limits["watch"]), "concern": float(limits["concern"])}
    details = {"links": mix.classified_links, "domains": mix.classified_domains,
               "by_class": mix.by_class.to_dict(orient="index"), "weights": dict(limits["weights"])}
    if not mix.classified_links:
        return Signal(SIGNAL_ID, "unknown", None, cut, text(lang, "anchors.why.no_anchors"), details)
    if not settings.keywords:
        details["suggested_keywords"] = mix.suggested_keywords
        if mix.suggested_keywords:  # what the value would be with the suggestions as keywords
            trial = Classifier(brand, tuple(mix.suggested_keywords))
            trial_cls = np.array([ANCHOR_CLASSES.index(trial(str(u))) for u in uniques] + [-1], dtype=np.int8)[codes]
            details["value_with_suggestions"] = round(_keyword_share(dom, np.where(cl == ANCHOR_CLASSES.index("image"), cl, trial_cls), limits), 4)
        return Signal(SIGNAL_ID, "unknown", None, cut, text(
            lang, "anchors.why.no_keywords", suggestions=", ".join(f"'{s}'" for s in mix.suggested_keywords[:3]) or "–"),
            details)
    value = _keyword_share(dom, cl, limits)
    keyword_rows = top[top["class"].isin(["exact", "compound"])]
    example = keyword_rows["anchor"].iloc[0] if len(keyword_rows) else ""
    details["example"] = example
    key = "anchors.why.value" if example else "anchors.why.value_no_example"
    why = text(lang, key, share=_percent(value, lang), example=example)
    return Signal(SIGNAL_ID, level_for(value, **cut), value, cut, why, details)


def _keyword_share(dom: np.ndarray, cl: np.ndarray, limits: dict) -> float:
    """Share of referring domains whose links use a keyword anchor; each domain counts once, at its strongest class."""
    weights = np.zeros(len(ANCHOR_CLASSES) + 1)
    for name, weight in limits["weights"].items():
        weights[ANCHOR_CLASSES.index(name)] = float(weight)
    per_domain = np.zeros(dom.max() + 1 if dom.size else 0)
    np.maximum.at(per_domain, dom, weights[cl])
    present = np.bincount(dom, minlength=per_domain.size) > 0
    return float(per_domain[present].mean()) if present.any() else 0.0


def _percent(value: float, lang: str) -> str:
    share = f"{value * 100:.0f}%" if value >= 0.1 or value == 0 else f"{value * 100:.1f}%"
    return share.replace(".", ",") if lang == "nl" else share


__all__ = ["ANCHOR_CLASSES", "AnchorMix", "Classifier", "analyse_anchors", "words", "forms"]
