"""Relevance of each referring domain to the user's topic: an estimate from the export's text that the user can overrule."""

# The estimate reads the text an export gives about a linking page (title, the words of its URL
# including the host, the text left and right of the link) and looks for the user's topic terms and
# for clearly off-topic vocabularies (thresholds/irrelevant_sources.toml). Anchors are not read:
# an anchor describes the TARGET (and is what link sellers optimise), so counting it would make
# every paid 'e-bike kopen' link on a casino page look on topic.
#
# Work happens once per distinct value of each text column (titles and context repeat across a
# site's pages), with Arrow's regex kernels over all values at once;
# the per-link results are numpy gathers. Linking pages are the distinct (domain, title), or
# (domain, URL) where the export has no titles, and each page is one vote in its domain's score.

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkwijzer.datafiles import DataFileError, load_toml
from linkwijzer.i18n import text
from linkwijzer.present.formatting import percent
from linkwijzer.profile.signals.keyword_anchors import (WHOLE, forms, not_topic_words, site_name_words,
                                                        vocabulary, words)
from linkwijzer.profile.review.settings import RELEVANCE_LABELS, ProfileSettings
from linkwijzer.present import charts
from linkwijzer.profile.signals.base import SignalSpec, THRESHOLDS, Signal, level_for, thresholds
from linkwijzer.profile.importing.urls import registrable_domain

SIGNAL_ID = "irrelevant_sources"
ESTIMATE_KEYS = ("on_topic", "mixed", "off_topic", "no_topic", "too_little_text", "min_words", "offtopic_pages",
                 "relevant_from", "not_relevant_to")
_START, _END = "(?:^|[^a-z0-9])", "(?:[^a-z0-9]|$)"  # word boundaries over lower-cased text


@dataclass
class Relevance:
    by_domain: pd.DataFrame
    """One row per referring domain: ``domain, links, score, label, evidence, overridden``."""
    per_link: pd.Series
    """The label of each link's referring domain, aligned to the links (categorical)."""
    distribution: pd.DataFrame
    """Per label: ``domains``, ``links``, ``share_domains``, ``share_links``."""
    signal: Signal
    """``irrelevant_sources``."""
    vocabulary: tuple[str, ...] = ()
    """The words the profile itself added to the site's vocabulary (anchors, target paths, titles of
    clearly relevant pages): offered to the user as topic suggestions."""


@cache
def _settings() -> tuple[dict, dict[str, str]]:
    """The page scores and label cut-offs, and one regex per off-topic group."""
    data = thresholds(SIGNAL_ID)
    for key in ESTIMATE_KEYS:
        value = data.get("estimate", {}).get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(THRESHOLDS / f"{SIGNAL_ID}.toml", f"estimate.{key}", f"must be a non-negative number, not {value!r}")
    groups = {name: "|".join(_term_pattern(t) for t in terms) for name, terms in data["offtopic"].items()}
    return dict(data["estimate"]), groups


def _flex(word: str) -> str:
    # words() writes "e-bike" as "ebike"; texts write it with a hyphen, a space or neither
    return re.escape(word[0]) + "[- ]?" + re.escape(word[1:]) if len(word) > 1 else re.escape(word)


def _phrase(term: str) -> str:
    return "[^a-z0-9]*".join(_flex(w) for w in words(term))  # "website waarde" = host word "websitewaarde"


def _term_pattern(term: str) -> str:
    """An off-topic entry as a regex: whole words, plural allowed, ``*`` for a prefix."""
    body = _phrase(term.rstrip("*"))
    return f"{_START}{body}" if term.endswith("*") else f"{_START}{body}(?:s|en|es)?{_END}"


def _term_patterns(term: str) -> list[str]:
    """A topic term's regexes; the profile's combined words (``~a, b, c``) as one alternation."""
    if not term.startswith(PROFILE_WORDS):
        return _topic_patterns(term)
    return ["|".join(f"(?:{p})" for word in term[len(PROFILE_WORDS):].split(", ") for p in _topic_patterns(word))]


def _topic_patterns(term: str) -> list[str]:
    """A topic term as regexes, one per word, all of which must match (Dutch or English stem).

    Dutch writes compounds as one word (bakfiets, fietsenstalling), so a form of five letters or
    more matches anywhere in a word; shorter forms match a whole word with a short ending.
    """
    patterns = []
    for word in words(term):
        long = [_flex(f) for f in sorted(topic_forms(word)) if len(f) >= 5]
        short = [_flex(f) for f in sorted(topic_forms(word)) if len(f) < 5]
        patterns.append("|".join(long + ([f"{_START}(?:{'|'.join(short)})[a-z]{{0,3}}{_END}"] if short else [])))
    return patterns


