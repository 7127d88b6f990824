"""What a file is, from its first bytes: encoding, delimiter, header row and export format."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import charset_normalizer

from linkwijzer.profile.importing.formats import Format, clean_header, detect
from linkwijzer.profile.importing.problems import ImportProblem

MAX_COLUMNS = 1000  # vendor exports have a few dozen columns (Ahrefs' widest: 40)

SAMPLE_BYTES = 256 * 1024
DELIMITERS = ("\t", ",", ";")
# Only encodings users' tools write (formats.md); isolating them keeps charset-normalizer from
# picking look-alikes such as cp1250 on short samples.
ENCODINGS = ["utf_8", "utf_16_le", "utf_16_be", "cp1252"]
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
SAMPLE_ROWS = 200
csv.field_size_limit(1 << 30)


@dataclass
class HeaderInfo:
    """What the first part of a file says about the whole file."""

    encoding: str  # utf-8, utf-16-le, utf-16-be, cp1252 or xlsx
    bom: bool
    delimiter: str | None  # None for workbooks
    columns: list[str]  # header cells, cleaned and made unique
    format: str  # public format name; "generic" when no vendor layout matched
    layout: str = ""
    kind: str = "links"
    header_row: int = 1  # 1-based line of the header (Moz has a preamble before it)
    data_offset: int = 0  # byte offset of the header line in the file
    multiline: bool = False  # quoted fields in the sample hold line breaks
    sample: list[list[str]] = field(default_factory=list, repr=False)  # first data rows
    spec: Format | None = field(default=None, repr=False)
    missing: tuple[str, ...] = ()  # columns the nearest vendor layout would need
    near: str = ""  # that layout's format name


def read_sample(data: bytes | Path, size: int = SAMPLE_BYTES) -> tuple[bytes, bool]:
    """The first ``size`` bytes and whether they are the whole file."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data[:size]), len(data) <= size
    with open(data, "rb") as handle:
        head = handle.read(size + 1)
    return head[:size], len(head) <= size


def sniff(sample: bytes, complete: bool) -> HeaderInfo:
    """Encoding, delimiter, header and format from a sample; raises ImportProblem if unusable."""
    kind = container_kind(sample)
    if kind:
        if kind == "xlsx":
            return HeaderInfo("xlsx", False, None, [], "generic")
        raise ImportProblem(kind)
    if not sample.strip(b" \t\r\n\x00"):
        raise ImportProblem("empty")
    encoding, bom = detect_encoding(sample)
    text = decode_sample(sample[len(bom):], encoding, complete)
    if looks_binary(text):
        raise ImportProblem("binary")
    if not text.strip():
        raise ImportProblem("empty")
    delimiter = choose_delimiter(text)
    rows, starts = parse_rows(text, delimiter)
    header_index = find_header(rows)
    if len(rows[header_index]) > MAX_COLUMNS:
        # Before any matching or reading: each step after this is at least linear in the columns.
        raise ImportProblem("too_many_columns", columns=len(rows[header_index]), limit=MAX_COLUMNS)
    columns = unique_columns(rows[header_index])
    detection = detect(columns)
    spec = detection.format
    data_rows = [r for r in rows[header_index + 1:header_index + 1 + SAMPLE_ROWS] if any(c.strip() for c in r)]
    info = HeaderInfo(
        encoding=encoding, bom=bool(bom), delimiter=delimiter, columns=columns,
        format=spec.name if spec else "generic", layout=spec.layout if spec else "",
        kind=spec.kind if spec else "links", header_row=starts[header_index],
        data_offset=len(bom) + len(_prefix(text, starts[header_index]).encode(_codec(encoding))),
        # Line breaks inside a correctly shaped row are real multi-line cells; inside a misshapen
        # one they come from an unclosed quote, which the reader must not be told to allow.
        multiline=any(len(r) == len(columns) and any("\n" in c or "\r" in c for c in r) for r in rows),
        sample=data_rows, spec=spec,
        missing=detection.missing, near=detection.near.name if detection.near else "",
    )
    _check_delimiter(info, rows, header_index, text)
    return info


def container_kind(sample: bytes) -> str | None:
    """'xlsx', 'xls' or 'archive' for spreadsheets and archives saved under any name."""
    if sample.startswith(b"PK\x03\x04"):
        return "xlsx" if b"[Content_Types].xml" in sample or b"xl/" in sample else "archive"
    if sample.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if sample.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"BZh", b"%PDF")):
        return "archive"
    return None


def detect_encoding(sample: bytes) -> tuple[str, bytes]:
    """The encoding (a BOM decides; otherwise charset-normalizer) and the BOM bytes found."""
    for bom, name in BOMS:
        if sample.startswith(bom):
            return name, bom
    # A sample may end inside a character; trim to an even length so UTF-16 is not penalised.
    best = charset_normalizer.from_bytes(sample[: len(sample) & ~1], cp_isolation=ENCODINGS).best()
    if best is None:
        raise ImportProblem("binary" if b"\x00" in sample or _control_share(sample) > 0.05 else "encoding")
    name = best.encoding.replace("_", "-")
    return ("utf-8" if name in ("ascii", "utf-8") else name), b""


def decode_sample(raw: bytes, encoding: str, complete: bool) -> str:
    text = raw.decode(_codec(encoding), errors="replace")
    if not complete:
        # Drop the line the sample cut in half; keep whole lines only.
        cut = max(text.rfind("\n"), text.rfind("\r"))
        text = text[: cut + 1] if cut > 0 else text
    return text


