"""Cell values to typed Arrow columns, vectorised: dates, flags, numbers, counts and categories."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Tried after the vendor's own formats, in this order. Day-first comes before month-first:
# the users are Dutch and Majestic writes DD/MM/YYYY; a column that only parses month-first
# (a day above 12 in the second place) still picks month-first because the best format wins.
DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M",
    "%d-%m-%Y", "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%Y %H:%M:%S", "%d.%m.%Y", "%d.%m.%Y %H:%M",
    "%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S",
    "%b %d, %Y", "%d %b %Y", "%B %d, %Y", "%d %B %Y", "%Y%m%d",
)
MISSING = ("", "-", "--", "n/a", "N/A", "null", "NULL", "None", "none", "nan", "NaN", "#N/A")
TRUE = {"true", "yes", "y", "1", "ja", "j", "waar", "x", "t", "on", "✓"}
FALSE = {"false", "no", "n", "0", "nee", "onwaar", "f", "off", ""}
_DUTCH_MONTHS = {"jan": 1, "feb": 2, "mrt": 3, "maa": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
                 "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12, "mar": 3, "may": 5}
_TEXT_DATE = re.compile(r"^(\d{1,2})[ .-]+([a-z]{3})[a-z]*\.?[ .-]+(\d{4})(?:[ t,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
SAMPLE = 500


def missing_mask(values: pa.ChunkedArray, missing: tuple[str, ...] = ()) -> pa.ChunkedArray:
    """True where a cell is empty or holds a vendor's word for "unknown"."""
    marks = pa.array(sorted(set(MISSING) | set(missing)), pa.string())
    return pc.or_kleene(pc.is_null(values), pc.fill_null(pc.is_in(values, value_set=marks), False))


def to_dates(values: pa.ChunkedArray, formats: tuple[str, ...] = (), missing: tuple[str, ...] = ()):
    """(timestamp[s] column, row indices whose date could not be read).

    The best of the vendor's formats and the general ones is chosen on a sample and parsed
    vectorised; only cells it fails on are tried against the others, and only cells that fail
    them all and are no "unknown" word count as unreadable.
    """
    head = values.slice(0, 10_000)
    if len(values) > 50_000 and len(pc.unique(head)) <= 0.2 * len(head):
        # Dates by day repeat a lot: parse each distinct cell once, then spread by index.
        encoded = pc.dictionary_encode(values).combine_chunks()
        parsed, bad = to_dates(pa.chunked_array([encoded.dictionary]), formats, missing)
        rows = parsed.take(encoded.indices)
        if not len(bad):
            return rows, np.array([], np.int64)
        codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        return rows, np.flatnonzero(np.isin(codes, bad))
    candidates = list(dict.fromkeys([*formats, *DATE_FORMATS]))
    sample = pc.drop_null(values.slice(0, 20 * SAMPLE)).unique().slice(0, SAMPLE)
    sample = pc.filter(sample, pc.invert(missing_mask(pa.chunked_array([sample]), missing)).combine_chunks())
    best = max(candidates, key=lambda f: (_parsed(sample, f), -candidates.index(f)))
    parsed = _strptime(values, best)
    failed = pc.and_(pc.is_valid(values), pc.is_null(parsed))
    if pc.any(failed).as_py():
        failed = pc.and_(failed, pc.invert(missing_mask(values, missing)))
    if pc.any(failed).as_py():
        trimmed = pc.utf8_trim_whitespace(values)
        for fmt in [best] + [f for f in candidates if f != best]:
            parsed = pc.coalesce(parsed, _strptime(trimmed, fmt))
            failed = pc.and_(failed, pc.is_null(parsed))
            if not pc.any(failed).as_py():
                break
        else:
            parsed, failed = _text_months(trimmed, parsed, failed)
    unreadable = np.flatnonzero(failed.to_numpy(zero_copy_only=False)) if pc.any(failed).as_py() else np.array([], np.int64)
    return parsed, unreadable


