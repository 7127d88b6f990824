"""Anchor mix: every anchor in one of eight classes, counted per referring domain, and the keyword_anchors signal."""

# The rules, in the order they are tried, are written out in data/anchor_phrases.toml next to
# the word lists they use, so that a consultant reads them where they change them. In short:
# image/empty, naked URL, generic phrase, brand (branded, or compound when a keyword stands
# beside it), exact keyword, partial keyword, other. Each DISTINCT anchor is classified once in
# Python and the result is mapped back to the links with numpy: exports repeat anchors so much
# (one sitewide link is thousands of rows) that a million links are a few thousand anchors.

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import snowballstemmer

from linkwijzer.datafiles import DataFileError, load_toml
from linkwijzer.present.formatting import percent
from linkwijzer.i18n import text
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.present import charts
from linkwijzer.profile.signals.base import SignalSpec, THRESHOLDS, Signal, level_for, thresholds

ANCHOR_CLASSES = ("branded", "exact", "partial", "compound", "naked_url", "generic", "image", "other")
SIGNAL_ID = "keyword_anchors"
PHRASES = Path(__file__).with_name("data") / "anchor_phrases.toml"
THRESHOLD_FILE = THRESHOLDS / f"{SIGNAL_ID}.toml"
TOP_ANCHORS = 25
MAX_SUGGESTIONS = 10
SUGGEST_FROM = 2000  # distinct anchors looked at for suggestions

_NL, _EN = snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("english")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
                  r"[a-z]{2,}\.?(?::\d+)?(?:[/?#]\S*)?$")
_EDGES = " \t\r\n\"'«»‹›()[]{}<>.,;:!?*|–—-•·→»"


def words(value: str) -> list[str]:
    """Normalised words: NFKC, accents folded, lower case; ``e-bike`` -> ``ebike``, ``fietsen-utrecht`` -> two words.

    >>> words("E-bike kopen? Fietsen-Van-Dijk's “café”")
    ['ebike', 'kopen', 'fietsen', 'van', 'dijks', 'cafe']
    """
    folded = unicodedata.normalize("NFKC", value).translate(_QUOTES).lower()
    if not folded.isascii():  # most anchors are plain ASCII: folding accents is the slow part
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    out: list[str] = []
    for word in _WORD.findall(folded):
        parts = word.replace("'", "").split("-")
        # a one-letter prefix belongs to the word (e-bike, t-shirt); other parts are words of
        # their own, as in URL slugs and hyphenated brand names
        if len(parts) > 1 and len(parts[0]) == 1:
            parts = ["".join(parts[:2]), *parts[2:]]
        out.extend(parts)
    return out


@lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """The word and its Dutch and English Snowball stems: the profile mixes both languages."""
    return frozenset((word, _NL.stemWord(word), _EN.stemWord(word)))


@lru_cache(maxsize=500_000)
def _same(word: str, wanted: frozenset[str]) -> bool:
    # A Dutch compound begins with the word it is about (ebikewinkel, fietsenmakers), so a
    # form of five letters or more also matches as a prefix; shorter ones must match whole.
    return bool(forms(word) & wanted) or any(len(f) >= 5 and word.startswith(f) for f in wanted)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _NL.stemWord(word)


@dataclass(frozen=True)
class Vocabulary:
    generic: frozenset[str]
    modifiers: frozenset[str]
    stopwords: frozenset[str]
    interface: frozenset[str] = frozenset()
    """Button, menu and article-furniture words (NL, EN, DE, FR, ES, IT, PT): never a suggestion alone."""
    url_parts: frozenset[str] = frozenset()


@cache
def vocabulary() -> Vocabulary:
    data = load_toml(PHRASES)
    phrase = lambda items: frozenset(" ".join(words(i)) for i in items)  # noqa: E731
    flat = lambda items: frozenset(w for i in items for w in words(i))  # noqa: E731
    mods = data["modifiers"]
    other = [p for phrases in data.get("generic_other", {}).values() for p in phrases]
    return Vocabulary(generic=phrase(data["generic"]["nl"] + data["generic"]["en"] + other),
                      modifiers=flat(mods["nl"] + mods["en"] + mods["places"]),
                      stopwords=flat(data["stopwords"]["nl"] + data["stopwords"]["en"]),
                      interface=flat(data.get("interface", {}).get("words", [])),
                      url_parts=flat(data.get("interface", {}).get("url_parts", [])))


