"""Vendor export formats from ``formats.toml``, checked at load, and detection by header row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from linkwijzer.datafiles import DataFileError, load_toml

FORMATS_PATH = Path(__file__).with_name("formats.toml")

KINDS = ("url", "text", "category", "date", "bool", "number", "count")
PLACEMENTS = ("content", "content_list", "navigation", "header", "footer", "sidebar", "comments",
              "image", "sitewide", "frame", "form", "unknown")
FORMAT_NAMES = ("ahrefs", "ahrefs_broken", "semrush", "semrush_audit", "majestic", "moz", "gsc_links", "gsc_sites",
                "gsc_anchors", "linkwijzer", "generic")
AGGREGATE_NAMES = ("ahrefs_domains", "ahrefs_anchors", "ahrefs_ips", "semrush_domains",
                   "majestic_domains", "gsc_sites", "gsc_anchors", "gsc_targets")


@dataclass(frozen=True)
class Format:
    """One header layout of one vendor export."""

    name: str
    layout: str
    kind: str  # "links" or "aggregate"
    signature: tuple[tuple[str, ...], ...]
    columns: dict[str, tuple[str, ...]]
    dates: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    flags: str = "words"
    notes: tuple[str, ...] = ()
    values: dict[str, dict[str, object]] = field(default_factory=dict)
    link_type_flags: dict[str, str] = field(default_factory=dict)
    placement_flags: dict[str, str] = field(default_factory=dict)
    lost_when_filled: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def resolve(self, header: list[str]) -> dict[str, str]:
        """Canonical field -> the header cell that fills it (first listed name that is present)."""
        found: dict[str, str] = {}
        for canonical, names in self.columns.items():
            cell = next((c for name in names if (c := find_column(header, name))), None)
            if cell is not None:
                found[canonical] = cell
        return found

    def matches(self, header: list[str]) -> int:
        """How many signature groups the header satisfies."""
        return sum(any(find_column(header, name) for name in group) for group in self.signature)

    def known_names(self) -> set[str]:
        names = {n for group in self.signature for n in group}
        names.update(n for alts in self.columns.values() for n in alts)
        names.update(self.link_type_flags, self.placement_flags, self.ignore)
        return {header_key(n) for n in names}


# "links": one row per link (a profile); "aggregate": per domain, anchor or IP; "reclaim": links
# to your own dead pages (Ahrefs' broken backlinks), listed for reclaiming, never judged.
KINDS_OF_EXPORT = ("links", "aggregate", "reclaim")


@dataclass(frozen=True)
class Catalogue:
    link_fields: dict[str, str]
    aggregate_fields: dict[str, str]
    formats: tuple[Format, ...]
    generic_aliases: dict[str, tuple[str, ...]]

    def fields(self, kind: str) -> dict[str, str]:
        """A reclaim list (links to dead pages) has the fields of a links export."""
        return self.aggregate_fields if kind == "aggregate" else self.link_fields


def clean_header(cell: object) -> str:
    """A header cell without BOM, surrounding quotes or repeated spaces (keeps its case)."""
    value = str(cell if cell is not None else "").replace("\ufeff", "").strip()
    while len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return re.sub(r"\s+", " ", value.strip('"').strip())


def header_key(cell: str) -> str:
    return clean_header(cell).casefold()


def find_column(header: list[str], name: str) -> str | None:
    """The header cell called ``name`` (case-insensitive; ``prefix*`` matches by prefix)."""
    key = header_key(name)
    if key.endswith("*"):
        return next((c for c in header if header_key(c).startswith(key[:-1])), None)
    exact = next((c for c in header if c == name), None)
    return exact or next((c for c in header if header_key(c) == key), None)


@dataclass(frozen=True)
class Detection:
    format: Format | None
    missing: tuple[str, ...] = ()  # names the best near-match lacks (a column missing)
    near: Format | None = None


def detect(header: list[str]) -> Detection:
    """The best-matching format for a header row; a near miss names the missing columns."""
    best, best_score = None, 0
    for fmt in catalogue().formats:
        score = fmt.matches(header)
        if score == len(fmt.signature) and score > best_score:
            best, best_score = fmt, score
    if best:
        return Detection(best)
    keys = {header_key(c) for c in header}
    for fmt in catalogue().formats:
        if fmt.kind != "links" or len(keys) < 4:
            continue
        coverage = len(keys & fmt.known_names()) / len(keys)
        matched = fmt.matches(header)
        if coverage >= 0.6 and matched >= 1:
            missing = tuple(g[0] for g in fmt.signature if not any(find_column(header, n) for n in g))
            return Detection(None, missing, fmt)
    return Detection(None)


@cache
def catalogue(path: Path = FORMATS_PATH) -> Catalogue:
    """Read and check ``formats.toml``; a wrong entry raises DataFileError naming the key."""
    data = load_toml(path)
    link_fields = _kinds(path, data, "fields.links")
    aggregate_fields = _kinds(path, data, "fields.aggregate")
    formats = []
    for index, entry in enumerate(data.get("format", [])):
        where = f"format[{index}]"
        kind = entry.get("kind")
        if kind not in KINDS_OF_EXPORT:
            raise DataFileError(path, f"{where}.kind", f"must be one of {', '.join(KINDS_OF_EXPORT)}")
        fields = aggregate_fields if kind == "aggregate" else link_fields
        columns = {k: _names(path, f"{where}.columns.{k}", v) for k, v in entry.get("columns", {}).items()}
        for canonical in [*columns, *entry.get("values", {}), *entry.get("lost_when_filled", [])]:
            if canonical not in fields:
                raise DataFileError(path, f"{where}.{canonical}", f"not a canonical {kind} field")
        for value in entry.get("placement_flags", {}).values():
            if value not in PLACEMENTS:
                raise DataFileError(path, f"{where}.placement_flags", f"unknown placement {value!r}")
        if entry.get("flags", "words") not in ("words", "nonempty"):
            raise DataFileError(path, f"{where}.flags", "must be 'words' or 'nonempty'")
        if not entry.get("signature"):
            raise DataFileError(path, f"{where}.signature", "needs at least one group")
        formats.append(Format(
            name=str(entry.get("name", "")), layout=str(entry.get("layout", "")), kind=kind,
            signature=tuple(_names(path, f"{where}.signature", g) for g in entry["signature"]),
            columns=columns, dates=tuple(entry.get("dates", ())), missing=tuple(entry.get("missing", ())),
            flags=entry.get("flags", "words"), notes=tuple(entry.get("notes", ())),
            values={k: {str(a).lower(): b for a, b in v.items()} for k, v in entry.get("values", {}).items()},
            link_type_flags=dict(entry.get("link_type_flags", {})),
            placement_flags=dict(entry.get("placement_flags", {})),
            lost_when_filled=tuple(entry.get("lost_when_filled", ())), ignore=tuple(entry.get("ignore", ())),
        ))
    aliases = {k: _names(path, f"generic.aliases.{k}", v) for k, v in data.get("generic", {}).get("aliases", {}).items()}
    for canonical in aliases:
        if canonical not in link_fields:
            raise DataFileError(path, f"generic.aliases.{canonical}", "not a canonical links field")
    return Catalogue(link_fields, aggregate_fields, tuple(formats), aliases)


def _kinds(path: Path, data: dict, key: str) -> dict[str, str]:
    group, name = key.split(".")
    table = data.get(group, {}).get(name)
    if not isinstance(table, dict):
        raise DataFileError(path, key, "missing table")
    for field_name, kind in table.items():
        if kind not in KINDS:
            raise DataFileError(path, f"{key}.{field_name}", f"kind must be one of {', '.join(KINDS)}")
    return dict(table)


def _names(path: Path, key: str, value: object) -> tuple[str, ...]:
    names = (value,) if isinstance(value, str) else tuple(value) if isinstance(value, list) else ()
    if not names or not all(isinstance(n, str) and n for n in names):
        raise DataFileError(path, key, "must be a column name or a list of names")
    return names


__all__ = ["Format", "Detection", "FORMAT_NAMES", "AGGREGATE_NAMES", "PLACEMENTS", "catalogue",
           "clean_header", "header_key", "find_column", "detect"]
