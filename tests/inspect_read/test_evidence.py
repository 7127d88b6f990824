"""Evidence per trait from a page reading, in Dutch and English."""

from __future__ import annotations

import pytest

from linkwijzer.i18n import LANGUAGES
from linkwijzer.inspect.evidence import NOTE, evidence_for
from linkwijzer.inspect.read import read_page
from linkwijzer.questionnaire.rules import load_rules
from tests.inspect_read import pages

URL = "https://blog.example.nl/onderhoud"
SITE = "fietsenvandijk.nl"
BRAND = ("Fietsen van Dijk",)
KEYWORDS = ("e-bike onderhoud", "fietsenmaker utrecht")


def evidence(html: str, lang: str = "nl", target: str = SITE, terms=None, keywords=KEYWORDS) -> dict:
    reading = read_page(html, URL, target=target)
    items = evidence_for(reading, target=target, target_terms=terms, brand=BRAND, keywords=keywords, lang=lang)
    out: dict = {}
    for item in items:
        out.setdefault(item.trait, []).append(item)
    return out


def one(html: str, trait: str, **kw):
    return evidence(html, **kw)[trait][0]


def article(link: str) -> str:
    return pages.html5(link=link).replace('<li><a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></li>', "") \
        .replace('<li><a href="https://www.fietsenvandijk.nl/">Onze partner</a></li>', "") \
        .replace(' &middot; <a href="https://www.fietsenvandijk.nl">Fietsen van Dijk</a>', "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_trait_once_with_a_reason_in_the_language(lang):
    got = evidence(pages.html5(), lang=lang)
    assert [t for t in got if t != NOTE] == ["context", "naturalness", "relevance", "origin", "contribution"]
    assert set(load_rules().traits) == {t for t in got if t != NOTE}
    for items in got.values():
        for item in items:
            assert item.reason and "{" not in item.reason
            assert item.suggestion in load_rules().answers
    other = "en" if lang == "nl" else "nl"
    assert got["context"][0].reason != evidence(pages.html5(), lang=other)["context"][0].reason


def test_context_follows_placement():
    in_text = one(pages.html5(), "context")
    assert in_text.suggestion == "yes"
    assert in_text.facts["placement"] == "content" and in_text.facts["links_to_target"] == 4
    assert "Volgens de monteurs van Fietsen van Dijk" in in_text.reason
    in_list = one(article('<a href="/x">de monteur</a>').replace(
        'href="https://www.fietsersbond.nl/accu"', 'href="https://fietsenvandijk.nl/accu"'), "context")
    assert in_list.suggestion == "partly"
    footer_only = pages.html5(link="de monteur")
    footer = one(footer_only.replace('<li><a href="https://www.fietsenvandijk.nl/">Fietsen van Dijk</a></li>', "")
                 .replace('<li><a href="https://www.fietsenvandijk.nl/">Onze partner</a></li>', ""), "context", lang="en")
    assert footer.suggestion == "no"
    assert footer.reason == "The link sits in the footer, outside the running text."


def test_not_found_leaves_link_traits_unknown_and_says_so():
    got = evidence(pages.html5(), target="ergens-anders.nl", lang="en")
    assert got["context"][0].suggestion == got["naturalness"][0].suggestion == "unknown"
    assert got["context"][0].reason == "This page has no link to ergens-anders.nl."
    assert got["context"][0].facts["found"] == 0
    no_target = evidence(pages.html5(), target="", lang="en")
    assert no_target["naturalness"][0].reason == "You gave no site to look for."


@pytest.mark.parametrize(("anchor", "suggestion", "kind"), [
    ("Fietsen van Dijk", "yes", "branded"), ("e-bike onderhoud", "no", "exact"),
    ("onderhoud van je e-bike in Utrecht", "partly", "partial"), ("fietsenvandijk.nl", "yes", "naked_url"),
    ("deze werkplaats", "yes", "other"), ("klik hier", "yes", "generic")])
def test_naturalness_from_the_anchor_class(anchor, suggestion, kind):
    item = one(article(f'<a href="https://fietsenvandijk.nl/x">{anchor}</a>'), "naturalness")
    assert (item.suggestion, item.facts["anchor_class"], item.facts["anchor"]) == (suggestion, kind, anchor)


def test_naturalness_of_image_links_and_without_keywords():
    no_alt = one(article('<a href="https://fietsenvandijk.nl/x"><img src="a.png"></a>'), "naturalness", lang="en")
    assert no_alt.suggestion == "unknown" and "alt text" in no_alt.reason
    alt = one(article('<a href="https://fietsenvandijk.nl/x"><img src="a.png" alt="Fietsen van Dijk"></a>'), "naturalness")
    assert alt.suggestion == "yes" and alt.facts["is_image"]
    plain = one(article('<a href="https://fietsenvandijk.nl/x">e-bike onderhoud</a>'), "naturalness", keywords=(), lang="en")
    assert plain.suggestion == "yes" and "You gave no keywords" in plain.reason


def test_relevance_from_shared_terms():
    target = read_page(pages.div_layout(), "https://fietsenvandijk.nl/")  # a page on the same subject
    same = one(pages.html5(), "relevance", terms=target.text_terms)
    assert same.suggestion == "yes" and same.facts["share"] >= 0.3
    topics = one(pages.html5(), "relevance", terms={"e-bike", "accu", "ketting"})
    assert topics.suggestion == "yes" and topics.facts["target_terms"] == 3
    other = one(pages.html5(), "relevance", terms={"hypotheek", "rente", "belasting", "pensioen", "aandelen"}, lang="en")
    assert other.suggestion == "no" and other.reason.startswith("The page shares almost none")
    assert one(pages.html5(), "relevance", terms=None).suggestion == "unknown"


def test_origin_from_rel_and_link_pages():
    assert one(pages.html5(), "origin").suggestion == "unknown"
    sponsored = one(article('<a href="https://fietsenvandijk.nl/x" rel="sponsored">deze winkel</a>'), "origin", lang="en")
    assert sponsored.suggestion == "partly" and "sponsored" in sponsored.reason
    ugc = one(article('<a href="https://fietsenvandijk.nl/x" rel="ugc nofollow">deze winkel</a>'), "origin")
    assert ugc.suggestion == "partly"
    many = "".join(f'<li><a href="https://site{i}.example/p{j}">site {i}</a></li>' for i in range(60) for j in range(2))
    link_page = one(f'<ul>{many}</ul><p>En <a href="https://fietsenvandijk.nl">Fietsen van Dijk</a>.</p>', "origin")
    assert link_page.suggestion == "no" and link_page.facts["outbound_domains"] == 61


def test_notes_about_the_page():
    html = article('<a href="https://fietsenvandijk.nl/x" rel="nofollow">deze winkel</a>').replace(
        "<head>", '<head><meta name="robots" content="noindex"><link rel="canonical" href="https://elders.example/a">')
    notes = evidence(html, lang="en")[NOTE]
    assert [n.facts for n in notes] == [{"noindex": True}, {"nofollow": True}, {"canonical": "https://elders.example/a"}]
    assert all(n.suggestion == "unknown" for n in notes)
    assert NOTE not in evidence(pages.html5())
