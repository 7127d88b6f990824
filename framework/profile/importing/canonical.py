"""One file's raw cells to the canonical link table (or an aggregate table), column by column."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from datetime import datetime, timedelta

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from linkwijzer.profile.importing.formats import Format, catalogue, find_column, header_key
from linkwijzer.profile.importing.problems import ImportProblem
from linkwijzer.profile.importing.reading import RawTable
from linkwijzer.profile.importing.timing import stage
from linkwijzer.profile.importing.urls import UrlKey, url_column
from linkwijzer.profile.importing.values import filled, to_bool, to_category, to_count, to_dates, to_number

# Always present, in this order; vendor metrics and extras follow.
CORE = ("source_url", "source_host", "source_domain", "target_url", "anchor", "first_seen",
        "last_seen", "lost", "nofollow", "sponsored", "ugc", "placement", "sitewide", "link_type",
        "source_title", "left_context", "right_context", "source_ip", "language")
LOWER_CASE = {"link_type", "lost_status", "vendor_anchor_type", "platform", "page_type", "language"}
# Placements that follow from the link type when the vendor states nothing more specific.
TYPE_PLACEMENT = {"image": "image", "frame": "frame", "form": "form"}
EXTRA = "extra:"
DICTIONARY = pa.dictionary(pa.int32(), pa.string())
_ARROW_TYPES = {"url": pa.string(), "text": pa.string(), "category": DICTIONARY, "date": pa.timestamp("s"),
                "bool": pa.bool_(), "number": pa.float64(), "count": pa.int64()}


def arrow_type(kind: str) -> pa.DataType:
    """The column type of a field kind: the same in every file, so tables concatenate."""
    return _ARROW_TYPES[kind]


@dataclass
class Part:
    """One file, converted: its table and what the report needs to say about it."""

    table: pa.Table
    source_key: UrlKey | None = None
    target_key: UrlKey | None = None
    skipped: list[tuple[int | None, str]] = field(default_factory=list)
    skipped_count: int = 0
    unreadable_dates: list[int] = field(default_factory=list)
    used: dict[str, str] = field(default_factory=dict)  # canonical field -> column
    keep: pa.Array | None = None  # rows kept (None: all)


def build(raw: RawTable, spec: Format, file_name: str, decimal_comma: bool = False) -> Part:
    """The canonical table of one file (links) or its aggregate table."""
    header = raw.table.column_names
    used = spec.resolve(header)
    if spec.kind != "aggregate" and "source_url" not in used:
        raise ImportProblem("no_source_column", columns=", ".join(header[:12]))
    kinds = catalogue().fields(spec.kind)
    columns: dict[str, pa.Array] = {}
    unreadable: set[int] = set()
    plain = [f for f in used if kinds[f] not in ("url", "date")]
    with ThreadPoolExecutor(2) as pool:
        # URL work and the rest run side by side: Arrow kernels release the GIL.
        urls = {f: pool.submit(_timed, f"urls:{f}", url_column, raw.table[used[f]]) for f in used if kinds[f] == "url"}
        dates = {f: pool.submit(_timed, "dates", to_dates, raw.table[used[f]], spec.dates, spec.missing)
                 for f in used if kinds[f] == "date"}
        for name in plain:
            with stage(f"convert:{kinds[name]}"):
                columns[name] = _convert(raw.table[used[name]], kinds[name], name, spec, decimal_comma)
                source = raw.table[used[name]]
                if (kinds[name] in ("number", "count") and "implausible_numbers" not in raw.notes
                        and columns[name].null_count > source.null_count):  # cheap: only when cells went empty
                    # cells that hold something but gave no number: unreadable or impossible values
                    lost = pc.and_(filled(source, spec.missing), pc.is_null(columns[name]))
                    if pc.any(lost).as_py():
                        raw.notes.append("implausible_numbers")
        for name, job in dates.items():
            columns[name], bad = job.result()
            unreadable.update(bad.tolist())
            columns[name], impossible = _plausible_dates(columns[name])
            unreadable.update(impossible.tolist())
        with stage("wait for urls"):
            url_parts = {name: job.result() for name, job in urls.items()}
    part = Part(pa.table({}), used=used)
    if spec.kind != "aggregate":
        with stage("links: flags, placement, lost"):
            flags = _flag_columns(raw, spec, used, columns)
            _links(columns, url_parts, raw, spec, part, flags)
    else:
        for name, url in url_parts.items():
            columns[name] = _plain_text(url.url)
    rows = raw.table.num_rows
    # Columns not mapped stay, as text: flag columns too (link_type keeps only the first flag set).
    ignored = {header_key(n) for n in spec.ignore}
    extras = {EXTRA + c: raw.table[c] for c in header if c not in used.values() and header_key(c) not in ignored}
    first = pa.array(np.zeros(rows, np.int32))
    # Which file and which kind of export each row came from: a signal that cannot be measured
    # names the export type that lacks its input.
    origin = {"source_file": pa.DictionaryArray.from_arrays(first, pa.array([file_name])),
              "source_format": pa.DictionaryArray.from_arrays(first, pa.array([spec.name]))}
    table = pa.table({**columns, **extras, **origin})
    if part.keep is not None:
        table = table.filter(part.keep)
    part.table = ordered(table)
    part.unreadable_dates = raw.lines(np.array(sorted(unreadable), dtype=np.int64)) if unreadable else []
    return part


def _timed(name: str, function, *args):
    with stage(name):
        return function(*args)


def _flag_columns(raw: RawTable, spec: Format, used: dict[str, str], columns: dict) -> dict[str, np.ndarray]:
    """Vendor flag columns as numpy booleans (unknown = not set), each converted once."""
    converted = {cell: columns[name] for name, cell in used.items()
                 if name in columns and pa.types.is_boolean(columns[name].type)}
    flags = {}
    for column in [*spec.link_type_flags, *spec.placement_flags]:
        cell = find_column(raw.table.column_names, column)
        if cell is not None:
            flag = converted.get(cell)
            flag = flag if flag is not None else to_bool(raw.table[cell], spec.flags)
            flags[column] = _numpy_bool(flag)
    return flags


def _links(columns: dict, url_parts: dict, raw: RawTable, spec: Format, part: Part, flags: dict) -> None:
    rows = raw.table.num_rows
    source = url_parts["source_url"]
    columns["source_url"] = _plain_text(source.url)
    columns["source_host"] = source.host
    columns["source_domain"] = source.domain
    target = url_parts.get("target_url")
    if target is not None:
        columns["target_url"] = target.url if pa.types.is_dictionary(target.url.type) else pc.dictionary_encode(target.url)
    columns["lost"] = pa.array(_lost(columns, spec, rows))
    link_type = _link_type(columns.get("link_type"), spec, rows, flags)
    columns["link_type"] = _categories(link_type)
    columns["placement"] = _categories(_placement(link_type, spec, rows, flags))
    kinds = catalogue().link_fields
    for name in CORE:
        if name not in columns:
            columns[name] = pa.nulls(rows, DICTIONARY if name == "target_url" else arrow_type(kinds[name]))
    # A link needs a page it comes from: rows without a usable source host are skipped and named.
    usable = np.array([("." in h or ":" in h) and " " not in h for h in source.host.dictionary.to_pylist()] + [False])
    codes = source.host.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    keep = usable[codes]
    bad = np.flatnonzero(~keep)
    part.source_key = source.key
    part.target_key = target.key if target is not None else None
    if len(bad):
        given = filled(raw.table[part.used["source_url"]]).to_numpy(zero_copy_only=False)
        lines = raw.lines(bad[:1000])
        part.skipped = [(line, "bad_source_url" if given[i] else "no_source_url") for i, line in zip(bad, lines)]
        part.skipped_count = len(bad)
        part.keep = pa.array(keep)
        part.source_key = _filter_key(source.key, keep)
        part.target_key = _filter_key(target.key, keep) if target is not None else None


def _convert(values: pa.ChunkedArray, kind: str, name: str, spec: Format, decimal_comma: bool) -> pa.Array:
    mapping = spec.values.get(name)
    if kind == "bool":
        return to_bool(values, spec.flags if not mapping else "words", mapping, spec.missing)
    if kind == "category":
        return to_category(values, mapping, lower=name in LOWER_CASE)
    if kind == "number":
        return to_number(values, decimal_comma, spec.missing)
    if kind == "count":
        return to_count(values, spec.missing)
    return values


# No backlink was seen before the web had search engines, or more than a year from now: such dates
# (1900-01-01 placeholders, 9999-12-31 "never") are left empty and their rows named, so they
# cannot stretch a chart over ten thousand years.
EARLIEST_DATE = "1995-01-01"


def _plausible_dates(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    if not len(values) or values.null_count == len(values):
        return values, np.array([], np.int64)
    low = pa.scalar(datetime.fromisoformat(EARLIEST_DATE), values.type)
    high = pa.scalar(datetime.now() + timedelta(days=366), values.type)
    wrong = pc.fill_null(pc.or_(pc.less(values, low), pc.greater(values, high)), False)
    if not pc.any(wrong).as_py():
        return values, np.array([], np.int64)
    return (pc.if_else(wrong, pa.scalar(None, values.type), values),
            np.flatnonzero(wrong.to_numpy(zero_copy_only=False)))


def _plain_text(values) -> pa.ChunkedArray | pa.Array:
    return values.cast(pa.string()) if pa.types.is_dictionary(values.type) else values


def _lost(columns: dict, spec: Format, rows: int) -> np.ndarray:
    """Lost when the vendor says so: a lost flag, or a filled lost date or lost reason."""
    lost = _numpy_bool(columns["lost"]) if "lost" in columns else np.zeros(rows, bool)
    for name in spec.lost_when_filled:
        if name in columns:
            lost |= _numpy_bool(filled(columns[name]))
    return lost


def _link_type(given, spec: Format, rows: int, flags: dict) -> tuple[np.ndarray, list[str]]:
    """The vendor's link type; flag columns (Semrush Image/Text, Majestic FlagRedirect) fill gaps.

    As integer codes into a list of names (-1 = unknown): numpy on ints, not on objects.
    """
    if given is not None:
        names = given.dictionary.to_pylist()
        codes = given.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int32)
    else:
        names, codes = [], np.full(rows, -1, np.int32)
    for column, link_type in spec.link_type_flags.items():
        if column in flags:
            if link_type not in names:
                names.append(link_type)
            codes = np.where((codes < 0) & flags[column], names.index(link_type), codes)
    return codes, names


def _placement(link_type: tuple[np.ndarray, list[str]], spec: Format, rows: int, flags: dict):
    """Only where the vendor states it (Ahrefs Content, Semrush Sitewide, image/frame/form links)."""
    names = ["unknown"]
    codes = np.full(rows, -1, np.int32)
    for column, placement in spec.placement_flags.items():
        if column in flags:
            names.append(placement)
            codes = np.where((codes < 0) & flags[column], len(names) - 1, codes)
    type_codes, type_names = link_type
    for link_type_value, placement in TYPE_PLACEMENT.items():
        if link_type_value in type_names:
            names.append(placement)
            codes = np.where((codes < 0) & (type_codes == type_names.index(link_type_value)), len(names) - 1, codes)
    return np.maximum(codes, 0), names


def _categories(coded: tuple[np.ndarray, list[str]]) -> pa.DictionaryArray:
    """Integer codes (-1 = unknown) and their names as an Arrow dictionary column."""
    codes, names = coded
    distinct = sorted(set(names))
    remap = np.array([distinct.index(n) for n in names] + [0], np.int32)
    return pa.DictionaryArray.from_arrays(pa.array(remap[codes], mask=codes < 0), pa.array(distinct, pa.string()))


def _numpy_bool(values) -> np.ndarray:
    """True where true; false where false or unknown."""
    array = pc.fill_null(values, False)
    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    return array.to_numpy(zero_copy_only=False).astype(bool)


def _filter_key(key: UrlKey, keep: np.ndarray) -> UrlKey:
    return UrlKey(key.host_codes[keep], key.hosts, key.rest_codes[keep], key.rests)


ORIGIN = ("source_file", "source_format")


def ordered(table: pa.Table) -> pa.Table:
    names = table.column_names
    core = [c for c in CORE if c in names]
    extras = sorted((c for c in names if c.startswith(EXTRA)), key=names.index)
    origin = [c for c in ORIGIN if c in names]
    middle = [c for c in names if c not in core and c not in extras and c not in ORIGIN]
    return table.select(core + middle + origin + extras)


__all__ = ["Part", "build", "ordered", "arrow_type", "CORE", "EXTRA"]