@dataclass(frozen=True)
class _Keyword:
    text: str
    stems: tuple[str, ...]  # Dutch stems in order: "e-bikes kopen" equals "e-bike kopen"
    core: tuple[frozenset[str], ...]  # forms of the words that make it this keyword (no buying words, places)

    @classmethod
    def of(cls, keyword: str, vocab: Vocabulary) -> _Keyword | None:
        ws = words(keyword)
        if not ws:
            return None
        content = list(dict.fromkeys(w for w in ws if w not in vocab.stopwords)) or ws
        core = [w for w in content if w not in vocab.modifiers] or content
        return cls(keyword.strip().lower(), tuple(_stem(w) for w in ws), tuple(forms(w) for w in core))

    def exact(self, ws: list[str]) -> bool:
        return len(ws) == len(self.stems) and all(_stem(w) == s for w, s in zip(ws, self.stems))


class Classifier:
    """Classifies one normalised anchor at a time; built once per analysis from the settings."""

    def __init__(self, brand: tuple[str, ...], keywords: tuple[str, ...]) -> None:
        self.vocab = vocabulary()
        self.brands = [(ws, "".join(ws)) for ws in (words(b) for b in brand) if ws]
        self.keywords = [k for k in (_Keyword.of(x, self.vocab) for x in keywords) if k]
        self.keyword_words = frozenset(f for x in keywords for w in words(x) for f in forms(w))
        # one set for "names a keyword's main word", whichever keyword: one cached lookup per word
        self.core_forms = frozenset(f for k in self.keywords for core in k.core for f in core)

    def __call__(self, anchor: str, ws: list[str] | None = None) -> str:
        """The class of one anchor; ``ws`` are its ``words()`` when the caller has them already."""
        raw = (anchor if anchor.isascii() else unicodedata.normalize("NFKC", anchor).translate(_QUOTES)).lower()
        raw = raw.strip(" \t\r\n\"'")
        if not raw:
            return "image"  # empty (or only quotes): an image link or a link without text
        raw = raw.strip(_EDGES)
        if " " not in raw and _URL.match(raw):
            return "naked_url"
        ws = words(raw) if ws is None else ws
        if not ws or " ".join(ws) in self.vocab.generic:
            return "generic"  # an arrow or a bullet says as little as "klik hier"
        rest = self._without_brand(ws)
        if rest is not None:  # brand beside a keyword's main word: "e-bikes bij Fietsen van Dijk"
            return "compound" if self._names_core(rest) else "branded"
        if any(k.exact(ws) for k in self.keywords):
            return "exact"
        return "partial" if self._keyword(ws) else "other"

    def _keyword(self, ws: list[str]) -> bool:
        """A partial match: the anchor names a keyword's main word and is mostly keyword words.

        "e-bike winkel utrecht" is (e-bike, a shop word, a place); "onze vaste fietsenmaker" is
        a description that happens to name the trade, which is how people write about a shop.
        """
        ws = [w for w in ws if w not in self.vocab.stopwords]
        if not ws or not self._names_core(ws):
            return False
        keywordish = sum(w in self.vocab.modifiers or _same(w, self.keyword_words) for w in ws)
        return keywordish * 2 > len(ws)

    def _names_core(self, ws: list[str]) -> bool:
        return any(_same(w, self.core_forms) for w in ws)

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
    """One class per link (categorical over ANCHOR_CLASSES), aligned to the links; missing where the file has no anchors."""
    by_class: pd.DataFrame
    """Per class: ``links``, ``domains`` (referring domains with at least one such link), ``share_links``, ``share_domains``."""
    top_anchors: pd.DataFrame
    """The 25 anchors with the most referring domains: ``anchor``, ``class``, ``links``, ``domains``."""
    suggested_keywords: list[str]
    """Candidate money keywords from the anchors when the user gave none, most referring domains first (at most 10)."""
    signal: Signal
    """``keyword_anchors``."""


