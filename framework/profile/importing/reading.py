"""The whole file as an Arrow table of strings: transcoded in C, parsed by pyarrow, bad rows kept."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from linkwijzer.profile.importing.formats import detect
from linkwijzer.profile.importing.problems import ImportProblem
from linkwijzer.profile.importing.sniff import HeaderInfo, find_header, unique_columns

BLOCK_SIZE = 8 << 20  # bigger blocks than pyarrow's 1 MB default: fewer, cheaper chunks
MAX_LISTED = 1000  # skipped rows listed one by one; the rest are counted


@dataclass
class BadRow:
    line: int | None
    text: str
    expected: int
    actual: int
    reason: str = "fields"
    """``fields`` (another number of fields than the header) or ``quote`` (a quote opened and never closed)."""


@dataclass
class RawTable:
    """Cells as strings (empty cells are null), plus what it takes to name file lines."""

    table: pa.Table
    bad_rows: list[BadRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: bytes | Path | None = None
    info: HeaderInfo | None = None
    _lines: np.ndarray | None = None

    def lines(self, indices: np.ndarray) -> list[int]:
        """The 1-based file lines where the records at ``indices`` start."""
        if self._lines is None:
            self._lines = _record_lines(self)
        return [int(x) for x in self._lines[np.asarray(indices, dtype=np.int64)]]


def read_table(source: bytes | Path, info: HeaderInfo) -> RawTable:
    """Parse the file that ``info`` describes; rows pyarrow cannot split are reported, not lost."""
    if info.encoding == "xlsx":
        raise ValueError("workbooks are read by read_workbook")
    bad: list[BadRow] = []

    def keep_bad_row(row) -> str:
        bad.append(BadRow(row.number, row.text, row.expected_columns, row.actual_columns))
        return "skip"

    read = pcsv.ReadOptions(column_names=info.columns, skip_rows=1, block_size=BLOCK_SIZE)
    parse = pcsv.ParseOptions(delimiter=info.delimiter, newlines_in_values=info.multiline,
                              invalid_row_handler=keep_bad_row)
    convert = pcsv.ConvertOptions(column_types={c: pa.string() for c in info.columns},
                                  null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True)
    notes: list[str] = []
    try:
        try:
            if info.encoding == "utf-8" and not _valid_utf8(_buffer(source).slice(info.data_offset)):
                # pyarrow cannot even report a bad row whose bytes are not UTF-8 (a file cut off
                # in the middle of a character): go straight to the replacing reader below.
                raise UnicodeError("invalid UTF-8")
            table = pcsv.read_csv(_utf8_stream(source, info), read, parse, convert)
        except (UnicodeError, pa.ArrowInvalid) as error:
            if isinstance(error, pa.ArrowInvalid) and "UTF8" not in str(error) and "UTF-8" not in str(error):
                raise
            # A few bytes outside the detected encoding: replace them and say so.
            bad.clear()
            text = _whole_text(source, info, errors="replace")
            table = pcsv.read_csv(pa.BufferReader(text.encode("utf-8")), read, parse, convert)
            notes.append("replaced_characters")
    except (pa.ArrowException, OSError, UnicodeError, ValueError) as error:
        raise ImportProblem("unreadable", detail=_short(error)) from None
    raw = RawTable(table, bad, notes, source, info)
    if info.multiline and _swallowed_rows(table, info.delimiter):
        # A quote opened and never closed folded the next lines into one cell, as valid as any row:
        # read line by line, so each of those rows is kept and the broken line is named. (Only where
        # cells may span lines at all: elsewhere such a row is a bad row, handled below.)
        return _read_by_line(raw, quotes=True)
    if any("\n" in b.text or "\r" in b.text for b in bad) and not info.multiline:
        # An unclosed quote made pyarrow read several lines as one bad row: the good lines in
        # it would vanish unseen. Read line by line instead, so only the broken line is lost.
        return _read_by_line(raw)
    if bad:
        _number_bad_rows(raw)
    return raw


def read_workbook(source: bytes | Path) -> tuple[HeaderInfo, RawTable]:
    """The first sheet of an .xlsx workbook, when openpyxl is installed (it is optional)."""
    try:
        import openpyxl
    except ImportError:
        raise ImportProblem("xlsx_needs_openpyxl") from None
    try:
        handle = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        sheets = [[[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]
        book.close()
    except Exception as error:  # openpyxl raises many types for damaged files
        raise ImportProblem("xlsx_unreadable", detail=_short(error)) from None
    # Numbered (1-based sheet rows), blank rows left out; the first sheet a vendor layout
    # recognises wins (GSC workbooks may carry more than one table), else the first with data.
    numbered = [[(n, r) for n, r in enumerate(rows, 1) if any(v not in (None, "") for v in r)] for rows in sheets]
    numbered = [rows for rows in numbered if rows]
    if not numbered:
        raise ImportProblem("empty")
    chosen = numbered[0]
    for rows in numbered:
        index = find_header([[v or "" for v in r] for _, r in rows[:200]])
        if detect(unique_columns([v or "" for v in rows[index][1]])).format:
            chosen = rows
            break
    header_index = find_header([[v or "" for v in r] for _, r in chosen[:200]])
    header_line, header = chosen[header_index]
    columns = unique_columns([v or "" for v in header])
    body = chosen[header_index + 1:]
    width = len(columns)
    table = pa.table({c: pa.array([(r[i] if i < len(r) else None) for _, r in body], pa.string())
                      for i, c in enumerate(columns)})
    detection = detect(columns)
    spec = detection.format
    info = HeaderInfo("xlsx", False, None, columns, spec.name if spec else "generic",
                      spec.layout if spec else "", spec.kind if spec else "links", header_line,
                      sample=[[v or "" for v in r[:width]] for _, r in body[:200]], spec=spec,
                      missing=detection.missing, near=detection.near.name if detection.near else "")
    raw = RawTable(table, info=info)
    raw._lines = np.array([n for n, _ in body], dtype=np.int64)
    return info, raw


def _swallowed_rows(table: pa.Table, delimiter: str) -> bool:
    """Whether a cell holds whole lines that look like rows of the file (an address, then delimiters)."""
    row_like = rf"[\r\n]+[^\r\n]*https?://[^\r\n]*{re.escape(delimiter)}"
    for column in table.columns:
        if pa.types.is_string(column.type) and pc.any(pc.match_substring(column, "\n")).as_py():
            if pc.any(pc.match_substring_regex(column, row_like)).as_py():
                return True
    return False


def _read_by_line(raw: RawTable, quotes: bool = False) -> RawTable:
    """Every physical line parsed on its own (slow; only for files with broken quoting).

    ``quotes``: a line whose quotes do not pair up is named as such (and left out), not read.
    """
    info = raw.info
    text = _utf8_bytes(raw).decode("utf-8", errors="replace")
    width = len(info.columns)
    good: list[list[str]] = []
    lines: list[int] = []
    bad: list[BadRow] = []
    for number, line in enumerate(text.splitlines()[1:], start=info.header_row + 1):
        if not line.strip():
            continue
        cells = next(csv.reader([line], delimiter=info.delimiter), [])
        if quotes and line.count('"') % 2:
            bad.append(BadRow(number, line, width, len(cells), "quote"))
        elif len(cells) == width:
            good.append(cells)
            lines.append(number)
        else:
            bad.append(BadRow(number, line, width, len(cells)))
    columns = {name: pa.array([row[i] or None for row in good], pa.string()) for i, name in enumerate(info.columns)}
    result = RawTable(pa.table(columns), bad, raw.notes, raw.source, info)
    result._lines = np.array(lines, dtype=np.int64)
    return result


def _buffer(source: bytes | Path) -> pa.Buffer:
    return pa.memory_map(str(source)).read_buffer() if isinstance(source, Path) else pa.py_buffer(source)


def _valid_utf8(buffer: pa.Buffer) -> bool:
    """UTF-8 check in C++ without copying: the buffer as one binary value, cast to string."""
    offsets = pa.py_buffer(np.array([0, buffer.size], dtype=np.int64).tobytes())
    try:
        pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, buffer]).cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _utf8_stream(source: bytes | Path, info: HeaderInfo):
    """A stream of the file's UTF-8 text from the header line on; transcoding runs in C++."""
    stream = pa.BufferReader(_buffer(source).slice(info.data_offset))
    if info.encoding == "utf-8":
        return stream
    return pa.transcoding_input_stream(stream, info.encoding, "utf-8")


