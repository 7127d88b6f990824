"""Import backlink exports: detect each file, convert it, merge all files and fold duplicates.

>>> result = import_files([("links.csv", b"Bron URL,Doel URL\\nhttps://a.nl/x,https://b.nl/\\n")], lang="en")
>>> result.summary()["files"][0]["format"], result.summary()["links"]
('generic', 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from linkwijzer.i18n import text
from linkwijzer.profile.importing.canonical import CORE, DICTIONARY, Part, arrow_type, build, ordered
from linkwijzer.profile.importing.formats import catalogue
from linkwijzer.profile.importing.generic import generic_format, propose_mapping, recognise_by_content
from linkwijzer.profile.importing.problems import ImportProblem
from linkwijzer.profile.importing.reading import MAX_LISTED, RawTable, read_table, read_workbook
from linkwijzer.profile.importing.sniff import HeaderInfo, read_sample, sniff, with_format
from linkwijzer.profile.importing.timing import stage
from linkwijzer.profile.importing.urls import comparable_keys, registrable_domain, split_host

Progress = Callable[[float, str], None]
DOMAIN_AGGREGATES = ("ahrefs_domains", "semrush_domains", "majestic_domains", "gsc_sites")


@dataclass
class FileReport:
    """What happened to one file."""

    name: str
    format: str
    encoding: str
    delimiter: str | None
    rows: int  # rows imported from this file (before duplicates across files are folded)
    skipped: list[dict] = field(default_factory=list)  # {"row": line, "code": reason id}
    skipped_count: int = 0
    unreadable_dates: list[int] = field(default_factory=list)  # file lines
    notes: list[str] = field(default_factory=list)  # ids of import.note.* texts
    layout: str = ""
    kind: str = "links"
    bom: bool = False
    header_row: int = 1
    mapping: dict[str, str] = field(default_factory=dict)  # canonical field -> column used

    def as_dict(self, lang: str) -> dict:
        return {
            "name": self.name, "format": self.format, "layout": self.layout, "kind": self.kind,
            "encoding": self.encoding, "bom": self.bom, "delimiter": self.delimiter,
            "header_row": self.header_row, "rows": self.rows,
            "skipped": [{"row": s["row"], "code": s["code"],
                         "reason": text(lang, f"import.skip.{s['code']}")} for s in self.skipped],
            "skipped_count": self.skipped_count,
            "unreadable_dates": self.unreadable_dates,
            "notes": [text(lang, f"import.note.{n}") for n in self.notes],
            "mapping": self.mapping,
        }


@dataclass(frozen=True)
class Folding:
    """Rows folded as the same link seen twice: same source page, same target and same anchor."""

    within_files: int = 0
    """Repeated inside one file (vendors list a link once per crawl or per redirect)."""
    across_files: int = 0
    """Already read from an earlier file (two exports of the same profile overlap)."""

    @property
    def total(self) -> int:
        return self.within_files + self.across_files


@dataclass
class ImportResult:
    links: pd.DataFrame
    files: list[FileReport]
    duplicates_removed: int
    aggregates: dict[str, pd.DataFrame]
    problems: list[ImportProblem]
    lang: str = "nl"
    reclaim: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Links to the site's own dead pages (Ahrefs broken backlinks): to reclaim, never judged."""
    folding: Folding = field(default_factory=Folding)
    _by_site: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def referring_domains(self) -> int:
        """Distinct registrable domains linking: from the links, and from domain-level exports."""
        return len(linking_domains(self.links, self.aggregates))

    @property
    def lost_links(self) -> int:
        return int(self.links["lost"].sum()) if "lost" in self.links and len(self.links) else 0

    @cached_property
    def target_sites(self) -> list[tuple[str, int]]:
        """The sites the links point to, with their link counts, most first (see ``target_sites``).

        Kept: the profile page asks on every rerun, and the links never change after the import."""
        return target_sites(self.links)

    def links_to(self, site: str) -> pd.DataFrame:
        """The links to ``site`` (see ``links_to_site``), kept per site for the page's reruns."""
        if site not in self._by_site:
            self._by_site[site] = links_to_site(self.links, site)
        return self._by_site[site]

    def summary(self) -> dict:
        """The JSON of ``linkwijzer import FILE... --json``."""
        return {
            "files": [f.as_dict(self.lang) for f in self.files],
            "links": int(len(self.links)),
            "referring_domains": self.referring_domains,
            "duplicates_removed": int(self.duplicates_removed),
            "folded": {"within_files": self.folding.within_files, "across_files": self.folding.across_files},
            "lost_links": self.lost_links,
            "reclaim": int(len(self.reclaim)),
            "target_sites": [{"site": site, "links": n} for site, n in self.target_sites],
            "aggregates": {name: int(len(table)) for name, table in self.aggregates.items()},
            "problems": [p.as_dict(self.lang) for p in self.problems],
        }

    def summary_text(self, lang: str | None = None) -> str:
        """The human-readable report of the CLI: per file, then the totals."""
        lang = lang or self.lang
        out = []
        for report in self.files:
            out.append(text(lang, "import.summary.file", name=report.name,
                            format=text(lang, f"import.format.{report.format}"),
                            encoding=_encoding_label(report, lang), rows=report.rows))
            if report.skipped_count:
                out.append(text(lang, "import.summary.skipped", count=report.skipped_count))
                for skip in report.skipped[:20]:
                    out.append(text(lang, "import.summary.skipped_row", row=skip["row"] or "?",
                                    reason=text(lang, f"import.skip.{skip['code']}")))
                if report.skipped_count > 20:
                    out.append(text(lang, "import.summary.more", count=report.skipped_count - 20))
            if report.unreadable_dates:
                rows = ", ".join(str(r) for r in report.unreadable_dates[:20])
                more = len(report.unreadable_dates) - 20
                out.append(text(lang, "import.summary.unreadable_dates", count=len(report.unreadable_dates),
                                rows=rows + (f" (+{more})" if more > 0 else "")))
            out.extend("  " + text(lang, f"import.note.{n}") for n in report.notes)
        for problem in self.problems:
            out.append(text(lang, "import.summary.problem", message=problem.message(lang)))
        out.append(text(lang, "import.summary.totals", links=len(self.links),
                        domains=self.referring_domains, duplicates=self.duplicates_removed))
        return "\n".join(out)