# The languages real profiles are linked from: a topic word is matched in each one's stemmed form,
# so "oils", "aceites", "olio" and "huiles" reach "oil"/"aceite"/"olio"/"huile" pages alike only
# through their own language's stem (Snowball, bundled with PyStemmer: nothing is downloaded).
TOPIC_LANGUAGES = ("dutch", "english", "german", "french", "spanish", "italian", "portuguese", "catalan")


@cache
def _stemmers() -> tuple:
    import snowballstemmer

    return tuple(snowballstemmer.stemmer(language) for language in TOPIC_LANGUAGES)


@cache
def topic_forms(word: str) -> frozenset[str]:
    """The word and its stem in each of the profile languages (plural and inflected forms meet there).

    >>> sorted(topic_forms("oils"))[:2]
    ['oil', 'oils']
    """
    return frozenset({word, *(stemmer.stemWord(word) for stemmer in _stemmers())} - {""}) | forms(word)


def topic_terms(settings: ProfileSettings) -> tuple[str, ...]:
    """The user's topic terms, or else the words of the keywords without the brand, buying words and places."""
    if settings.topics:
        return tuple(dict.fromkeys(t.strip().lower() for t in settings.topics if words(t)))
    vocab, brand = vocabulary(), {w for b in settings.brand_terms() for w in words(b)}
    found = [w for k in settings.keywords for w in words(k)
             if w not in brand and w not in vocab.stopwords and w not in vocab.modifiers and len(w) >= 3]
    return tuple(dict.fromkeys(found))


VOCABULARY_SIZE = 12  # words the profile itself adds to the site's vocabulary
VOCABULARY_MIN_DOMAINS = 3  # a word counts when at least this many referring domains use it in anchors or targets
VOCABULARY_SAMPLE = 20_000  # links looked at: the words most domains share show in any large sample
PROFILE_WORDS = "~"  # marks the one combined term of the profile's own vocabulary


def _domains_per_word(texts: pd.Series, domains: pd.Series, skip: frozenset[str],
                      body=lambda text: text) -> pd.DataFrame:
    """``word, domain`` pairs, once each: every distinct text split into words once."""
    split = {value: {w for w in words(body(str(value))) if len(w) >= 4 and w not in skip
                     and not any(ch.isdigit() for ch in w)} for value in pd.unique(texts)}
    rows = [(word, domain) for value, domain in zip(texts, domains) for word in split[value]]
    return pd.DataFrame(rows, columns=["word", "domain"]).drop_duplicates()


def profile_vocabulary(links: pd.DataFrame, settings: ProfileSettings, typed: np.ndarray | None = None,
                       names: frozenset[str] | None = None) -> tuple[str, ...]:
    """What the profile says the site is about: the words of its anchors and of the target URLs' paths,
    by the number of referring domains that use them — never brand, domain, button or address words.

    ``essentialnaturaloils.com/products/lavender-essential-oil`` and the anchor "Organic Lavender Oil"
    make "lavender" and "oil" part of the vocabulary, so a page about lavender oil counts as on topic.
    Parts of a brand written together ("essential" of essentialnaturaloils) stay: they are often the
    subject; only the names themselves are left out.
    """
    if "source_domain" not in links or not len(links):
        return ()
    if typed is not None and typed.any():  # spam and directory pages' anchors say nothing about the site
        links = links[~typed]
    if len(links) > VOCABULARY_SAMPLE:
        links = links.sample(n=VOCABULARY_SAMPLE, random_state=0)
    skip = not_topic_words(names if names is not None else site_name_words(settings, links))
    found = []
    for column, body in (("anchor", lambda text: text),
                         ("target_url", lambda url: re.sub(r"^[a-z][a-z0-9+.-]*://[^/?#]*", "", url.lower()))):
        if column not in links or not links[column].notna().any():
            continue
        pairs = pd.DataFrame({"text": links[column].astype(object), "domain": links["source_domain"].astype(object)})
        pairs = pairs.dropna().drop_duplicates()
        top = pairs["text"].value_counts().index[:5000]  # the texts most domains share carry the vocabulary
        pairs = pairs[pairs["text"].isin(top)]
        found.append(_domains_per_word(pairs["text"], pairs["domain"], skip, body))
    if not found:
        return ()
    counts = pd.concat(found).drop_duplicates().groupby("word").size()
    counts = counts[counts >= VOCABULARY_MIN_DOMAINS].sort_values(ascending=False, kind="stable")
    return tuple(counts.index[:VOCABULARY_SIZE])


