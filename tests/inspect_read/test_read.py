"""read_page: links as written and resolved, anchors, rel, sentences, and what the page says about itself."""

from __future__ import annotations

from linkwijzer.inspect._text import term
from linkwijzer.inspect.read import read_page
from tests.inspect_read import pages

URL = "https://blog.example.nl/artikelen/onderhoud"


def test_links_in_document_order_with_index_and_href_as_written():
    reading = read_page('<a href=" /a ">A</a><p><a href="b.html">B</a><a name="x">no href</a><a href="">C</a></p>', URL)
    assert [(link.index, link.href, link.anchor) for link in reading.links] == [(0, "/a", "A"), (1, "b.html", "B"), (2, "", "C")]


def test_relative_urls_resolve_against_the_page():
    links = read_page('<a href="/pad">1</a><a href="zus.html">2</a><a href="../up">3</a><a href="//cdn.example.nl/x">4</a>'
                      '<a href="?p=2">5</a><a href="#top">6</a><a href="HTTPS://Ander.nl">7</a>', URL).links
    assert [link.url for link in links] == [
        "https://blog.example.nl/pad", "https://blog.example.nl/artikelen/zus.html", "https://blog.example.nl/up",
        "https://cdn.example.nl/x", "https://blog.example.nl/artikelen/onderhoud?p=2",
        "https://blog.example.nl/artikelen/onderhoud#top", "https://Ander.nl"]


def test_base_href_wins_over_the_page_url():
    html = '<head><base href="https://static.example.org/map/"></head><a href="pagina.html">x</a><a href="/root">y</a>'
    assert [link.url for link in read_page(html, URL).links] == [
        "https://static.example.org/map/pagina.html", "https://static.example.org/root"]
    relative_base = '<base href="/andere/"><a href="p.html">x</a>'
    assert read_page(relative_base, URL).links[0].url == "https://blog.example.nl/andere/p.html"


def test_tabs_and_newlines_in_href_are_dropped_like_browsers_do():
    assert read_page('<a href="https://ex\nample.nl/a\tb">x</a>', URL).links[0].url == "https://example.nl/ab"


def test_image_links_take_the_alt_text():
    html = ('<a href="/1"><img src="logo.png" alt="Fietsen van Dijk"></a>'
            '<a href="/2"><img src="x.png"></a>'
            '<a href="/3"><img src="y.png" alt="niet dit"> Tekst bij de foto</a>'
            '<a href="/4" aria-label="Logo Dijk"><svg><path d="M0 0"/></svg></a>')
    links = read_page(html, URL).links
    assert [(link.anchor, link.is_image) for link in links] == [
        ("Fietsen van Dijk", True), ("", True), ("Tekst bij de foto", False), ("Logo Dijk", True)]


def test_rel_values_lower_case_set():
    links = read_page('<a href="/a" rel="NoFollow  sponsored">a</a><a href="/b" rel="ugc">b</a><a href="/c">c</a>', URL).links
    assert [link.rel for link in links] == [{"nofollow", "sponsored"}, {"ugc"}, set()]


def test_anchor_text_reads_like_the_page():
    links = read_page('<a href="/x">  Fietsen\n van <b>Dijk</b>, Utrecht </a><a href="/y"><h3>Titel</h3><p>Samenvatting</p></a>',
                      URL).links
    assert links[0].anchor == "Fietsen van Dijk, Utrecht"
    assert links[1].anchor == "Titel Samenvatting"


def test_context_is_the_sentence_around_the_link():
    link = read_page(pages.html5(), URL, target="fietsenvandijk.nl/onderhoud").found[0]
    assert link.context == ("Volgens de monteurs van Fietsen van Dijk loont het om de accu elk jaar te laten testen, "
                            "vooral als je vaak in de kou rijdt.")
    long = "Woord " * 400
    context = read_page(f"<p>{long}<a href='/x'>hier</a> {long}</p>", URL).links[0].context
    assert "hier" in context and len(context) <= 302


def test_meta_robots_flags():
    assert read_page('<meta name="robots" content="noindex, follow">', URL).robots.noindex
    robots = read_page('<meta name="ROBOTS" content="NOINDEX,NOFOLLOW"><meta name="googlebot" content="max-snippet:50">', URL).robots
    assert (robots.noindex, robots.nofollow) == (True, True)
    assert robots.directives == ("noindex", "nofollow", "max-snippet:50")
    none = read_page('<meta name="robots" content="none">', URL).robots
    assert none.noindex and none.nofollow
    assert not read_page("<p>niets</p>", URL).robots.noindex