def looks_binary(text: str) -> bool:
    """Random bytes decode to control, unassigned or private characters; real exports do not."""
    sample = text[:20000]
    if not sample:
        return False
    odd = sum(1 for ch in sample if ch not in "\t\r\n" and unicodedata.category(ch)[0] == "C")
    odd += sample.count("\ufffd")
    return odd / len(sample) > 0.02


def choose_delimiter(text: str) -> str:
    """Tab, comma or semicolon: the one that splits the most lines into the same field count."""
    scores = []
    for delimiter in DELIMITERS:
        rows, _ = parse_rows(text, delimiter, limit=120)
        counts = [len(r) for r in rows if any(c.strip() for c in r)]
        multi = Counter(c for c in counts if c > 1)
        if not multi:
            continue
        modal, hits = multi.most_common(1)[0]
        scores.append((round(hits / len(counts), 1), modal, delimiter))
    if scores:
        share, _, delimiter = max(scores, key=lambda s: (s[0], s[1]))
        if share >= 0.5:
            return delimiter
    # Rows too ragged to agree (a broken file): trust the header line, the one that names columns.
    first = next((line for line in text.splitlines() if line.strip()), "")
    widths = {d: len(next(csv.reader([first], delimiter=d), [])) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: widths[d])
    if widths[best] > 1:
        return best
    # One column: pick a delimiter that never occurs, so commas inside URLs stay in the cell.
    return next((d for d in DELIMITERS if d not in text), "\x1f")


def parse_rows(text: str, delimiter: str, limit: int | None = None) -> tuple[list[list[str]], list[int]]:
    """Rows of the sample and the 1-based line where each starts (stops at unparsable text)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, starts, line = [], [], 0
    try:
        for row in reader:
            rows.append(row)
            starts.append(line + 1)
            line = reader.line_num
            if limit and len(rows) >= limit:
                break
    except csv.Error:
        pass  # the rest is judged by the full reader, which reports bad rows one by one
    return rows or [[]], starts or [1]


def find_header(rows: list[list[str]]) -> int:
    """The header row: the first one a vendor layout recognises, else the first full-width row."""
    for index, row in enumerate(rows[:40]):
        if 0 < len(row) <= MAX_COLUMNS and detect([clean_header(c) for c in row]).format:
            return index
    counts = Counter(len(r) for r in rows if len(r) > 1 and any(c.strip() for c in r))
    width = counts.most_common(1)[0][0] if counts else 1
    return next((i for i, r in enumerate(rows) if len(r) == width and any(c.strip() for c in r)), 0)


def unique_columns(row: list[str]) -> list[str]:
    """Cleaned header cells; blank ones get a position name, repeats get a number."""
    seen: Counter = Counter()
    columns = []
    for position, cell in enumerate(row, 1):
        name = clean_header(cell) or f"column {position}"
        seen[name] += 1
        columns.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return columns


def with_format(info: HeaderInfo, spec: Format) -> HeaderInfo:
    return replace(info, format=spec.name, layout=spec.layout, kind=spec.kind, spec=spec)


def _check_delimiter(info: HeaderInfo, rows: list[list[str]], header_index: int, text: str) -> None:
    """Header and data split differently, or nothing splits at all: say so, not a garbled table."""
    first = rows[0] if rows else []
    if header_index > 0 and len(first) == 1 and info.spec is None:
        for other in DELIMITERS:
            if other != info.delimiter and len(next(csv.reader([first[0]], delimiter=other))) == len(info.columns):
                raise ImportProblem("delimiter", found=_shown(info.delimiter), header=_shown(other))
    if len(info.columns) == 1 and info.spec is None:
        guess = _likely_separator(text)
        if guess:
            raise ImportProblem("delimiter_unknown", found=_shown(guess))


def _likely_separator(text: str) -> str | None:
    """A punctuation character most lines hold as often as the header does (| : ^ ~ #)."""
    lines = [ln for ln in re.split(r"\r\n|\r|\n", text)[:50] if ln.strip()]
    if len(lines) < 2 or all(re.match(r"https?://", ln) for ln in lines[1:]):
        return None
    for char in "|^~#:":
        expected = lines[0].count(char)
        if expected and sum(ln.count(char) == expected for ln in lines) >= 0.6 * len(lines):
            return char
    return None


def _shown(delimiter: str | None) -> str:
    """Tab, comma and semicolon by name (the message translates the name); others as they are."""
    return {"\t": "tab", ",": "comma", ";": "semicolon"}.get(delimiter or "", delimiter or "")


def _prefix(text: str, line: int) -> str:
    """The text before 1-based ``line``."""
    if line <= 1:
        return ""
    breaks = list(re.finditer(r"\r\n|\r|\n", text))
    return text[: breaks[line - 2].end()] if len(breaks) >= line - 1 else text


def _codec(encoding: str) -> str:
    return "utf-8" if encoding == "utf-8" else encoding


def _control_share(sample: bytes) -> float:
    head = sample[:4096]
    return sum(1 for b in head if b < 9 or 13 < b < 32) / max(len(head), 1)


__all__ = ["HeaderInfo", "sniff", "read_sample", "container_kind", "detect_encoding", "with_format"]
