"""What a page reading says about the five traits: a suggested answer per trait with the reason, for the user to confirm.

>>> from linkwijzer.inspect.read import read_page
>>> page = read_page(b'<p>De monteurs van <a href="https://fietsenvandijk.nl">Fietsen van Dijk</a> '
...                  b'legden uit hoe je een accu test.</p>', "https://blog.example.nl/a", target="fietsenvandijk.nl")
>>> [(e.trait, e.suggestion) for e in evidence_for(page, target="fietsenvandijk.nl", target_terms=None,
...                                               brand=("Fietsen van Dijk",), keywords=("e-bike kopen",), lang="en")]
[('context', 'yes'), ('naturalness', 'yes'), ('relevance', 'unknown'), ('origin', 'unknown'), ('contribution', 'unknown')]
"""

# Suggestions, not verdicts: each Evidence says what was seen (facts) and why that points to an
# answer; the single-link page pre-fills the answer and the user changes what they know better.
# A link that is not on the page leaves context and naturalness unknown; relevance and origin
# describe the page itself, so they hold for a link that is still being planned too.

from __future__ import annotations

from dataclasses import dataclass, field

from linkwijzer.i18n import normalise_language, text
from linkwijzer.inspect._text import term
from linkwijzer.inspect.read import LinkReading, PageReading
from linkwijzer.profile.signals.keyword_anchors import Classifier, percent, words
from linkwijzer.profile.importing.urls import normalise_url

NOTE = "page"  # the trait of a note about the page as a whole (noindex, canonical elsewhere)
# A link page: hundreds of links to dozens of sites, the classic "partners" or link-directory
# page whose links exist for their own sake. Both counts must be high: a long news article can
# link to many pages of a few sites, a blogroll to a few pages of many.
LINK_PAGE_LINKS = 100
LINK_PAGE_DOMAINS = 50
# Share of the target's key terms (up to 200 stemmed words) that the linking page also uses. Two
# pages about one subject share a good part of their vocabulary, unrelated pages only common
# words: on the 88 news pages of shared/data, random pairs share 0.10 (median) and 0.17 (90th
# percentile); two articles about the same discovery share 0.34-0.37.
RELEVANT_FROM = 0.30
PARTLY_FROM = 0.18
_CONTEXT = {"content": "yes", "content_list": "partly"}  # every other placement: outside the text -> no
_ANCHOR = {"exact": "no", "partial": "partly", "compound": "partly", "branded": "yes", "naked_url": "yes",
           "generic": "yes", "other": "yes"}
_RANK = {"content": 0, "content_list": 1}


@dataclass(frozen=True)
class Evidence:
    """One suggested answer and what it rests on."""

    trait: str
    """One of the questionnaire's traits, or NOTE for a remark about the page as a whole."""
    suggestion: str
    """yes / partly / no / unknown."""
    reason: str
    """One or two sentences in the interface language saying what was seen."""
    facts: dict = field(default_factory=dict)
    """What the reason rests on, as plain values (for JSON and tests)."""

    def as_dict(self) -> dict:
        return {"trait": self.trait, "suggestion": self.suggestion, "reason": self.reason, "facts": self.facts}


def evidence_for(reading: PageReading, *, target: str, target_terms: set[str] | frozenset[str] | None,
                 brand: tuple[str, ...], keywords: tuple[str, ...], lang: str) -> list[Evidence]:
    """Evidence per trait (context, naturalness, relevance, origin, contribution), then notes about the page."""
    lang = normalise_language(lang)
    link = _primary(reading.found)
    out = [_context(reading, link, target, lang), _naturalness(reading, link, brand, keywords, target, lang),
           _relevance(reading, target_terms, lang), _origin(reading, link, lang),
           Evidence("contribution", "unknown", text(lang, "evidence.contribution.profile"))]
    return out + _notes(reading, link, lang)


def _primary(found: list[LinkReading]) -> LinkReading | None:
    """The link the page is judged by: the first one in the text if any, else the first one."""
    return min(found, key=lambda link: (_RANK.get(link.placement, 2), link.index)) if found else None


def _context(reading: PageReading, link: LinkReading | None, target: str, lang: str) -> Evidence:
    if link is None:
        return _not_found("context", reading, target, lang)
    places = {}
    for found in reading.found:
        places[found.placement] = places.get(found.placement, 0) + 1
    facts = {"placement": link.placement, "context": link.context, "links_to_target": len(reading.found),
             "placements": places}
    suggestion = _CONTEXT.get(link.placement, "no")
    if suggestion != "no":
        reason = text(lang, f"evidence.context.{link.placement}", context=link.context)
    elif link.placement == "unknown":
        reason = text(lang, "evidence.context.not_in_text")
    else:
        reason = text(lang, "evidence.context.outside", place=text(lang, f"evidence.place.{link.placement}"))
    if len(reading.found) > 1:
        reason += " " + text(lang, "evidence.context.more_links", count=len(reading.found))
    return Evidence("context", suggestion, reason, facts)