def _whole_text(source: bytes | Path, info: HeaderInfo, errors: str = "strict") -> str:
    raw = source.read_bytes() if isinstance(source, Path) else bytes(source)
    return raw[info.data_offset:].decode(info.encoding, errors=errors)


def _utf8_bytes(raw: RawTable) -> bytes:
    info = raw.info
    if info.encoding == "utf-8" and "replaced_characters" not in raw.notes:
        data = raw.source.read_bytes() if isinstance(raw.source, Path) else bytes(raw.source)
        return data[info.data_offset:]
    return _whole_text(raw.source, info, errors="replace").encode("utf-8")


def _number_bad_rows(raw: RawTable) -> None:
    """pyarrow reads in parallel and does not know line numbers: find each bad row's text."""
    data = _utf8_bytes(raw)
    cursor: dict[bytes, int] = {}
    found = []
    for row in raw.bad_rows[:MAX_LISTED]:
        needle = row.text.encode("utf-8")
        at = data.find(needle, cursor.get(needle, 0)) if needle else -1
        cursor[needle] = at + 1 if at >= 0 else len(data)
        found.append((at, row))
    offset = raw.info.header_row - 1
    position, line = 0, 1
    for at, row in sorted(found, key=lambda pair: pair[0]):
        if at < 0:
            row.line = None
            continue
        line += data.count(b"\n", position, at)
        position = at
        row.line = offset + line
    raw.bad_rows.sort(key=lambda r: (r.line is None, r.line or 0))