LEARN_MIN_DOMAINS = 3  # a title word counts when this many clearly relevant domains use it ...
LEARN_MIN_SHARE = 0.03  # ... and at least this share of them
LEARN_SIZE = 8
LEARN_CONTRAST = 3.0  # ... and at least this many times as often as among the not-relevant domains


def _title_vocabulary(links: pd.DataFrame, by_domain: pd.DataFrame, dom_codes: np.ndarray,
                      settings: ProfileSettings, known: set[str], names: frozenset[str] | None = None) -> tuple[str, ...]:
    """Words the titles of the clearly relevant domains share, and the other domains' titles do not:
    what the site's world talks about ("travel" for a spa), not what every title says ("tips")."""
    if "source_title" not in links or not links["source_title"].notna().any():
        return ()
    labels = by_domain.set_index("code")["label"]
    relevant = labels.index[labels == "relevant"].to_numpy()
    others = labels.index[labels == "not_relevant"].to_numpy()
    if len(relevant) < LEARN_MIN_DOMAINS:
        return ()
    skip = not_topic_words(names if names is not None else site_name_words(settings, links)) | known
    rows_taken = np.arange(len(links))
    if len(rows_taken) > 100_000:  # the words many domains share show in any large sample
        rows_taken = np.random.default_rng(0).choice(rows_taken, 100_000, replace=False)
    titles = pd.DataFrame({"title": links["source_title"].to_numpy()[rows_taken], "domain": dom_codes[rows_taken]})
    titles = titles.dropna().drop_duplicates()
    titles = titles[titles["domain"].isin(np.concatenate([relevant, others]))]
    if len(titles) > 5_000:
        titles = titles.sample(n=5_000, random_state=0)
    table = _domains_per_word(titles["title"], titles["domain"], skip)
    if not len(table):
        return ()
    table["relevant"] = table["domain"].isin(relevant)
    per_word = table.groupby("word")["relevant"].agg(["sum", "count"])
    in_relevant = per_word["sum"] / len(relevant)
    in_others = (per_word["count"] - per_word["sum"]) / max(len(others), 1)
    keep = (per_word["sum"] >= max(LEARN_MIN_DOMAINS, LEARN_MIN_SHARE * len(relevant))) \
        & (in_relevant >= LEARN_CONTRAST * in_others)
    return tuple(in_relevant[keep].sort_values(ascending=False, kind="stable").index[:LEARN_SIZE])