def test_canonical_resolved_even_when_head_was_closed_early():
    html = '<head><noscript><img src="p.gif"></noscript><link rel="Canonical" href="/artikelen/onderhoud?x=1"></head>'
    assert read_page(html, URL).canonical == "https://blog.example.nl/artikelen/onderhoud?x=1"
    assert read_page("<p>x</p>", URL).canonical == ""


def test_title_language_and_fallbacks():
    reading = read_page(pages.html5(), URL)
    assert (reading.title, reading.lang) == ("Onderhoud van je e-bike", "nl")
    assert read_page('<html lang="en-GB"><title> A \n title </title></html>', URL).lang == "en"
    assert read_page('<meta property="og:title" content="Uit OG"><h1>Kop</h1>', URL).title == "Uit OG"
    assert read_page("<h1>Kop</h1>", URL).title == "Kop"
    english = "<p>" + "This is the page and it is about the bikes that you ride with the family. " * 3 + "</p>"
    assert read_page(english, URL).lang == "en"
    assert read_page(pages.div_layout(), URL).lang == "nl"  # no lang attribute: guessed from the text
    assert read_page("<p>123</p>", URL).lang == ""


def test_outbound_links_count_other_sites_only():
    html = ('<a href="/intern">1</a><a href="https://www.example.nl/x">2</a><a href="https://blog.example.nl/y">3</a>'
            '<a href="https://a.com/1">4</a><a href="https://a.com/2">5</a><a href="http://sub.b.co.uk/">6</a>'
            '<a href="mailto:x@c.nl">7</a>')
    reading = read_page(html, "https://www.example.nl/pagina")
    assert reading.outbound_links == 3
    assert reading.outbound_domains == ["a.com", "b.co.uk"]


def test_text_terms_come_from_the_main_text_and_title():
    terms = read_page(pages.html5(), URL).text_terms
    assert {term("accu"), term("fietsen"), term("ketting")} <= terms
    assert term("reacties") not in terms and term("privacy") not in terms


def test_bytes_with_a_declared_charset_are_decoded():
    html = '<meta charset="windows-1252"><title>Café</title><p>Ça va</p>'.encode("cp1252")
    assert read_page(html, URL).title == "Café"
    assert read_page("<title>Café</title>", URL).title == "Café"  # text input as it is


def test_frameset_page_says_where_its_content_is():
    reading = read_page('<frameset><frame src="menu.html"><frame src="inhoud.html"></frameset>', URL, lang="en")
    assert reading.links == []
    assert reading.notes == ["This page consists of frames; its content is in: "
                             "https://blog.example.nl/artikelen/menu.html, https://blog.example.nl/artikelen/inhoud.html."]


def test_as_dict_is_json_shaped():
    link = read_page('<a href="/a" rel="ugc nofollow">a</a>', URL).links[0]
    assert link.as_dict() == {"index": 0, "href": "/a", "url": "https://blog.example.nl/a", "anchor": "a",
                              "rel": ["nofollow", "ugc"], "placement": link.placement, "context": "a", "is_image": False}


def test_page_address_without_scheme_or_with_a_port():
    assert read_page('<a href="/b">b</a>', "example.nl/x").links[0].url == "http://example.nl/b"
    reading = read_page('<a href="https://www.example.nl:8080/a">a</a><a href="/b">b</a>', "http://example.nl:8080/x")
    assert reading.outbound_links == 0 and reading.links[1].url == "http://example.nl:8080/b"


def test_deeply_nested_html_is_refused_quickly_with_a_reason() -> None:
    import time

    html = ("<html><body>" + "<div>" * 200_000 + "<a href='https://fietsenvandijk.nl/'>x</a>" + "</div>" * 200_000)
    started = time.perf_counter()
    reading = read_page(html.encode(), "https://blog.example/", target="fietsenvandijk.nl", lang="en")
    assert time.perf_counter() - started < 2
    assert not reading.links and any("nested" in note for note in reading.notes)
    # just under the budget, a whole 5 MB of it is still read within seconds
    block = "<div>" * 2999 + "x" + "</div>" * 2999
    started = time.perf_counter()
    read_page(("<html><body>" + block * (5_000_000 // len(block))).encode(), "https://blog.example/")
    assert time.perf_counter() - started < 10