def to_bool(values: pa.ChunkedArray, style: str = "words", mapping: dict | None = None,
            missing: tuple[str, ...] = ()) -> pa.Array:
    """Flags as booleans; null where the cell says nothing we recognise."""
    if style == "nonempty":
        # Majestic: an empty flag cell means "not set", any text means "set".
        return pc.invert(missing_mask(values, missing)).combine_chunks()
    if not mapping:
        # Fast path for what Ahrefs and Semrush write: only "true"/"false" (and empty cells).
        true, false = pc.equal(values, "true"), pc.equal(values, "false")
        if (pc.sum(true).as_py() or 0) + (pc.sum(false).as_py() or 0) == len(values) - values.null_count:
            return true.combine_chunks()
    lookup = {**{w: True for w in TRUE}, **{w: False for w in FALSE}, **(mapping or {})}
    return _by_distinct(values, lambda v: lookup.get(v.strip().lower()), pa.bool_())


def to_category(values: pa.ChunkedArray, mapping: dict | None = None, lower: bool = False) -> pa.Array:
    """Text with few distinct values as a dictionary column (a pandas categorical)."""
    mapping = mapping or {}

    def clean(value: str):
        key = value.strip()
        key = mapping.get(key.lower(), key.lower() if lower else key)
        return key if key != "" else None

    encoded = values.combine_chunks().dictionary_encode() if len(values) else pa.array([], pa.string()).dictionary_encode()
    cleaned = [clean(v) for v in encoded.dictionary.to_pylist()]
    distinct = sorted({c for c in cleaned if c is not None})
    position = {v: i for i, v in enumerate(distinct)}
    codes = pa.array([position.get(c) for c in cleaned], pa.int32())
    return pa.DictionaryArray.from_arrays(codes.take(encoded.indices), pa.array(distinct, pa.string()))