def analyse_relevance(links: pd.DataFrame, settings: ProfileSettings, lang: str) -> Relevance:
    """Estimate per referring domain whether it is about the user's topic, let the user's overrides win, and judge the share that is not.

    Two passes: the site's vocabulary (the user's topics and the profile's own words) finds the
    clearly relevant pages first; the words their titles share then widen it once —
    a spa's links come from travel pages, and their titles say "travel" where the anchors said "Caldea".
    """
    estimate, groups = _settings()
    given = topic_terms(settings)
    # Every text column read once (distinct values, lower-cased): both passes and the page types use them.
    columns = {name: _column(links, name) for name in (*TEXT_COLUMNS, "anchor")}
    brand_free: dict = {}  # the texts with the brand taken out, made by the first pass, reused by the second
    names = site_name_words(settings, links)  # the site's own names, worked out once for every step below
    own_names = _own_names(names)
    kinds = _page_type_per_link(links, np.zeros(len(links), bool), own_names, columns)
    terms = tuple(dict.fromkeys(given + profile_vocabulary(links, settings, kinds != "", names)))
    # An off-topic vocabulary that is the site's own subject (crypto for a crypto news site) is not
    # off topic. Only the user's words or a clear majority of the profile decide that: spam anchors
    # ("casino") must not switch off the casino vocabulary. The profile's own words are checked
    # against the off-topic lists instead, and those that are off-topic words stay out.
    own = given + tuple(terms[len(given):][:3])
    groups = {name: pattern for name, pattern in groups.items()
              if not any(re.search(pattern, f" {t} ") for t in own)}
    derived = tuple(t for t in terms[len(given):] if not any(re.search(p, f" {t} ") for p in groups.values()))
    # The profile's own words are matched as one pattern: a dozen separate passes over a million
    # titles would cost seconds, and the evidence names the words that matched anyway.
    terms = given + ((PROFILE_WORDS + ", ".join(derived),) if derived else ())
    domains = links["source_domain"] if "source_domain" in links else pd.Series("", index=links.index)
    dom_codes, dom_names = pd.factorize(domains.astype("string").fillna(""), use_na_sentinel=False)
    flags, page_codes = _link_flags(links, terms, groups, settings, columns, brand_free)

    def judge(terms: tuple[str, ...]) -> pd.DataFrame:
        pages = _pages(flags, page_codes, dom_codes)
        pages["score"] = _page_scores(pages, estimate)
        per_domain = pages.groupby("domain", sort=True)
        score = per_domain["score"].mean()
        # a site that shows off-topic vocabulary on a good part of its pages is judged by it
        score = score.where(per_domain["off"].mean() < estimate["offtopic_pages"], np.minimum(score, estimate["mixed"]))
        by_domain = pd.DataFrame({"domain": np.asarray(dom_names, dtype=object)[score.index],
                                  "links": np.bincount(dom_codes, minlength=len(dom_names))[score.index],
                                  "score": score.round(3).to_numpy(), "code": score.index.to_numpy()})
        label = np.where(by_domain["score"] >= estimate["relevant_from"], "relevant",
                         np.where(by_domain["score"] <= estimate["not_relevant_to"], "not_relevant", "unclear"))
        if not terms:
            label[:] = "unclear"  # nothing to compare with: the estimate has no yardstick
        by_domain["label"] = label
        by_domain["evidence"] = _evidence(per_domain, terms, groups, settings, lang)
        # A forum thread is a conversation about the site when its TITLE shows a topic word or the
        # brand; the text around a dropped link always does, because the one who dropped it wrote it.
        topic_columns = [c for c in flags if c.startswith("topic:")] + ["brand"]
        topical = flags[topic_columns].to_numpy(bool).any(axis=1)
        _page_type_labels(by_domain, kinds, _title_topical(columns["source_title"], terms, settings, topical),
                          dom_codes, lang)
        return by_domain

    by_domain = judge(terms)
    learned = _title_vocabulary(links, by_domain, dom_codes, settings, set(terms) | set(derived), names)
    if learned:  # one more pass, for the learned words only
        term = PROFILE_WORDS + ", ".join(learned)
        column = f"topic:{term}"
        flags[column] = _link_flags(links, (term,), {}, settings, columns, brand_free, only_topics=True)[0][
            column].to_numpy()
        terms = terms + (term,)
        by_domain = judge(terms)
    by_domain = by_domain.drop(columns="code")
    by_domain["overridden"] = False
    _apply_overrides(by_domain, settings.relevance_overrides)
    by_domain = by_domain[by_domain["domain"] != ""].reset_index(drop=True)
    by_domain["label"] = pd.Categorical(by_domain["label"], categories=list(RELEVANCE_LABELS))

    lookup = pd.Series(by_domain["label"].to_numpy(), index=by_domain["domain"].to_numpy())
    link_labels = pd.Categorical(lookup.reindex(np.asarray(dom_names, dtype=object)).to_numpy()[dom_codes],
                                 categories=list(RELEVANCE_LABELS))
    per_link = pd.Series(link_labels, index=links.index, name="relevance")
    distribution = _distribution(by_domain)
    titles = "source_title" in links and bool(links["source_title"].notna().any())
    signal = _signal(by_domain, distribution, bool(terms), titles, lang)
    return Relevance(by_domain, per_link, distribution, signal,
                     tuple(dict.fromkeys(derived + tuple(learned or ()))))


def _column(links: pd.DataFrame, name: str) -> tuple[np.ndarray, pa.ChunkedArray]:
    """Codes per link (-1: empty) into the column's distinct values, lower-cased, accents folded in running text."""
    codes, uniques = pd.factorize(links[name]) if name in links else (None, ())
    if not len(uniques):  # no such column, or nothing in it
        return np.full(len(links), -1), pa.chunked_array([], pa.string())
    try:
        texts = pa.chunked_array([pa.array(uniques.array, pa.string())])
    except (TypeError, pa.ArrowException):  # plain object columns, as hand-made frames have
        texts = pa.chunked_array([pa.array([str(u) for u in uniques], pa.string())])
    empty = np.flatnonzero(pc.equal(pc.utf8_trim_whitespace(texts), "").to_numpy())
    if empty.size:
        codes = np.where(np.isin(codes, empty), -1, codes)
    if name != "source_url":  # URLs are ASCII; titles and context are not
        texts = pc.replace_substring_regex(pc.utf8_normalize(texts, "NFKD"), r"\p{Mn}", "")
    return codes, pc.utf8_lower(texts)


TEXT_COLUMNS = ("source_title", "left_context", "right_context", "source_url")
OWN_WORDS = 3  # words of four letters or more in a title and context that make its address redundant
ADDRESS = r"\S*(?:://|www\.|\.[a-z]{2,}\b)\S*"  # a URL or a domain written out, in a lower-cased anchor