@dataclass(frozen=True)
class _Anchors:
    """The links' anchors as codes into their distinct values, and what each link is."""

    codes: np.ndarray  # per link: index into ``raw``, -1 when the link has no anchor
    raw: list[str]  # the distinct anchors as written
    split: list[list[str]]  # their words()
    keys: np.ndarray  # per distinct anchor: index into ``display`` (same words = same key)
    display: np.ndarray  # per key: the most used spelling; the last entry is "" (no anchor)
    image: np.ndarray  # per link: an image link
    known: np.ndarray  # per link: its file has anchors at all
    domains: np.ndarray  # per link: referring-domain code, -1 when missing

    @classmethod
    def of(cls, links: pd.DataFrame) -> _Anchors:
        column = links["anchor"] if "anchor" in links else pd.Series(pd.NA, index=links.index, dtype="string")
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        raw = [str(u) for u in uniques]
        split = [words(r) for r in raw]
        keys, names = pd.factorize(pd.Index([" ".join(ws) for ws in split], dtype=object))
        used = np.bincount(codes[codes >= 0], minlength=len(raw))
        spelling = pd.DataFrame({"key": keys, "raw": [" ".join(r.split()) for r in raw], "used": used})
        spelling = spelling.sort_values("used", ascending=False, kind="stable").drop_duplicates("key")
        display = np.empty(len(names) + 1, dtype=object)
        display[spelling["key"].to_numpy()] = spelling["raw"].to_numpy()
        display[-1] = ""
        image = _image_links(links)
        has = (codes >= 0) | image
        if "source_file" in links:  # GSC's link lists have no anchors: unknown, not empty
            files = pd.factorize(links["source_file"])[0]
            with_anchors = np.zeros(files.max(initial=-1) + 2, bool)
            np.logical_or.at(with_anchors, files[has], True)
            known = with_anchors[files]  # -1 (no file name) reads the spare last slot
        else:
            known = np.full(len(links), has.any())
        domain = links["source_domain"] if "source_domain" in links else pd.Series("", index=links.index)
        return cls(codes, raw, split, keys, display, image, known, pd.factorize(domain)[0])

    def classes(self, classify: Classifier) -> np.ndarray:
        """Class codes per link (-1 where the file has no anchors); each distinct anchor classified once."""
        index = {name: i for i, name in enumerate(ANCHOR_CLASSES)}
        per_anchor = np.array([index[classify(r, ws)] for r, ws in zip(self.raw, self.split)] + [_IMAGE], dtype=np.int8)
        cls = per_anchor[self.codes]  # code -1 (no anchor) reads the last entry: image/empty
        cls[self.image] = _IMAGE
        cls[~self.known] = -1
        return cls

    def key_codes(self) -> np.ndarray:
        return np.append(self.keys, len(self.display) - 1)[self.codes]


_IMAGE = ANCHOR_CLASSES.index("image")


def analyse_anchors(links: pd.DataFrame, settings: ProfileSettings, lang: str) -> AnchorMix:
    """Classify every anchor, count the classes per link and per referring domain, and judge keyword focus."""
    anchors = _Anchors.of(links)
    classify = Classifier(settings.brand_terms(), settings.keywords)
    cls = anchors.classes(classify)
    classes = pd.Series(pd.Categorical.from_codes(cls, categories=list(ANCHOR_CLASSES)), index=links.index)
    keep = (cls >= 0) & (anchors.domains >= 0)
    table = pd.DataFrame({"key": anchors.key_codes()[keep], "cls": cls[keep], "dom": anchors.domains[keep]})
    by_class = _by_class(table)
    phrases = table.groupby(["key", "cls"], sort=False)["dom"].agg(["size", "nunique"]).reset_index()
    phrases = phrases.sort_values(["nunique", "size", "key"], ascending=[False, False, True])
    top = pd.DataFrame({"anchor": anchors.display[phrases["key"].to_numpy()],
                        "class": np.asarray(ANCHOR_CLASSES, dtype=object)[phrases["cls"].to_numpy()],
                        "links": phrases["size"].to_numpy(), "domains": phrases["nunique"].to_numpy()})
    suggestions = [] if settings.keywords else _suggest(table, anchors.display, classify.vocab,
                                                        site_name_words(settings, links))
    signal = _signal(table, by_class, top, suggestions, settings, lang)
    return AnchorMix(classes, by_class, top.head(TOP_ANCHORS).reset_index(drop=True), suggestions, signal)


def _image_links(links: pd.DataFrame) -> np.ndarray:
    if "link_type" not in links:
        return np.zeros(len(links), bool)
    return links["link_type"].astype("string").str.lower().eq("image").fillna(False).to_numpy(bool)


def _by_class(table: pd.DataFrame) -> pd.DataFrame:
    n = len(ANCHOR_CLASSES)
    cl, dom = table["cls"].to_numpy(), table["dom"].to_numpy(np.int64)
    pairs = np.unique(dom * n + cl)  # one (domain, class) pair per domain that uses the class
    out = pd.DataFrame({"links": np.bincount(cl, minlength=n), "domains": np.bincount(pairs % n, minlength=n)},
                       index=pd.Index(ANCHOR_CLASSES, name="class"))
    # A domain can use several classes, so the domain shares add up to more than 1.
    out["share_links"] = out["links"] / max(len(table), 1)
    out["share_domains"] = out["domains"] / max(int(np.unique(dom).size), 1)
    return out