def _record_lines(raw: RawTable) -> np.ndarray:
    """File line of every record: lines that are not blank and not a bad row (counted once)."""
    info = raw.info
    rows = raw.table.num_rows
    simple = info.header_row + 1 + np.arange(rows, dtype=np.int64)
    if not info.multiline and not raw.bad_rows:
        data = _utf8_bytes(raw)
        if data.count(b"\n") - (0 if data.endswith(b"\n") else -1) == rows + 1:
            return simple  # no blank lines, no line breaks in cells: line = header + index
    data = _utf8_bytes(raw)
    if info.multiline:
        text = data.decode("utf-8", errors="replace")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=info.delimiter)
        starts, line = [], 0
        try:
            for row in reader:
                if row and any(row):
                    starts.append(line + 1)
                line = reader.line_num
        except csv.Error:
            pass
        starts = np.array(starts[1:], dtype=np.int64) + info.header_row - 1
    else:
        array = np.frombuffer(data, dtype=np.uint8)
        breaks = np.flatnonzero(array == 10)
        begin = np.concatenate(([0], breaks + 1))
        end = np.concatenate((breaks, [len(array)]))
        end = np.where((end > begin) & (array[np.maximum(end - 1, 0)] == 13), end - 1, end)
        filled = np.flatnonzero(end > begin) + info.header_row
        bad = {r.line for r in raw.bad_rows if r.line}
        starts = np.array([n for n in filled[1:] if n not in bad], dtype=np.int64) if bad else filled[1:]
    if len(starts) < rows:
        starts = np.concatenate((starts, simple[len(starts):]))
    return starts[:rows]


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _short(error: BaseException) -> str:
    return " ".join(str(error).split())[:200]


__all__ = ["RawTable", "BadRow", "read_table", "read_workbook", "MAX_LISTED"]