def _link_flags(links: pd.DataFrame, terms, groups, settings: ProfileSettings, columns: dict[str, tuple],
                brand_free: dict, only_topics: bool = False) -> tuple[pd.DataFrame, np.ndarray]:
    """Per link: which topic terms and off-topic groups its texts show, whether they name the brand, how many words the page's own text has.

    ``columns`` holds each text column read once (``_column``); ``brand_free`` keeps its texts with
    the brand taken out, for a later call. ``only_topics``: just the topic flags (a second pass).
    """
    brand = [_phrase(b) for b in settings.brand_terms() if words(b)]
    brand_pattern = f"{_START}(?:{'|'.join(brand)}){_END}" if brand else None
    topics = {t: _term_patterns(t) for t in terms}
    any_off = "|".join(f"(?:{p})" for p in groups.values())
    flags = {**{f"topic:{t}": np.zeros(len(links), bool) for t in terms},
             **{f"off:{g}": np.zeros(len(links), bool) for g in groups}, "brand": np.zeros(len(links), bool)}
    count = np.zeros(len(links), np.int64)
    anchors, columns = columns["anchor"], {name: columns[name] for name in TEXT_COLUMNS}
    own_text = np.zeros(len(links), bool)  # a title or context: the URL's words are then not counted
    for name, (codes, texts) in columns.items():
        present = codes >= 0
        gather = lambda per_value: np.append(per_value, per_value[:0].dtype.type())[codes]  # noqa: E731
        if name == "source_url" and (count >= OWN_WORDS).any():
            # A page whose title or context has words enough is read from those; its address says the
            # same in fewer words. Blanking those addresses spares every pattern below most of a big
            # profile; a title in another script (Persian, Arabic) leaves the address to be read.
            need = np.zeros(len(texts), bool)
            need[codes[present & (count < OWN_WORDS)]] = True
            texts = pc.if_else(pa.chunked_array([pa.array(need)]), texts, "")
        if name in brand_free:
            named, texts = brand_free[name]
        else:
            named = _has(texts, brand_pattern) if brand_pattern else np.zeros(len(texts), bool)
            if named.any():  # the page names you (a review, a listing): evidence, but its words are not topic words
                texts = pc.if_else(pa.chunked_array([pa.array(named)]), pc.replace_substring_regex(texts, brand_pattern, " "),
                                   texts)
            brand_free[name] = (named, texts)
        flags["brand"] |= gather(named)
        if topics:  # most texts show no topic word: one pass finds the candidates, each term runs on those
            candidates = np.flatnonzero(_has(texts, "|".join(f"(?:{p[0]})" for p in topics.values())))
            suspects = texts.take(pa.array(candidates))
            for term, patterns in topics.items():
                per_value = np.zeros(len(texts), bool)
                per_value[candidates] = np.logical_and.reduce([_has(suspects, p) for p in patterns])
                flags[f"topic:{term}"] |= gather(per_value)
        if only_topics:
            continue
        off = _has(texts, any_off) if groups else np.zeros(len(texts), bool)
        if off.any():  # off-topic vocabulary is rare: one pass for all groups, then each group on those values
            hits, suspects = np.flatnonzero(off), texts.take(pa.array(np.flatnonzero(off)))
            for group, pattern in groups.items():
                per_value = np.zeros(len(texts), bool)
                per_value[hits] = _has(suspects, pattern)
                flags[f"off:{group}"] |= gather(per_value)
        if name == "source_url":  # URL words count only where the page has no title or context
            need = np.zeros(len(texts), bool)
            need[codes[present & ~own_text]] = True
            texts = pc.replace_substring_regex(texts, r"^[a-z][a-z0-9+.-]*://[^/?#]*", "")  # not the host
        else:
            need = np.ones(len(texts), bool)
            own_text |= present
        words_per_value = np.zeros(len(texts), np.int64)
        if need.any():
            counted = pc.count_substring_regex(texts.filter(pa.chunked_array([pa.array(need)])), "[a-z]{4,}")
            words_per_value[need] = counted.to_numpy()
        count += gather(words_per_value)
    if not only_topics and brand_pattern:
        # An anchor that names the site as a name ("Caldea Spa" in a travel guide) is the page writing
        # about it; a bare address ("caldea.com", "https://…") is what directories and spam drop.
        codes, texts = anchors
        named = _has(pc.replace_substring_regex(texts, ADDRESS, " "), brand_pattern)
        flags["brand"] |= np.append(named, False)[codes]
    flags["words"] = count
    title_codes, url_codes = columns["source_title"][0], columns["source_url"][0]
    page = np.where(title_codes >= 0, title_codes, title_codes.max(initial=-1) + 1 + np.maximum(url_codes, 0))
    return pd.DataFrame(flags), page


