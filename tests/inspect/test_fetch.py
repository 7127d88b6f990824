"""fetch() against the real loopback server: redirects, caps, compression, charsets, content types."""

from __future__ import annotations

import time

import pytest

from linkwijzer.inspect import ERRORS, FetchConfig, FetchResult, fetch

from .conftest import CAFE_CP1252, PAGE


def test_a_page(server, config) -> None:
    result = fetch(server.url("/page"), config)
    assert result.ok and result.error is None and result.message("nl") == ""
    assert (result.status, result.final_url, result.redirects) == (200, server.url("/page"), [])
    assert (result.content_type, result.charset, result.text) == ("text/html", "utf-8", PAGE)
    assert result.bytes_read == len(PAGE.encode()) and 0 < result.elapsed < 3
    (path, host, agent), = server.requests
    assert agent.startswith("Linkwijzer/") and "backlink" in agent


def test_localhost_by_name(server, config) -> None:
    result = fetch(f"http://localhost:{server.port}/page", config)
    assert result.ok, result.message("en")


def test_redirect_chain_is_followed_and_every_hop_recorded(server, config) -> None:
    result = fetch(server.url("/redirect/4"), config)
    assert result.ok and result.final_url == server.url("/page")
    assert result.redirects == [(server.url("/redirect/4"), 302), (server.url("/redirect/3"), 301),
                                (server.url("/redirect/2"), 302), (server.url("/redirect/1"), 301)]


def test_relative_redirect(server, config) -> None:
    result = fetch(server.url("/relative"), config)
    assert result.ok and result.final_url == server.url("/page") and result.redirects[0][1] == 301


def test_too_many_redirects(server) -> None:
    result = fetch(server.url("/redirect/6"), FetchConfig(max_redirects=5, total_timeout=3))
    assert result.error == "too_many_redirects" and len(result.redirects) == 6
    assert "5" in result.message("nl") and result.status is None
    assert fetch(server.url("/redirect/5"), FetchConfig(max_redirects=5, total_timeout=3)).ok


def test_redirect_loop_is_stopped_at_the_first_repeat(server, config) -> None:
    result = fetch(server.url("/loop/a"), config)
    assert result.error == "too_many_redirects" and result.detail["loop"] == "yes"
    assert len(result.redirects) == 2 and server.paths() == ["/loop/a", "/loop/b"]
    assert "kringetje" in result.message("nl") and "circle" in result.message("en")


def test_redirect_to_another_scheme_is_refused(server, config) -> None:
    result = fetch(server.url("/to-ftp"), config)
    assert result.error == "redirect_refused" and result.detail["reason"] == "scheme"
    assert "ftp" in result.message("en")


def test_redirect_to_a_malformed_host_is_refused_without_a_lookup(server, config) -> None:
    result = fetch(server.url("/to-malformed"), config)
    assert (result.error, result.detail["reason"]) == ("redirect_refused", "invalid_url")
    assert "exa mple.test" in result.message("nl")


def test_redirect_to_an_allowed_host_name(server, config) -> None:
    result = fetch(server.url("/to-localhost"), config)
    assert result.ok and result.final_url == f"http://localhost:{server.port}/page"


def test_slow_response_times_out_on_read(server, config) -> None:
    started = time.perf_counter()
    result = fetch(server.url("/slow"), config)
    assert (result.error, result.detail["phase"]) == ("timeout", "read")
    assert time.perf_counter() - started < 1.5
    assert "0.5" in result.message("en") and "seconden" in result.message("nl")


def test_dripping_body_is_stopped_by_the_total_cap(server) -> None:
    started = time.perf_counter()
    result = fetch(server.url("/drip"), FetchConfig(read_timeout=1, total_timeout=1.0))
    assert (result.error, result.detail["phase"]) == ("timeout", "total")
    assert time.perf_counter() - started < 2


def test_endless_body_stops_at_the_cap(server) -> None:
    result = fetch(server.url("/endless"), FetchConfig(max_bytes=300_000, total_timeout=5))
    assert result.error == "too_large" and len(result.text) == 300_000
    assert result.bytes_read < 300_000 + 200_000  # at most one network read past the cap
    assert "300 kB" in result.message("en") and "300 kB" in result.message("nl")


@pytest.mark.parametrize("path", ["/gzip-bomb", "/brotli-bomb"])
def test_compression_bomb_stops_at_the_decoded_cap(server, path) -> None:
    result = fetch(server.url(path), FetchConfig(max_bytes=1_000_000, total_timeout=10))
    assert result.error == "too_large" and len(result.text) == 1_000_000
    assert result.bytes_read < 70_000  # a few KB of compressed data made a megabyte
    assert "1 MB" in result.message("en") and "1 MB" in result.message("nl")


@pytest.mark.parametrize("path", ["/gzip-page", "/deflate-raw", "/brotli-page"])
def test_compressed_pages(server, config, path) -> None:
    result = fetch(server.url(path), config)
    assert result.ok and result.text == PAGE
    assert result.bytes_read < len(PAGE.encode()) + 20


@pytest.mark.parametrize("path", ["/broken-gzip", "/unknown-encoding"])
def test_undecodable_bodies(server, config, path) -> None:
    result = fetch(server.url(path), config)
    assert result.error == "decode_failed" and result.status == 200 and result.text is None
    assert result.message("nl").startswith("De inhoud kwam niet leesbaar binnen")


def test_declared_utf8_but_cp1252_bytes(server, config) -> None:
    result = fetch(server.url("/cp1252-as-utf8"), config)
    assert result.ok and result.text == CAFE_CP1252 and result.charset in ("cp1252", "cp1250")


