"""Bounded decompression and charset choice, on bytes in memory (no server needed)."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from linkwijzer.inspect._body import PIECE, Undecodable, decode_html, decoders, looks_like_html

from .conftest import brotli_bomb, gzip_bomb


@pytest.mark.parametrize(("encoding", "bomb"), [("gzip", gzip_bomb), ("br", brotli_bomb)])
def test_bombs_come_out_in_bounded_pieces(encoding, bomb) -> None:
    (decoder,) = decoders(encoding)
    total = 0
    for piece in decoder.feed(bomb()):
        assert len(piece) <= 2 * PIECE  # brotli may overshoot its buffer limit by one block
        total += len(piece)
        if total > 2_000_000:
            break  # what the fetcher does at its cap: the rest is never inflated
    assert total > 2_000_000


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", "br", "identity", ""])
def test_round_trip(encoding) -> None:
    data = b"<html>" + b"fiets " * 50_000 + b"</html>"
    packed = {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}.get(
        encoding, lambda d: d)(data)
    out = b""
    for decoder in decoders(encoding):
        out = b"".join(decoder.feed(packed[:1000])) + b"".join(decoder.feed(packed[1000:]))
    assert (out or packed) == data


def test_stacked_encodings_are_undone_in_reverse() -> None:
    data = b"<html>dubbel</html>"
    chain = decoders("gzip, br")
    assert [d.encoding for d in chain] == ["br", "gzip"]
    inner = b"".join(chain[0].feed(brotli.compress(gzip.compress(data))))
    assert b"".join(chain[1].feed(inner)) == data


def test_unknown_and_broken_encodings() -> None:
    with pytest.raises(Undecodable):
        decoders("zstd")
    (decoder,) = decoders("gzip")
    with pytest.raises(Undecodable):
        list(decoder.feed(b"\x1f\x8b\x08\x00garbage here"))


@pytest.mark.parametrize(("body", "header", "text", "charset"), [
    ("café".encode(), "utf-8", "café", "utf-8"),
    ("café".encode("cp1252"), "utf-8", "café", "cp1252"),                # declared wrong
    ("café".encode("cp1252"), "ISO-8859-1", "café", "cp1252"),           # latin-1 means windows-1252
    ("‘café’".encode("cp1252"), "latin1", "‘café’", "cp1252"),
    ("<meta charset=utf-8>é".encode(), None, "<meta charset=utf-8>é", "utf-8"),
    ('<meta http-equiv="content-type" content="text/html; charset=windows-1252">é'.encode("cp1252"), None,
     '<meta http-equiv="content-type" content="text/html; charset=windows-1252">é', "cp1252"),
    ("<meta charset='utf-16'>é".encode(), None, "<meta charset='utf-16'>é", "utf-8"),  # impossible claim
    ("é".encode(), "no-such-charset", "é", "utf-8"),
    (b"\xef\xbb\xbf<p>\xc3\xa9</p>", "cp1252", "<p>é</p>", "utf-8"),
    ("<p>é</p>".encode("utf-16-le").join([b"\xff\xfe", b""]), None, "<p>é</p>", "utf-16-le"),
])
def test_charset_choice(body: bytes, header, text: str, charset: str) -> None:
    assert decode_html(body, header) == (text, charset)


def test_a_cut_multibyte_character_does_not_count_against_utf8() -> None:
    body = ("<p>" + "é" * 10).encode()[:-1]
    text, charset = decode_html(body, "utf-8", truncated=True)
    assert (text, charset) == ("<p>" + "é" * 9, "utf-8")


def test_never_raises_on_garbage() -> None:
    for body in (bytes(range(256)) * 10, b"\x81\x8d\x8f\x90\x9d" * 50, b""):
        text, charset = decode_html(body, "utf-8")
        assert isinstance(text, str) and charset


def test_looks_like_html() -> None:
    assert looks_like_html(b"\xef\xbb\xbf  <!-- hi -->\n<!DOCTYPE html><html>")
    assert looks_like_html(b"<html lang=nl>") and not looks_like_html(b"%PDF-1.4") and not looks_like_html(b"{}")