PAGE_TYPES = Path(__file__).with_name("data") / "page_types.toml"
PAGE_TYPE_SHARE = 0.5  # a domain is its page type when at least half of its links sit on such pages


@cache
def page_types() -> dict[str, dict]:
    """``data/page_types.toml``: per type its label and one pattern per field (title, url, anchor)."""
    data = load_toml(PAGE_TYPES)
    out = {}
    for name, entry in data.items():
        fields = {f: "|".join(f"(?:{p})" for p in entry[f]) for f in ("title", "url", "anchor") if entry.get(f)}
        if not fields:
            raise DataFileError(PAGE_TYPES, name, "needs at least one of title, url, anchor")
        out[name] = {"fields": fields, "needs_topic_miss": bool(entry.get("needs_topic_miss"))}
    return out


def _title_topical(title: tuple[np.ndarray, pa.ChunkedArray], terms: tuple[str, ...], settings: ProfileSettings,
                   topical: np.ndarray) -> np.ndarray:
    """Per link: its page title (``_column`` of the titles) shows a topic word or the brand; without a
    title, what the rest shows."""
    codes, texts = title
    patterns = [p for t in terms for p in _term_patterns(t)]
    patterns += [f"{_START}(?:{_phrase(b)})" for b in settings.brand_terms() if words(b)]
    if not len(texts) or not patterns:
        return topical if not len(texts) else np.zeros(len(codes), bool)
    per_value = _has(texts, "|".join(f"(?:{p})" for p in patterns))
    return np.where(codes >= 0, np.append(per_value, False)[codes], topical)


def _own_names(names: frozenset[str]) -> list[str]:
    """The site's names written together, long enough to recognise in a URL or title ("hbnobulk")."""
    whole = sorted({n[len(WHOLE):] for n in names if n.startswith(WHOLE)}, key=len)
    return [re.escape(n) for n in whole if len(n) >= 6]


def _page_type_per_link(links: pd.DataFrame, topical: np.ndarray, own_names: list[str],
                        columns: dict[str, tuple]) -> np.ndarray:
    """Per link: the first page type its title, URL or anchor shows ("" for none).

    Each field is matched per distinct value, and first against all types at once: most pages are
    none of them, so the per-type patterns run only on the few candidates. A page at another site's
    root named after this site (``example.org/essentialnaturaloils``) is a profile too.
    """
    named_after = rf"^https?://[^/]+/@?(?:{'|'.join(own_names)})[a-z0-9_]*/?$" if own_names else ""
    found = np.full(len(links), "", dtype=object)
    kinds = page_types()
    hits = {name: np.zeros(len(links), bool) for name in kinds}
    for field, column in (("title", "source_title"), ("url", "source_url"), ("anchor", "anchor")):
        patterns = {name: kind["fields"][field] for name, kind in kinds.items() if field in kind["fields"]}
        if field == "url" and named_after and "profile" in patterns:
            patterns["profile"] = f"{patterns['profile']}|(?:{named_after})"
        if column not in links or not patterns or not links[column].notna().any():
            continue
        codes, distinct = columns[column]
        if not len(distinct):
            continue
        distinct = distinct.combine_chunks() if isinstance(distinct, pa.ChunkedArray) else distinct
        anything = "|".join(f"(?:{p})" for p in patterns.values())
        candidate = pc.match_substring_regex(distinct, anything, ignore_case=True).to_numpy(zero_copy_only=False)
        candidate = np.flatnonzero(np.nan_to_num(candidate.astype(float)).astype(bool))
        if not candidate.size:
            continue
        suspects = distinct.take(pa.array(candidate))
        for name, pattern in patterns.items():
            per_value = np.zeros(len(distinct) + 1, bool)
            per_value[candidate] = pc.match_substring_regex(suspects, pattern, ignore_case=True).to_numpy(
                zero_copy_only=False).astype(bool)
            hits[name] |= per_value[np.where(codes >= 0, codes, len(distinct))]
    if own_names and "profile" in hits:
        hits["profile"] |= _titled_after(columns["source_title"], own_names)
    for name, kind in kinds.items():
        hit = hits[name] & ~topical if kind["needs_topic_miss"] else hits[name]
        found[(found == "") & hit] = name
    return found