def to_number(values: pa.ChunkedArray, decimal_comma: bool = False, missing: tuple[str, ...] = ()) -> pa.Array:
    """Metrics such as 23, 3.7 or 4% as float64; anything else is null."""
    try:
        return _finite(pc.cast(values, pa.float64()).combine_chunks())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    text = pc.utf8_trim_whitespace(pc.if_else(missing_mask(values, missing), pa.scalar(None, pa.string()), values))
    text = pc.replace_substring_regex(text, r"\s*%$", "")
    if decimal_comma:
        # Only cells written the Dutch way ("3,7", "1.234,5") are rewritten; "3.7" stays 3.7.
        dutch = pc.fill_null(pc.match_substring_regex(text, r"^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"), False)
        dutch = pc.and_(dutch, pc.fill_null(pc.match_substring(text, ","), False))
        text = pc.if_else(dutch, pc.replace_substring(pc.replace_substring(text, ".", ""), ",", "."), text)
    ok = pc.match_substring_regex(text, r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
    return _finite(pc.cast(pc.if_else(ok, text, pa.scalar(None, pa.string())), pa.float64()).combine_chunks())


def to_count(values: pa.ChunkedArray, missing: tuple[str, ...] = ()) -> pa.Array:
    """Whole numbers, also written with thousands separators ("1.240", "1,240", "1 240").

    A count cannot be negative, and none is near int64's end: such cells (and "inf", "0x10") are
    left empty, and the importer notes it, rather than one cell stopping the whole file.
    """
    try:
        counts = pc.cast(values, pa.int64()).combine_chunks()
        return pc.if_else(pc.less(counts, 0), pa.scalar(None, pa.int64()), counts)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    text = pc.utf8_trim_whitespace(pc.if_else(missing_mask(values, missing), pa.scalar(None, pa.string()), values))
    grouped = pc.match_substring_regex(text, r"^[-+]?\d{1,3}([.,  '’]\d{3})+$")
    text = pc.if_else(grouped, pc.replace_substring_regex(text, r"[.,  '’]", ""), text)
    ok = pc.match_substring_regex(text, r"^[-+]?\d+(\.\d+)?$")
    number = pc.cast(pc.if_else(ok, text, pa.scalar(None, pa.string())), pa.float64())
    plausible = pc.and_(pc.greater_equal(number, 0), pc.less(number, MAX_COUNT))
    return pc.cast(pc.round(pc.if_else(plausible, number, pa.scalar(None, pa.float64()))), pa.int64()).combine_chunks()


MAX_COUNT = 2.0 ** 53  # far beyond any real link or traffic count, and exact as a float


def _finite(numbers: pa.Array) -> pa.Array:
    return pc.if_else(pc.is_finite(numbers), numbers, pa.scalar(None, pa.float64()))


def filled(values: pa.ChunkedArray | pa.Array, missing: tuple[str, ...] = ()) -> pa.Array:
    """True where a cell holds something: a non-empty text that is no "unknown" word, or a value."""
    if pa.types.is_dictionary(values.type):
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()
        words = filled(values.dictionary, missing)
        return pc.fill_null(words.take(values.indices), False)
    if not pa.types.is_string(values.type):
        return pc.is_valid(values)
    return pc.invert(missing_mask(values if isinstance(values, pa.ChunkedArray) else pa.chunked_array([values]), missing)).combine_chunks()


def _by_distinct(values: pa.ChunkedArray, convert, type_: pa.DataType) -> pa.Array:
    encoded = values.combine_chunks().dictionary_encode() if len(values) else pa.array([], pa.string()).dictionary_encode()
    converted = pa.array([convert(v) for v in encoded.dictionary.to_pylist()], type_)
    return converted.take(encoded.indices)


def _parsed(sample: pa.Array, fmt: str) -> int:
    return len(sample) - _strptime(sample, fmt).null_count


_DIRECTIVES = {"%Y": r"\d{4}", "%y": r"\d{2}", "%m": r"\d{1,2}", "%d": r"(?P<day>\d{1,2})", "%H": r"\d{1,2}",
               "%M": r"\d{1,2}", "%S": r"\d{1,2}", "%b": r"[^\d\s]+", "%B": r"[^\d\s]+"}


def _strptime(values, fmt: str):
    """Arrow's strptime, made strict: it rolls 31-02-2025 over to 3 March; such cells become null.

    A rolled-over date always lands on day 1-3, so only those rows are checked: the day written
    in the cell (found with a regex built from the format) must be the day parsed.
    """
    parsed = pc.strptime(values, format=fmt, unit="s", error_is_null=True)
    if "%d" not in fmt or len(values) == 0:
        return parsed
    early = pc.fill_null(pc.less_equal(pc.day(parsed), 3), False)
    if not pc.any(early).as_py():
        return parsed
    pattern = "^" + re.sub(r"%[a-zA-Z]|[^%]+", lambda m: _DIRECTIVES.get(m.group(), re.escape(m.group())), fmt) + "$"
    cells = pc.filter(values, early)
    written = pc.cast(pc.struct_field(pc.extract_regex(pc.utf8_trim_whitespace(cells), pattern), [0]), pa.int64())
    rolled = pc.fill_null(pc.not_equal(written, pc.day(pc.filter(parsed, early))), True)
    if not pc.any(rolled).as_py():
        return parsed
    mask = np.zeros(len(values), bool)
    mask[np.flatnonzero(_numpy(early))[_numpy(rolled)]] = True
    return pc.if_else(pa.array(mask), pa.scalar(None, parsed.type), parsed)


def _numpy(values) -> np.ndarray:
    values = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    return values.to_numpy(zero_copy_only=False).astype(bool)


def _text_months(text: pa.ChunkedArray, parsed, failed):
    """Dates with Dutch (or English) month names, such as "25 nov. 2026": few rows, in Python."""
    index = np.flatnonzero(failed.to_numpy(zero_copy_only=False))
    found = {}
    for i, value in zip(index, pc.take(text, pa.array(index)).to_pylist()):
        match = _TEXT_DATE.match((value or "").lower())
        month = _DUTCH_MONTHS.get(match.group(2)) if match else None
        if match and month:
            day, year = int(match.group(1)), int(match.group(3))
            hour, minute, second = (int(match.group(g) or 0) for g in (4, 5, 6))
            try:
                found[i] = np.datetime64(f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}", "s")
            except ValueError:
                continue
    if not found:
        return parsed, failed
    extra = np.full(len(parsed), np.datetime64("NaT"), dtype="datetime64[s]")
    extra[list(found)] = list(found.values())
    parsed = pc.coalesce(parsed, pa.array(extra, pa.timestamp("s"), from_pandas=True))
    return parsed, pc.and_(failed, pc.is_null(parsed))


__all__ = ["to_dates", "to_bool", "to_category", "to_number", "to_count", "filled", "missing_mask",
           "DATE_FORMATS"]
