"""Response bodies: bounded decompression (gzip, deflate, brotli) and charset detection for HTML."""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Iterator

import brotli
from charset_normalizer import from_bytes

# Decompressed output is produced in pieces of about this size (brotli may overshoot by one
# block), so a bomb (a few KB that inflate to gigabytes) never has more than one piece in memory
# before the size cap stops it.
PIECE = 64 * 1024
ENCODINGS = "gzip, deflate, br"  # what the fetcher accepts; zstd is not asked for
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Codecs browsers read as windows-1252 (WHATWG Encoding): pages that say latin-1 mean cp1252.
_AS_CP1252 = frozenset({"iso8859-1", "ascii"})
_META = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTMLISH = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                      re.IGNORECASE | re.DOTALL)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class Undecodable(Exception):
    """The body's content encoding is unknown or its compressed data is broken."""


class Decoder:
    """Undoes one Content-Encoding incrementally, yielding pieces of at most ``PIECE`` bytes."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = None  # zlib-wrapped or raw: decided on the first bytes
        elif encoding == "br":
            self._brotli = brotli.Decompressor()
        elif encoding not in ("", "identity"):
            raise Undecodable(f"unknown content encoding {encoding!r}")

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            if self.encoding in ("", "identity"):
                yield data
            elif self.encoding == "br":
                yield from self._feed_brotli(data)
            else:
                yield from self._feed_zlib(data)
        except (zlib.error, brotli.error) as error:
            raise Undecodable(f"broken {self.encoding} data: {error}") from None

    def _feed_zlib(self, data: bytes) -> Iterator[bytes]:
        if self._zlib is None:
            # "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate.
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        while data:
            out = self._zlib.decompress(data, PIECE)
            if out:
                yield out
            data = self._zlib.unconsumed_tail
            if self._zlib.eof:
                return  # trailing garbage after the stream: ignored, as browsers do

    def _feed_brotli(self, data: bytes) -> Iterator[bytes]:
        # brotli stops growing its output buffer near the limit (it may overshoot by one block) and
        # keeps the rest for later calls with empty input: drain until it has nothing more.
        while not self._brotli.can_accept_more_data():
            out = self._brotli.process(b"", output_buffer_limit=PIECE)
            if not out:
                break
            yield out
        out = self._brotli.process(data, output_buffer_limit=PIECE)
        while out:
            yield out
            if self._brotli.is_finished():
                return
            out = self._brotli.process(b"", output_buffer_limit=PIECE)


MAX_CODINGS = 3  # real servers send one coding; a stack of them is an attack on the decoder


def decoders(header: str) -> list[Decoder]:
    """The decoders for a Content-Encoding header, in the order to apply them (``identity`` does nothing)."""
    codings = [c.strip().lower() for c in header[:1000].split(",") if c.strip().lower() not in ("", "identity")]
    if len(codings) > MAX_CODINGS:
        raise Undecodable(f"{len(codings)} content encodings stacked; at most {MAX_CODINGS} are read")
    return [Decoder(c) for c in reversed(codings)]


def looks_like_html(head: bytes) -> bool:
    """For responses without a content type: does the body start like an HTML document?"""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return bool(_HTMLISH.match(head[:1024]))


def decode_html(body: bytes, header_charset: str | None, truncated: bool = False) -> tuple[str, str]:
    """(text, charset used). Never fails: declared charsets are tried strictly, then guessed.

    Order as browsers do it: byte-order mark, the HTTP header, ``<meta charset>`` or http-equiv
    in the first 4 KB; when a declaration is wrong (utf-8 declared, cp1252 sent) the next one,
    then UTF-8, then charset-normalizer. A body cut at the size cap may end in half a character,
    which is not counted against the charset.

    >>> decode_html("café".encode("cp1252"), "utf-8")
    ('café', 'cp1252')
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _lenient(body[len(bom):], name), name
    meta = _META.search(body[:4096])
    declared = [header_charset, meta.group(1).decode("ascii", "replace") if meta else None, "utf-8"]
    for label in declared:
        name = _codec(label)
        if name is not None:
            text = _strict(body, name, truncated)
            if text is not None:
                return text, name
    matches = from_bytes(body[:65536])
    guess = matches.best()
    guessed = guess.encoding.replace("_", "-").lower() if guess is not None else ""
    # Latin text scores the same in cp1250, cp1252 and cp1257 (it is the accents that differ);
    # on a tie take cp1252, the Western default browsers use for a Dutch or English page.
    if guess is not None and any(m.encoding == "cp1252" and (m.chaos, m.coherence) == (guess.chaos, guess.coherence)
                                 for m in matches):
        guessed = "cp1252"
    # UTF-16/32 without a byte-order mark is a misreading of a short or odd body, not a real
    # page; cp1252 is what a wrongly labelled Western page nearly always is. A "utf-8" guess
    # means mostly UTF-8 with a few stray bytes (a pasted snippet): keep UTF-8, replace those.
    name = None if guessed.startswith(("utf-16", "utf-32")) else _codec(guessed)
    name = name or "cp1252"
    return _lenient(body, name), name


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()[:40]).name
    except LookupError:
        return None
    try:
        b"a".decode(name)  # only text encodings: zlib, base64, hex or rot13 as a "charset" are refused
    except LookupError:
        return None
    except (UnicodeError, ValueError):
        pass  # a text encoding that cannot read a lone "a" (utf-16): still a text encoding
    if name in _AS_CP1252:
        return "cp1252"
    # A <meta> claiming UTF-16 in an ASCII-compatible file is wrong by construction (WHATWG).
    return "utf-8" if name.startswith("utf-16") or name == "utf-32" else name


def _strict(body: bytes, name: str, truncated: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(name)("strict").decode(body, final=not truncated)
    except (UnicodeDecodeError, ValueError):
        return None


def _lenient(body: bytes, name: str) -> str:
    return body.decode(name, errors="replace")


__all__ = ["Decoder", "Undecodable", "decoders", "decode_html", "looks_like_html", "ENCODINGS", "HTML_TYPES", "PIECE"]