def _titled_after(title: tuple[np.ndarray, pa.ChunkedArray], own_names: list[str]) -> np.ndarray:
    """Per link: a part of its page title IS the site's name ("Essential Natural Oils", "HBNO Bulk |
    Yellow Pages"): a page made about the site on someone else's platform — a listing or a profile."""
    codes, distinct = title
    if not len(distinct):
        return np.zeros(len(codes), bool)
    collapsed = pc.replace_substring_regex(distinct, r"[^a-z0-9|•:–—-]", "")
    pattern = rf"(?:^|[|•:–—-])(?:{'|'.join(own_names)})(?:$|[|•:–—-])"
    per_value = pc.match_substring_regex(collapsed, pattern).to_numpy(zero_copy_only=False).astype(bool)
    return np.where(codes >= 0, np.append(per_value, False)[codes], False)


def _page_type_labels(by_domain: pd.DataFrame, kinds: np.ndarray, title_topical: np.ndarray, dom_codes: np.ndarray,
                      lang: str) -> None:
    """Domains whose pages are mostly one of the not-relevant page types: ``not_relevant``, the type as evidence."""
    if not len(kinds) or not len(by_domain):
        return
    conditional = [k for k, v in page_types().items() if v["needs_topic_miss"]]
    discussed = np.isin(kinds, conditional) & title_topical
    kinds = np.where(discussed, "", kinds)  # a forum thread on your subject is a conversation
    # A forum where your subject is discussed at all is a place where people talk about it: its
    # other threads do not make it spam. The unconditional types (link selling, directories) stay.
    talking = pd.Series(discussed).groupby(dom_codes).any()
    kinds = np.where(np.isin(kinds, conditional) & talking.reindex(dom_codes).to_numpy(bool), "", kinds)
    typed = pd.DataFrame({"domain": dom_codes, "kind": kinds})
    share = typed.assign(any=typed["kind"] != "").groupby("domain")["any"].mean()
    # The type most of a domain's typed links show, counted without a Python call per domain.
    counted = typed[typed["kind"] != ""].value_counts().reset_index(name="n")
    main = counted.sort_values(["domain", "n"], ascending=[True, False]).drop_duplicates("domain").set_index("domain")["kind"]
    codes = by_domain["code"]
    share_of = share.reindex(codes.to_numpy()).fillna(0).to_numpy()
    kind_of = main.reindex(codes.to_numpy()).fillna("").to_numpy()
    forced = share_of >= PAGE_TYPE_SHARE
    by_domain.loc[forced, "label"] = "not_relevant"
    by_domain.loc[forced, "evidence"] = [text(lang, "irrelevant_sources.page_type",
                                              kind=text(lang, f"irrelevant_sources.page_types.{k}")) for k in kind_of[forced]]


def _has(texts: pa.ChunkedArray, pattern: str) -> np.ndarray:
    if not len(texts):
        return np.zeros(0, bool)
    return pc.match_substring_regex(texts, pattern).to_numpy().astype(bool)


def _pages(flags: pd.DataFrame, page_codes: np.ndarray, dom_codes: np.ndarray) -> pd.DataFrame:
    """The links folded into pages, (domain, title) or (domain, URL): a page shows what any of its links shows."""
    width = int(page_codes.max(initial=0)) + 1
    unique, inverse = np.unique(dom_codes.astype(np.int64) * width + page_codes, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(inverse[order]) != 0])
    pages = pd.DataFrame({c: np.maximum.reduceat(flags[c].to_numpy()[order], starts) if len(order) else flags[c].to_numpy()
                          for c in flags})
    pages["domain"] = unique // width
    off = [c for c in pages if c.startswith("off:")]
    pages["off"] = pages[off].to_numpy(bool).any(axis=1) if off else False
    return pages


def _page_scores(pages: pd.DataFrame, estimate: dict) -> np.ndarray:
    """On topic, mixed, off topic, no topic word in enough text, or too little text to tell."""
    topic_cols = [c for c in pages if c.startswith("topic:")] + ["brand"]
    on = pages[topic_cols].to_numpy(bool).any(axis=1)
    off = pages["off"].to_numpy(bool)
    enough = pages["words"].to_numpy() >= estimate["min_words"]
    return np.select([on & ~off, on & off, off, enough],
                     [estimate["on_topic"], estimate["mixed"], estimate["off_topic"], estimate["no_topic"]],
                     default=estimate["too_little_text"]).astype(float)