def _naturalness(reading: PageReading, link: LinkReading | None, brand: tuple[str, ...], keywords: tuple[str, ...],
                 target: str, lang: str) -> Evidence:
    if link is None:
        return _not_found("naturalness", reading, target, lang)
    anchor_class = Classifier(tuple(brand), tuple(keywords))(link.anchor)
    facts = {"anchor": link.anchor, "anchor_class": anchor_class, "is_image": link.is_image,
             "keywords_given": bool(keywords)}
    if anchor_class == "image":
        return Evidence("naturalness", "unknown", text(lang, "evidence.naturalness.image"), facts)
    suggestion = _ANCHOR[anchor_class]
    reason = text(lang, f"evidence.naturalness.{suggestion}", anchor=link.anchor,
                  kind=text(lang, f"evidence.anchor.{anchor_class}"))
    if link.is_image:
        reason += " " + text(lang, "evidence.naturalness.alt")
    if not keywords and suggestion == "yes":
        reason += " " + text(lang, "evidence.naturalness.no_keywords")
    return Evidence("naturalness", suggestion, reason, facts)


def _relevance(reading: PageReading, target_terms, lang: str) -> Evidence:
    wanted = {term(w) for t in (target_terms or ()) for w in words(str(t)) if len(w) >= 3}
    if not wanted:
        return Evidence("relevance", "unknown", text(lang, "evidence.relevance.no_terms"), {"target_terms": 0})
    have = {term(t) for t in reading.text_terms}
    shared = sorted(wanted & have)
    share = len(shared) / len(wanted)
    suggestion = "yes" if share >= RELEVANT_FROM else "partly" if share >= PARTLY_FROM else "no"
    facts = {"share": round(share, 3), "shared_terms": shared[:20], "target_terms": len(wanted)}
    examples = ", ".join(shared[:6]) or "–"
    reason = text(lang, f"evidence.relevance.{suggestion}", share=percent(share, lang), shared=len(shared),
                  total=len(wanted), examples=examples)
    return Evidence("relevance", suggestion, reason, facts)


def _origin(reading: PageReading, link: LinkReading | None, lang: str) -> Evidence:
    rel = link.rel if link is not None else frozenset()
    link_page = reading.outbound_links > LINK_PAGE_LINKS and len(reading.outbound_domains) > LINK_PAGE_DOMAINS
    facts = {"outbound_links": reading.outbound_links, "outbound_domains": len(reading.outbound_domains),
             "sponsored": "sponsored" in rel, "ugc": "ugc" in rel, "link_page": link_page}
    reasons = []
    if link_page:
        reasons.append(text(lang, "evidence.origin.link_page", links=reading.outbound_links,
                            domains=len(reading.outbound_domains)))
    if "sponsored" in rel:
        reasons.append(text(lang, "evidence.origin.sponsored"))
    if "ugc" in rel:
        reasons.append(text(lang, "evidence.origin.ugc"))
    if not reasons:
        return Evidence("origin", "unknown", text(lang, "evidence.origin.nothing_seen", links=reading.outbound_links,
                                                  domains=len(reading.outbound_domains)), facts)
    # a link page is no reason for a link at all; a paid or user-placed link can still fit
    suggestion = "no" if link_page or len(reasons) > 1 else "partly"
    return Evidence("origin", suggestion, " ".join(reasons), facts)


def _not_found(trait: str, reading: PageReading, target: str, lang: str) -> Evidence:
    key = "evidence.not_found" if target else "evidence.no_target"
    return Evidence(trait, "unknown", text(lang, key, target=target), {"found": 0, "links": len(reading.links)})


def _notes(reading: PageReading, link: LinkReading | None, lang: str) -> list[Evidence]:
    notes = []
    if reading.robots.noindex:
        notes.append(Evidence(NOTE, "unknown", text(lang, "evidence.note.noindex"), {"noindex": True}))
    if reading.robots.nofollow:
        notes.append(Evidence(NOTE, "unknown", text(lang, "evidence.note.page_nofollow"), {"page_nofollow": True}))
    if link is not None and "nofollow" in link.rel:
        notes.append(Evidence(NOTE, "unknown", text(lang, "evidence.note.nofollow"), {"nofollow": True}))
    if reading.canonical and reading.url and _other_page(reading.canonical, reading.url):
        notes.append(Evidence(NOTE, "unknown", text(lang, "evidence.note.canonical", canonical=reading.canonical),
                              {"canonical": reading.canonical}))
    notes += [Evidence(NOTE, "unknown", note, {}) for note in reading.notes]
    return notes


def _other_page(a: str, b: str) -> bool:
    return normalise_url(a) != normalise_url(b)


__all__ = ["Evidence", "NOTE", "evidence_for"]