WHOLE = "="  # marks a whole name written together ("=meilleursagents") among the single name words


def site_name_words(settings: ProfileSettings, links: pd.DataFrame) -> frozenset[str]:
    """Words of the site's own names: its brand terms, its domain and the domains its links point at.

    A brand or domain is not a money keyword, even when many anchors carry it.
    """
    names = list(settings.brand_terms()) + ([settings.domain] if settings.domain else [])
    if "target_url" in links and links["target_url"].notna().any():
        from linkwijzer.profile.importing.importer import target_sites

        names += [site for site, _ in target_sites(links, minimum_share=0.0, minimum_links=1)[:5]]
    if "redirect_chain" in links and links["redirect_chain"].notna().any():
        from linkwijzer.profile.signals.link_bursts import redirect_origins

        names += redirect_origins(links)[:5]  # an old domain that now redirects is the brand too
    out = set()
    for name in names:
        label = name.split(".")[0] if "." in name and " " not in name else name
        out.update(words(label))
        out.add(WHOLE + "".join(words(label)))
    return frozenset(w for w in out if w.strip(WHOLE))


def not_topic_words(names: frozenset[str]) -> frozenset[str]:
    """Words that never say what a site is about: stop, filler, button and address words, buying
    words, and the site's own names (``names`` from ``site_name_words``, also written together)."""
    vocab = vocabulary()
    return (vocab.stopwords | vocab.generic | vocab.interface | vocab.url_parts | vocab.modifiers | names
            | {n[len(WHOLE):] for n in names if n.startswith(WHOLE)})


def _names_a_brand(tokens: list[str], names: frozenset[str]) -> bool:
    """"meilleurs agents" spells the domain meilleursagents; "meilleurs" alone is part of it."""
    wholes = [name[1:] for name in names if name.startswith(WHOLE)]
    if len(tokens) == 1:
        return len(tokens[0]) >= 5 and any(tokens[0] in name for name in wholes if len(name) > len(tokens[0]))
    if any("".join(tokens[i:j]) in wholes for i in range(len(tokens)) for j in range(i + 2, len(tokens) + 1)):
        return True
    # A word that is most of a brand name ("meilleurs" of meilleursagents) names the brand; one that
    # is a smaller part of it ("essential" of essentialnaturaloils) may still be a topic.
    return any(len(t) >= 5 and t in name and len(t) >= 0.5 * len(name) for t in tokens for name in wholes)


def _suggest(table: pd.DataFrame, display: np.ndarray, vocab: Vocabulary, names: frozenset[str] = frozenset()
             ) -> list[str]:
    """Money keyword candidates: word groups of the natural text anchors, by referring domains.

    Never a brand or domain word, a number or price, a piece of a web address, or a button or
    menu text in any of the languages real profiles carry.
    """
    pairs = table.loc[table["cls"] == ANCHOR_CLASSES.index("other"), ["key", "dom"]].drop_duplicates()
    # the anchors most domains use are where money keywords show; the long tail adds time, not ideas
    keys = pairs.groupby("key").size().sort_values(ascending=False, kind="stable").index[:SUGGEST_FROM]
    grams: list[tuple[int, str]] = []
    shown: dict[str, str] = {}
    for key in keys:
        spelled = _WORD.findall(unicodedata.normalize("NFKC", str(display[key])).lower())
        normal = [" ".join(words(w)) for w in spelled]
        for n in (1, 2, 3):
            for i in range(len(spelled) - n + 1):
                part = normal[i:i + n]
                if part[0] in vocab.stopwords or part[-1] in vocab.stopwords or len("".join(part)) < 4:
                    continue
                if all(w in vocab.modifiers or w in vocab.stopwords or w.isdigit() for w in part):
                    continue  # "kopen" or "utrecht" alone is not a keyword
                tokens = " ".join(part).split()
                if any(w in names or w in vocab.url_parts or any(ch.isdigit() for ch in w) for w in tokens):
                    continue  # a brand, a domain, an address or a number/price is no keyword
                if _names_a_brand(tokens, names):
                    continue
                if all(w in vocab.interface or w in vocab.stopwords for w in tokens) or " ".join(part) in vocab.generic:
                    continue  # "read original article", "visiter le site": buttons, not topics
                gram = " ".join(_stem(w) for w in " ".join(part).split())  # "e-bike" and "e-bikes" are one
                shown.setdefault(gram, " ".join(spelled[i:i + n]))  # spelled as the most used anchor has it
                grams.append((key, gram))
    if not grams:
        return []
    per_gram = pairs.merge(pd.DataFrame(grams, columns=["key", "gram"]).drop_duplicates(), on="key")
    score = per_gram.drop_duplicates(["gram", "dom"]).groupby("gram").size().to_dict()
    # A word group that a longer one explains adds nothing: when "e-bike kopen" is on 80% or more
    # of the domains that use "e-bike", suggest only "e-bike kopen".
    explained = set()
    for gram, domains in score.items():
        ws = gram.split()
        for n in range(1, len(ws)):
            for i in range(len(ws) - n + 1):
                inner = " ".join(ws[i:i + n])
                if inner in score and domains >= 0.8 * score[inner]:
                    explained.add(inner)
    ranked = sorted((kv for kv in score.items() if kv[0] not in explained), key=lambda kv: (-kv[1], kv[0]))
    return [shown[g] for g, _ in ranked[:MAX_SUGGESTIONS]]