def _evidence(per_domain, terms, groups, settings: ProfileSettings, lang: str) -> np.ndarray:
    """What was found on a domain's pages and on how many of them: "andorra, thermal, … 3/40".

    The count is what makes a label readable: topic words on 3 of 40 pages still make a domain
    mostly not about the subject.
    """
    brand = settings.brand_terms()
    def shown(term: str) -> str:  # the profile's own words: the first few are evidence enough
        if not term.startswith(PROFILE_WORDS):
            return term
        listed = term[len(PROFILE_WORDS):].split(", ")
        return ", ".join(listed[:4]) + (", …" if len(listed) > 4 else "")

    names = {**{f"topic:{t}": shown(t) for t in terms}, **({"brand": brand[0]} if brand else {}),
             **{f"off:{g}": g for g in groups}}
    hits = per_domain[list(names)].sum()
    pages = per_domain.size().to_numpy()
    out = np.full(len(hits), "", dtype=object)
    for column, name in names.items():
        found = hits[column].to_numpy()
        hit = found > 0
        shown_here = np.array([text(lang, "irrelevant_sources.on_pages", what=name, hits=int(h), pages=int(p))
                               for h, p in zip(found[hit], pages[hit])], dtype=object)
        out[hit] = np.where(out[hit] == "", shown_here, out[hit] + "; " + shown_here)
    return out


def _apply_overrides(by_domain: pd.DataFrame, overrides: dict[str, str]) -> None:
    """The user's labels win; a domain may be given as a host or URL, and unknown labels are refused."""
    wanted = {}
    for domain, label in (overrides or {}).items():
        if label not in RELEVANCE_LABELS:
            raise ValueError(f"relevance override for {domain!r}: {label!r} is not one of {', '.join(RELEVANCE_LABELS)}")
        host = str(domain).strip().lower().split("://")[-1].split("/")[0].split(":")[0]
        wanted[registrable_domain(host) or host] = label
    hit = by_domain["domain"].isin(list(wanted))
    by_domain.loc[hit, "label"] = by_domain.loc[hit, "domain"].map(wanted)
    by_domain.loc[hit, "overridden"] = True


def _distribution(by_domain: pd.DataFrame) -> pd.DataFrame:
    grouped = by_domain.groupby("label", observed=False)
    out = pd.DataFrame({"domains": grouped.size(), "links": grouped["links"].sum()}).reindex(list(RELEVANCE_LABELS), fill_value=0)
    out["share_domains"] = out["domains"] / max(int(out["domains"].sum()), 1)
    out["share_links"] = out["links"] / max(int(out["links"].sum()), 1)
    out.index.name = "label"
    return out


def _signal(by_domain: pd.DataFrame, distribution: pd.DataFrame, has_terms: bool, titles: bool, lang: str) -> Signal:
    limits = thresholds(SIGNAL_ID)
    cut = {"watch": float(limits["watch"]), "concern": float(limits["concern"])}
    details = {"domains": int(distribution["domains"].sum()), "overridden": int(by_domain["overridden"].sum()),
               "titles": titles, **{f"share_{label}": float(distribution.at[label, "share_domains"]) for label in RELEVANCE_LABELS}}
    if by_domain.empty:
        return Signal(SIGNAL_ID, "unknown", None, cut, text(lang, "irrelevant_sources.why.no_links"), details)
    if not has_terms:  # overrides alone would count only what the user happened to mark
        return Signal(SIGNAL_ID, "unknown", None, cut, text(lang, "irrelevant_sources.why.no_topics"), details)
    value = details["share_not_relevant"]
    # the clearest case first (lowest score), then the one with most links: the example in `why`
    worst = by_domain[by_domain["label"] == "not_relevant"].sort_values(["score", "links", "domain"],
                                                                       ascending=[True, False, True])
    details["not_relevant_domains"] = worst["domain"].head(10).tolist()
    key = "irrelevant_sources.why." + ("value" if titles else "value_no_titles") + ("" if len(worst) else "_none")
    why = text(lang, key, share=percent(value, lang), unclear=percent(details["share_unclear"], lang),
               example=worst["domain"].iloc[0] if len(worst) else "")
    return Signal(SIGNAL_ID, level_for(value, **cut), value, cut, why, details)


def _charts(measured: Relevance, lang: str) -> list:
    if not measured.distribution["domains"].sum():
        return []
    return [("half", charts.relevance_chart(measured.distribution, lang))]


SIGNAL = SignalSpec(
    id=SIGNAL_ID, needs=(("source_title", "left_context", "right_context", "anchor"),),
    measure=lambda inputs: analyse_relevance(inputs.links, inputs.settings, inputs.lang),
    charts=_charts)

__all__ = ["SIGNAL", "RELEVANCE_LABELS", "Relevance", "analyse_relevance", "topic_terms"]
