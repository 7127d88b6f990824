"""Fuzzing the reader: whatever the input, read_page reads it without raising (the safety net stays unused)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwijzer.inspect import read as read_module
from linkwijzer.inspect.evidence import evidence_for
from linkwijzer.inspect.read import PLACEMENTS, read_page

EXAMPLES = int(os.environ.get("LINKWIJZER_FUZZ_EXAMPLES", "150"))
# Derandomized in CI, so a submission lands or fails on its own code; LINKWIJZER_FUZZ_RANDOM=1 (with more
# examples) explores new inputs, and every case found that way is kept as an explicit test.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=os.environ.get("LINKWIJZER_FUZZ_RANDOM") != "1")
TOKENS = ["<a href='", "<a href=\"/x\">", "</a>", "<a href=", "<p>", "</p>", "<div class='nav menu'>", "</div>",
          "<nav>", "</nav>", "<footer>", "<base href='", "<img alt='", ">", "'", "\"", "<", "&amp;", "&#0;", "&#x110000;",
          "<frameset><frame src='", "<table><tr><td>", "</td>", "<li>", "<ul>", "<script>", "</script>",
          "<!--", "-->", "<![CDATA[", "<meta name=robots content='", "<link rel=canonical href='", "<html lang='",
          "javascript:", "mailto:", "http://", "https://", "//", "[::1", "\x00", "\ud800", "é", "…", " ", "\n",
          "tekst, met komma's. ", "Fietsen van Dijk", "rel='nofollow sponsored'", "<svg><title>", "<noscript>",
          "<template>", "<select><selectedcontent>", "<a href='x'><a href='y'>", "<body class='sidebar'>"]
HTMLISH = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=20)), max_size=60).map("".join)
URLS = st.one_of(st.just("https://blog.example.nl/a/b"), st.just(""), st.text(max_size=30),
                 st.just("http://[::1"), st.just("mailto:x@y"))
TARGETS = st.one_of(st.none(), st.just("fietsenvandijk.nl"), st.just("https://x.nl/p?q=1"), st.text(max_size=20))


def check(html, url, target) -> None:
    reading = read_module._read(html, url, target, "nl")  # the unguarded reader: an exception fails here
    assert all(link.placement in PLACEMENTS for link in reading.links)
    assert [link.index for link in reading.links] == list(range(len(reading.links)))
    assert all(len(link.context) <= 310 for link in reading.links)
    for lang in ("nl", "en"):
        evidence_for(reading, target=target or "", target_terms=reading.text_terms, brand=("Dijk",),
                     keywords=("fiets",), lang=lang)


@FUZZ
@given(HTMLISH, URLS, TARGETS)
def test_html_like_text_never_raises(html, url, target):
    check(html, url, target)


@FUZZ
@given(st.binary(max_size=2000), URLS)
def test_any_bytes_never_raise(data, url):
    check(data, url, "example.nl")


def test_pathological_shapes():
    deep = "<div>" * 20_000 + "<p>diep <a href='/x'>link</a></p>" + "</div>" * 20_000
    huge_attr = f"<a href='/{'x' * 2_000_000}' class='{'nav ' * 100_000}'>lang</a>"
    no_body = "<html><head><title>t</title></head></html>"
    many_links = "<p>" + "<a href='/a'>a</a>, " * 20_000 + "</p>"
    for html in (deep, huge_attr, no_body, many_links, "", b"", b"\xff\xfe\x00<", "<a href>", "<body></body>" * 3):
        check(html, "https://example.nl/", "example.nl")
    assert len(read_page(huge_attr, "https://example.nl/").links[0].href) == read_module.MAX_URL


def test_wrong_types_are_read_as_empty():
    assert read_page(None, None).links == []  # type: ignore[arg-type]
    assert read_page(123, "https://example.nl").links == []  # type: ignore[arg-type]


CHARSETS = st.one_of(st.sampled_from(["utf-8", "windows-1252", "zlib", "rot13", "base64", "hex", "utf-16", "utf-32",
                                      "iso-2022-jp", "x-user-defined", "bogus", "", "utf-7", "punycode", "idna"]),
                     st.text(max_size=12))


@FUZZ
@given(st.integers(min_value=0, max_value=6000), st.sampled_from(["div", "span", "section", "font", "b", "table"]),
       CHARSETS, HTMLISH)
def test_generated_nesting_and_charsets_end_quickly(depth, tag, charset, inner):
    import time

    html = (f"<html><head><meta charset='{charset}'></head><body>" + f"<{tag}>" * depth
            + f"{inner}<a href='https://fietsenvandijk.nl/'>x</a>" + f"</{tag}>" * depth).encode("utf-8", "replace")
    started = time.perf_counter()
    check(html, "https://blog.example.nl/", "fietsenvandijk.nl")
    assert time.perf_counter() - started < 5


def test_an_anchor_longer_than_the_context_window_is_cut():  # found by the nesting fuzz test
    html = ("<html><body>" + "<section>" * 46 + "<p><a href='<a href='<svg><title><a href='https://fietsenvandijk.nl/'>x</a>"
            + "</section>" * 46)
    check(html.encode(), "https://blog.example.nl/", "fietsenvandijk.nl")
