"""One file's raw cells to the canonical link table (or an aggregate table), column by column."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from framework.profile.formats import Format, catalogue, find_column, header_key
from framework.profile.problems import ImportProblem
from framework.profile.reading import RawTable
from framework.profile.urls import UrlKey, url_column
from framework.profile.values import filled, to_bool, to_category, to_count, to_dates, to_number

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
    if spec.kind == "links" and "source_url" not in used:
        raise ImportProblem("no_source_column", columns=", ".join(header[:12]))
    kinds = catalogue().fields(spec.kind)
    columns: dict[str, pa.Array] = {}
    unreadable: set[int] = set()
    plain = [f for f in used if kinds[f] not in ("url", "date")]
    with ThreadPoolExecutor(2) as pool:
        # URL work and the rest run side by side: Arrow kernels release the GIL.
        urls = {f: pool.submit(url_column, raw.table[used[f]]) for f in used if kinds[f] == "url"}
        dates = {f: pool.submit(to_dates, raw.table[used[f]], spec.dates, spec.missing)
                 for f in used if kinds[f] == "date"}
        for name in plain:
            columns[name] = _convert(raw.table[used[name]], kinds[name], name, spec, decimal_comma)
        for name, job in dates.items():
            columns[name], bad = job.result()
            unreadable.update(bad.tolist())
        url_parts = {name: job.result() for name, job in urls.items()}
    part = Part(pa.table({}), used=used)
    if spec.kind == "links":
        _links(columns, url_parts, raw, spec, part)
    else:
        for name, url in url_parts.items():
            columns[name] = url.url.combine_chunks()
    rows = raw.table.num_rows
    extras = {EXTRA + c: raw.table[c] for c in header if c not in set(used.values()) | _consumed(spec, header)}
    table = pa.table({**columns, **extras}) if columns or extras else pa.table({"source_file": pa.nulls(rows, pa.string())})
    table = table.append_column("source_file", pa.DictionaryArray.from_arrays(
        pa.array(np.zeros(rows, np.int32)), pa.array([file_name]))) if "source_file" not in table.column_names else table
    if part.keep is not None:
        table = table.filter(part.keep)
    part.table = ordered(table)
    part.unreadable_dates = raw.lines(np.array(sorted(unreadable), dtype=np.int64)) if unreadable else []
    return part


def _links(columns: dict, url_parts: dict, raw: RawTable, spec: Format, part: Part) -> None:
    rows = raw.table.num_rows
    source = url_parts["source_url"]
    columns["source_url"] = source.url.combine_chunks()
    columns["source_host"] = source.host
    columns["source_domain"] = source.domain
    target = url_parts.get("target_url")
    if target is not None:
        columns["target_url"] = target.url.combine_chunks().dictionary_encode()
    columns["lost"] = _lost(columns, raw, spec, rows)
    columns["link_type"] = _link_type(columns.get("link_type"), raw, spec, rows)
    columns["placement"] = _placement(columns, raw, spec, rows)
    kinds = catalogue().link_fields
    for name in CORE:
        if name not in columns:
            columns[name] = pa.nulls(rows, DICTIONARY if name == "target_url" else arrow_type(kinds[name]))
    # A link needs a page it comes from: rows without a usable source host are skipped and named.
    hosts = source.host.dictionary.to_pylist()
    usable = pa.array([("." in h or ":" in h) and " " not in h for h in hosts], pa.bool_())
    keep = pc.fill_null(pc.take(usable, source.host.indices), False)
    bad = np.flatnonzero(~keep.to_numpy(zero_copy_only=False))
    if len(bad):
        given = filled(raw.table[part.used["source_url"]]).to_numpy(zero_copy_only=False)
        lines = raw.lines(bad[:1000])
        part.skipped = [(line, "bad_source_url" if given[i] else "no_source_url") for i, line in zip(bad, lines)]
        part.skipped_count = len(bad)
        part.keep = keep
        keep_np = keep.to_numpy(zero_copy_only=False)
        part.source_key = _filter_key(source.key, keep_np)
        part.target_key = _filter_key(target.key, keep_np) if target is not None else None
    else:
        part.source_key = source.key
        part.target_key = target.key if target is not None else None


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
    return values.combine_chunks()


def _lost(columns: dict, raw: RawTable, spec: Format, rows: int) -> pa.Array:
    """Lost when the vendor says so: a lost flag, or a filled lost date or lost reason."""
    lost = pc.fill_null(columns["lost"], False) if "lost" in columns else pa.array(np.zeros(rows, bool))
    for name in spec.lost_when_filled:
        if name in columns:
            lost = pc.or_(lost, filled(columns[name]))
    return lost


def _link_type(given, raw: RawTable, spec: Format, rows: int) -> pa.Array:
    """The vendor's link type; flag columns (Semrush Image/Text, Majestic FlagRedirect) fill gaps."""
    result = given.cast(pa.string()) if given is not None else pa.nulls(rows, pa.string())
    for column, link_type in spec.link_type_flags.items():
        cell = find_column(raw.table.column_names, column)
        if cell is None:
            continue
        flag = pc.fill_null(to_bool(raw.table[cell], spec.flags), False)
        result = pc.coalesce(result, pc.if_else(flag, pa.scalar(link_type), pa.scalar(None, pa.string())))
    return result.dictionary_encode()


def _placement(columns: dict, raw: RawTable, spec: Format, rows: int) -> pa.Array:
    """Only where the vendor states it (Ahrefs Content, Semrush Sitewide, image/frame/form links)."""
    result = pa.nulls(rows, pa.string())
    for column, placement in spec.placement_flags.items():
        cell = find_column(raw.table.column_names, column)
        if cell is not None:
            flag = pc.fill_null(to_bool(raw.table[cell], spec.flags), False)
            result = pc.coalesce(result, pc.if_else(flag, pa.scalar(placement), pa.scalar(None, pa.string())))
    link_type = columns["link_type"].cast(pa.string())
    for link_type_value, placement in TYPE_PLACEMENT.items():
        match = pc.fill_null(pc.equal(link_type, link_type_value), False)
        result = pc.coalesce(result, pc.if_else(match, pa.scalar(placement), pa.scalar(None, pa.string())))
    return pc.fill_null(result, "unknown").dictionary_encode()


def _consumed(spec: Format, header: list[str]) -> set[str]:
    names = [*spec.link_type_flags, *spec.placement_flags, *spec.ignore]
    return {c for c in header if header_key(c) in {header_key(n) for n in names}}


def _filter_key(key: UrlKey, keep: np.ndarray) -> UrlKey:
    return UrlKey(key.host_codes[keep], key.hosts, key.rest_codes[keep], key.rests)


def ordered(table: pa.Table) -> pa.Table:
    names = table.column_names
    core = [c for c in CORE if c in names]
    extras = sorted((c for c in names if c.startswith(EXTRA)), key=names.index)
    middle = [c for c in names if c not in core and c not in extras and c != "source_file"]
    return table.select(core + middle + ["source_file"] + extras)


__all__ = ["Part", "build", "ordered", "arrow_type", "CORE", "EXTRA"]