def _signal(table: pd.DataFrame, by_class: pd.DataFrame, top: pd.DataFrame, suggestions: list[str],
            settings: ProfileSettings, lang: str) -> Signal:
    limits = thresholds(SIGNAL_ID)
    weights = _weights(limits)
    cut = {"watch": float(limits["watch"]), "concern": float(limits["concern"])}
    details: dict = {"links": len(table), "domains": int(table["dom"].nunique()), "weights": weights,
                     "partial_share_domains": float(by_class.at["partial", "share_domains"])}
    if table.empty:
        return Signal(SIGNAL_ID, "unknown", None, cut, text(lang, "keyword_anchors.why.no_anchors"), details)
    if not settings.keywords:
        details["suggested_keywords"] = suggestions
        listed = ", ".join(f"'{s}'" for s in suggestions[:3]) or "–"
        return Signal(SIGNAL_ID, "unknown", None, cut, text(lang, "keyword_anchors.why.no_keywords", suggestions=listed),
                      details)
    value = _keyword_share(table["dom"].to_numpy(), table["cls"].to_numpy(), weights)
    examples = top[top["class"] == "exact"]["anchor"].tolist() or top[top["class"] == "compound"]["anchor"].tolist()
    details["example"] = examples[0] if examples else ""
    key = "keyword_anchors.why.value" if examples else "keyword_anchors.why.value_no_example"
    why = text(lang, key, share=percent(value, lang), example=details["example"])
    return Signal(SIGNAL_ID, level_for(value, **cut), value, cut, why, details)


def _weights(limits: dict) -> dict[str, float]:
    weights = limits.get("weights", {})
    for name, weight in weights.items():
        if name not in ANCHOR_CLASSES or isinstance(weight, bool) or not 0 <= weight <= 1:
            raise DataFileError(THRESHOLD_FILE, f"weights.{name}", "must be an anchor class with a weight from 0 to 1")
    return {name: float(weight) for name, weight in weights.items()}


def _keyword_share(dom: np.ndarray, cl: np.ndarray, weights: dict[str, float]) -> float:
    """Share of referring domains using a keyword anchor: each domain counts once, at its most keyword-heavy class."""
    if not dom.size:
        return 0.0
    per_class = np.array([weights.get(name, 0.0) for name in ANCHOR_CLASSES])
    per_domain = np.zeros(dom.max() + 1)
    np.maximum.at(per_domain, dom, per_class[cl])
    present = np.bincount(dom, minlength=per_domain.size) > 0
    return float(per_domain[present].mean())


def _charts(measured: AnchorMix, lang: str) -> list:
    if not len(measured.by_class) or not measured.by_class["links"].sum():
        return []
    return [("tall", charts.anchor_mix_chart(measured.by_class, lang)),
            ("half", charts.top_anchors_chart(measured.top_anchors, lang))]


SIGNAL = SignalSpec(
    id=SIGNAL_ID, needs=(("anchor",),),
    measure=lambda inputs: analyse_anchors(inputs.links, inputs.settings, inputs.lang),
    charts=_charts)

__all__ = ["SIGNAL", "site_name_words", "not_topic_words", "WHOLE", "ANCHOR_CLASSES", "AnchorMix", "Classifier", "analyse_anchors", "forms", "words"]