def test_meta_charset_only(server, config) -> None:
    result = fetch(server.url("/meta-charset"), config)
    assert result.ok and result.charset == "cp1252" and "crème brûlée" in result.text and "‘mooi’" in result.text


def test_http_equiv_latin1_is_read_as_windows_1252(server, config) -> None:
    result = fetch(server.url("/http-equiv"), config)
    assert result.ok and result.charset == "cp1252" and "reünie in Curaçao" in result.text


def test_no_charset_anywhere_is_detected(server, config) -> None:
    result = fetch(server.url("/no-charset"), config)
    assert result.ok and "Een café in België, met crème brûlée" in result.text


def test_byte_order_mark_wins_over_the_header(server, config) -> None:
    result = fetch(server.url("/utf8-bom"), config)
    assert result.ok and result.charset == "utf-8" and result.text == PAGE


def test_no_content_type_is_sniffed(server, config) -> None:
    result = fetch(server.url("/no-content-type"), config)
    assert result.ok and result.content_type is None and result.text == PAGE


@pytest.mark.parametrize(("path", "ctype"), [("/pdf", "application/pdf"), ("/png", "image/png")])
def test_non_html_reports_type_and_status(server, config, path, ctype) -> None:
    result = fetch(server.url(path), config)
    assert (result.error, result.status, result.content_type, result.text) == ("not_html", 200, ctype, None)
    assert ctype in result.message("nl") and "200" in result.message("en")


@pytest.mark.parametrize(("path", "status", "word"), [("/missing", 404, "bestaat niet"), ("/error-500", 500, "server")])
def test_http_errors(server, config, path, status, word) -> None:
    result = fetch(server.url(path), config)
    assert (result.error, result.status, result.text) == ("http_error", status, None)
    assert str(status) in result.message("nl") and word in result.message("nl")


def test_retry_after_is_read(server, config) -> None:
    result = fetch(server.url("/retry-429?id=read"), config)
    assert (result.error, result.status, result.retry_after) == ("http_error", 429, 1.0)


@pytest.mark.parametrize(("url", "code"), [
    ("", "invalid_url"), ("not a url", "invalid_url"), ("http://", "invalid_url"),
    ("http://exa mple.com/", "invalid_url"),  # refused as malformed, before any DNS lookup
    ("ftp://127.0.0.1/", "scheme"), ("javascript:alert(1)", "scheme"), ("file:///etc/passwd", "scheme"),
    ("127.0.0.1/page", "invalid_url"), ("http://-bad-.127.0.0.1/", "invalid_url"),
])
def test_unfetchable_urls_make_no_request(server, config, url, code) -> None:
    result = fetch(url, config)
    assert result.error == code and result.message("en") and result.message("nl")
    assert server.requests == []


def test_connection_refused(config) -> None:
    result = fetch("http://127.0.0.1:9/", config)  # the discard port: nothing listens there
    assert result.error == "connect_failed" and result.detail["host"] == "127.0.0.1"


def test_every_error_code_has_a_message_in_both_languages() -> None:
    details = {"invalid_url": {"url": "x"}, "scheme": {"url": "ftp://x", "scheme": "ftp"},
               "refused_address": {"host": "a.nl", "address": "10.0.0.1", "kind": "private"},
               "dns_failed": {"host": "a.nl"}, "connect_failed": {"host": "a.nl", "reason": "reset"},
               "timeout": {"host": "a.nl", "phase": "connect", "seconds": "5"}, "too_large": {"limit": "5000000"},
               "too_many_redirects": {"max": "5", "url": "http://a.nl/"},
               "redirect_refused": {"url": "http://b/", "reason": "scheme", "reason_url": "ftp://b",
                                    "reason_scheme": "ftp"},
               "not_html": {"content_type": "image/png", "status": "200"}, "http_error": {"status": "418"},
               "decode_failed": {"reason": "broken"}, "robots_disallowed": {"host": "a.nl", "agent": "Linkwijzer"},
               "cancelled": {}}
    assert set(details) == set(ERRORS)
    for code, detail in details.items():
        nl, en = (FetchResult(url="u", error=code, detail=detail).message(lang) for lang in ("nl", "en"))
        assert nl and en and nl != en and "{" not in nl + en, code
    assert "5 MB" in FetchResult(url="u", error="too_large", detail={"limit": "5000000"}).message("en")
    assert "2,5 MB" in FetchResult(url="u", error="too_large", detail={"limit": "2500000"}).message("nl")


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        FetchConfig(total_timeout=0)
    with pytest.raises(ValueError):
        FetchConfig(max_bytes=0)


@pytest.mark.parametrize("path", ["/charset-zlib", "/charset-rot13", "/charset-base64"])
def test_a_bytes_codec_as_charset_is_not_a_text_encoding(server, config, path) -> None:
    started = time.perf_counter()
    result = fetch(server.url(path), config)
    assert time.perf_counter() - started < 5
    assert result.ok, result.message("en")
    assert result.charset not in ("zlib_codec", "rot_13", "base64_codec")  # read as text, never inflated
    assert len(result.text or "") <= config.max_bytes


def test_identity_codings_are_ignored_and_a_stack_is_refused_without_recursion(server, config) -> None:
    assert fetch(server.url("/identity-stack"), config).text == PAGE
    stacked = fetch(server.url("/gzip-stack"), config)
    assert stacked.error == "decode_failed" and "stacked" in stacked.detail["reason"]