def read_header(data: bytes | Path) -> HeaderInfo:
    """Encoding, delimiter, columns and detected format, from the start of the file."""
    sample, complete = read_sample(Path(data) if isinstance(data, str) else data)
    info = sniff(sample, complete)
    if info.encoding == "xlsx":
        info, _ = read_workbook(data)
    return _settle_format(info, None)


def import_files(sources: Sequence[tuple[str, bytes | Path]], *, lang: str = "nl",
                 max_bytes: int = 2 * 1024**3, mappings: dict[str, dict[str, str]] | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Import every file; files that cannot be read become problems, never exceptions."""
    mappings = mappings or {}
    parts: list[Part] = []
    reclaim: list[Part] = []
    reports: list[FileReport] = []
    aggregates: dict[str, list[Part]] = {}
    problems: list[ImportProblem] = []
    total = max(len(sources), 1)
    for index, (name, source) in enumerate(sources):
        step = _stepper(progress, lang, name, index, total)
        try:
            report, part = _import_one(name, source, max_bytes, mappings.get(name), step)
        except ImportProblem as problem:
            problems.append(problem.for_file(name))
            continue
        except MemoryError:
            problems.append(ImportProblem("out_of_memory", name))
            continue
        except Exception as error:  # noqa: BLE001 - the UI and CLI must never see a traceback
            # A bug of ours, not the file's fault: say so plainly (the fuzz tests hunt for these).
            problems.append(ImportProblem("internal", name, detail=f"{type(error).__name__}: {error}"[:200]))
            continue
        reports.append(report)
        if report.kind == "links":
            parts.append(part)
        elif report.kind == "reclaim":
            reclaim.append(part)
        else:
            aggregates.setdefault(report.format, []).append(part)
    if progress:
        progress(0.97, text(lang, "import.progress.merging"))
    with stage("merge + de-duplicate"):
        links, folding = _merge(parts)
        dead = _merge(reclaim)[0] if reclaim else pd.DataFrame()
    tables = {name: _to_pandas(pa.concat_tables([p.table for p in items], promote_options="permissive"))
              for name, items in aggregates.items()}
    if progress:
        progress(1.0, text(lang, "import.progress.done"))
    return ImportResult(links, reports, folding.total, tables, problems, lang, reclaim=dead, folding=folding)


def _import_one(name: str, source: bytes | Path, max_bytes: int, mapping: dict | None, step) -> tuple[FileReport, Part]:
    source = Path(source) if isinstance(source, str) else source
    size = _size(source)
    if size > max_bytes:
        raise ImportProblem("too_large", size=_megabytes(size), limit=_megabytes(max_bytes))
    step(0.05, "reading")
    with stage("sniff"):
        sample, complete = read_sample(source)
        info = sniff(sample, complete)
    raw: RawTable | None = None
    if info.encoding == "xlsx":
        info, raw = read_workbook(source)
    info = _settle_format(info, mapping)
    if raw is None:
        with stage("read (pyarrow)"):
            raw = read_table(source, info)
    if raw.table.num_rows == 0:
        if raw.bad_rows:
            first = raw.bad_rows[0]
            raise ImportProblem("no_valid_rows", row=first.line, expected=first.expected, actual=first.actual)
        raise ImportProblem("header_only")
    step(0.5, "converting")
    with stage("convert (total)"):
        part = build(raw, info.spec, name, decimal_comma=info.delimiter == ";")
    skipped = [{"row": b.line, "code": b.reason} for b in raw.bad_rows[:MAX_LISTED]]
    skipped += [{"row": line, "code": code} for line, code in part.skipped]
    skipped.sort(key=lambda s: (s["row"] is None, s["row"] or 0))
    notes = list(info.spec.notes) + list(raw.notes)
    if info.format == "generic":
        notes.append("generic_mapping")
    report = FileReport(
        name=name, format=info.format, encoding=info.encoding, delimiter=info.delimiter,
        rows=part.table.num_rows, skipped=skipped[:MAX_LISTED],
        skipped_count=len(raw.bad_rows) + part.skipped_count, unreadable_dates=part.unreadable_dates,
        notes=notes, layout=info.layout, kind=info.kind, bom=info.bom, header_row=info.header_row,
        mapping=part.used,
    )
    return report, part


def _settle_format(info: HeaderInfo, mapping: dict | None) -> HeaderInfo:
    """The layout to convert with: the caller's mapping, a vendor's, GSC by content, or a proposal."""
    if mapping:
        unknown = [c for c in mapping.values() if c and c not in info.columns]
        if unknown:
            raise ImportProblem("mapping_column", columns=", ".join(unknown))
        return with_format(info, generic_format(mapping))
    if info.spec is not None:
        return info
    if info.missing:
        raise ImportProblem("missing_column", columns=", ".join(info.missing), format=info.near)
    proposal = propose_mapping(info.columns)
    shaped = recognise_by_content(info.columns, info.sample)
    if shaped is not None:
        # A GSC-shaped file wins unless its header names fields GSC never has (then it is a
        # home-made export that happens to look alike, e.g. "Bron URL, Eerst gezien").
        allowed = {"gsc_links": {"source_url", "last_seen"}, "gsc_targets": {"target_url", "source_url"}}
        if set(proposal) <= allowed.get(shaped.name, set()) or "source_url" not in proposal:
            return with_format(info, shaped)
    if "source_url" not in proposal:
        raise ImportProblem("no_source_column", columns=", ".join(info.columns[:12]))
    return with_format(info, generic_format(proposal))


def _merge(parts: list[Part]) -> tuple[pd.DataFrame, Folding]:
    """All link tables as one, the same link seen twice folded (first wins).

    The same link is the same normalised source page, target and anchor: a page that links to
    you twice with different anchors keeps both, because the anchor mix counts each.
    """
    if not parts:
        return _to_pandas(_empty_links()), Folding()
    table = ordered(pa.concat_tables([p.table for p in parts], promote_options="permissive"))
    sources = comparable_keys([p.source_key for p in parts])
    with_target = [p for p in parts if p.target_key is not None]
    targets = dict(zip(map(id, with_target), comparable_keys([p.target_key for p in with_target])))
    target = np.concatenate([targets.get(id(p), np.full(p.table.num_rows, -1)) for p in parts])
    source = np.concatenate(sources)
    anchor = _anchor_codes(table)
    width = int(target.max(initial=-1)) + 2
    if int(source.max(initial=0)) < (1 << 62) // width:
        # One int64 per row hashes much faster than a multi-column frame.
        key = pd.DataFrame({"s": source * width + (target + 1), "a": anchor})
    else:
        key = pd.DataFrame({"s": source, "t": target, "a": anchor})
    duplicate = key.duplicated().to_numpy()
    folding = Folding()
    if duplicate.any():
        files = np.repeat(np.arange(len(parts)), [p.table.num_rows for p in parts])
        codes = key.groupby(list(key.columns), sort=False).ngroup().to_numpy()
        first = np.full(codes.max() + 1, -1)
        first[codes[::-1]] = np.arange(len(codes))[::-1]  # the first row of every key
        same_file = files[first[codes]] == files
        folding = Folding(int((duplicate & same_file).sum()), int((duplicate & ~same_file).sum()))
        table = _without_rows(table, np.flatnonzero(duplicate))
    with stage("to pandas"):
        return _to_pandas(table), folding


def _anchor_codes(table: pa.Table) -> np.ndarray:
    """One code per distinct anchor, compared trimmed and case-folded ("Fietsen " is "fietsen")."""
    if "anchor" not in table.column_names:
        return np.zeros(table.num_rows, np.int64)
    import pyarrow.compute as pc

    column = table["anchor"]
    if pa.types.is_dictionary(column.type):
        column = column.cast(pa.string())
    tidy = pc.utf8_lower(pc.utf8_trim_whitespace(column.fill_null("")))
    encoded = pc.dictionary_encode(tidy).combine_chunks()
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)


def linking_domains(links: pd.DataFrame, aggregates: dict[str, pd.DataFrame]) -> set[str]:
    """Registrable domains linking: from the links, and from domain-level exports (GSC sites, ...)."""
    domains = set(links["source_domain"].dropna().astype(str).unique()) if len(links) and "source_domain" in links \
        else set()
    for name in DOMAIN_AGGREGATES:
        table = aggregates.get(name)
        if table is not None and "domain" in table:
            domains.update(registrable_domain(str(d).strip().lower()) for d in table["domain"].dropna().unique())
    domains.discard("")
    return domains


def links_to_site(links: pd.DataFrame, site: str) -> pd.DataFrame:
    """Only the links whose target is on ``site`` (a registrable domain); links without a target stay."""
    if not site or "target_url" not in links or not len(links):
        return links
    distinct = links["target_url"].astype("category").cat.categories
    on_site = {u for u in distinct if registrable_domain(split_host(str(u))[0]) == site}
    keep = links["target_url"].isna() | links["target_url"].astype(object).isin(on_site)
    return links if keep.all() else links[keep.to_numpy()]


def target_sites(links: pd.DataFrame, minimum_share: float = 0.02, minimum_links: int = 3) -> list[tuple[str, int]]:
    """The sites (registrable domains) the links point to, with link counts, most first.

    A site counts with at least ``minimum_links`` links and ``minimum_share`` of them: a few links
    to a partner's domain are noise, two sites of similar weight are two profiles.
    """
    if "target_url" not in links or not len(links) or not links["target_url"].notna().any():
        return []
    counts = links["target_url"].astype("category").value_counts()
    counts = counts[counts > 0]
    sites = pd.Series(counts.to_numpy(), index=[registrable_domain(split_host(str(u))[0]) for u in counts.index])
    per_site = sites.groupby(level=0).sum().sort_values(ascending=False)
    per_site = per_site[per_site.index != ""]
    total = int(per_site.sum())
    kept = per_site[(per_site >= minimum_links) & (per_site >= minimum_share * total)]
    return [(str(site), int(n)) for site, n in kept.items()]


def _without_rows(table: pa.Table, drop: np.ndarray) -> pa.Table:
    """The table less some rows. Few rows: slices around them, which copy nothing (a filter
    copies every column); many: a filter, so the table does not end up in tiny chunks."""
    if len(drop) > 2000:
        keep = np.ones(table.num_rows, bool)
        keep[drop] = False
        return table.filter(pa.array(keep))
    starts = np.concatenate(([0], drop + 1))
    stops = np.concatenate((drop, [table.num_rows]))
    pieces = [table.slice(a, b - a) for a, b in zip(starts, stops) if b > a]
    return pa.concat_tables(pieces) if pieces else table.slice(0, 0)


_TYPES = {pa.bool_(): pd.BooleanDtype(), pa.int64(): pd.Int64Dtype()}


def _empty_links() -> pa.Table:
    """No links: still the canonical columns with their types, so callers need no special case."""
    kinds = catalogue().link_fields
    fields = [(name, DICTIONARY if name in ("source_host", "source_domain", "target_url")
               else arrow_type(kinds[name])) for name in CORE]
    return pa.table({name: pa.array([], type_) for name, type_ in [*fields, ("source_file", DICTIONARY),
                                                                          ("source_format", DICTIONARY)]})


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    table = table.unify_dictionaries() if table.num_columns else table
    frame = table.to_pandas(types_mapper=_TYPES.get, self_destruct=True, split_blocks=True)
    if "lost" in frame:
        frame["lost"] = frame["lost"].fillna(False).astype(bool)
    return frame


def _stepper(progress: Progress | None, lang: str, name: str, index: int, total: int):
    def step(fraction: float, stage: str) -> None:
        if progress:
            progress((index + fraction) / total * 0.95, text(lang, f"import.progress.{stage}", file=name))
    return step


def _size(source: bytes | Path) -> int:
    if isinstance(source, Path):
        try:
            if not source.is_file():
                raise ImportProblem("not_found")
            return source.stat().st_size
        except OSError:
            raise ImportProblem("not_found") from None
    return len(source)


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB" if size >= 1024**2 else f"{size / 1024:,.0f} kB"


def _encoding_label(report: FileReport, lang: str) -> str:
    label = {"utf-8": "UTF-8", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "cp1252": "Windows-1252",
             "xlsx": "Excel (.xlsx)"}.get(report.encoding, report.encoding)
    delimiter = {"\t": "tab", ",": "comma", ";": "semicolon"}.get(report.delimiter or "")
    shown = text(lang, f"import.delimiter.{delimiter}") if delimiter else ""
    return label + (" + BOM" if report.bom else "") + (f", {shown}" if shown else "")


__all__ = ["links_to_site", "target_sites", "linking_domains", "Folding", "import_files", "read_header", "propose_mapping", "ImportResult", "FileReport", "HeaderInfo",
           "ImportProblem"]
