"""Dated snapshots of a site's canonical links, kept as Parquet files beside the SQLite store.

One file per site and month: ``<history>/<site>/<YYYY-MM>.parquet``. Several exports of one
month merge into that month's snapshot; saving the same date again replaces it. The folder is
``$LINKWIJZER_HISTORY`` when set, else ``history/`` next to the SQLite file. Parquet needs no
server, is columnar (a snapshot reads back in milliseconds) and opens in any data tool.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ENV_VAR = "LINKWIJZER_HISTORY"
# The columns a later review needs; vendor metrics and extras are left out to keep snapshots small.
KEPT = ("source_url", "source_host", "source_domain", "target_url", "anchor", "first_seen", "last_seen", "lost",
        "nofollow", "sponsored", "ugc", "placement", "sitewide", "link_type", "source_title", "left_context",
        "right_context", "source_ip", "language")
_KEY = ["source_url", "target_url", "anchor"]
_MONTH = re.compile(r"\d{4}-\d{2}")
_SITE = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")
_META = b"linkwijzer"


def default_root() -> Path:
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    from linkwijzer.store.database import default_path

    return default_path().parent / "history"


@dataclass(frozen=True)
class Snapshot:
    site: str
    date: str
    """ISO date the snapshot stands for."""
    links: int
    """Live links (not marked lost), as in the review and the history."""
    referring_domains: int
    files: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"site": self.site, "date": self.date, "links": self.links, "referring_domains": self.referring_domains}


def snapshot_date(links: pd.DataFrame | None, given: str | date | None = None) -> str:
    """The date a snapshot stands for: the one given, else the export's newest "last seen", else today."""
    if given:
        return date.fromisoformat(str(given)).isoformat()
    if links is not None and "last_seen" in links and len(links) and links["last_seen"].notna().any():
        return pd.Timestamp(links["last_seen"].max()).date().isoformat()
    return date.today().isoformat()


def live(links: pd.DataFrame) -> pd.DataFrame:
    """The links the export does not mark as lost: what a snapshot counts, as the review does."""
    return links if "lost" not in links or not len(links) else links[~links["lost"].fillna(False).astype(bool)]


def live_domains(links: pd.DataFrame) -> set[str]:
    """Referring domains with at least one live link."""
    if not len(links):
        return set()
    return set(live(links)["source_domain"].dropna().astype(str)) - {""}


class HistoryStore:
    """The snapshots under one folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()

    def _folder(self, site: str) -> Path:
        if not _SITE.fullmatch(site):
            raise ValueError(f"not a domain: {site!r}")
        return self.root / site

    def save(self, site: str, links: pd.DataFrame, when: str, files: tuple[str, ...] = ()) -> Snapshot:
        """Store ``links`` as the snapshot of ``when``'s month: merged with what that month holds, or
        replacing it when it was saved for the same date."""
        folder = self._folder(site)
        month = when[:7]
        path = folder / f"{month}.parquet"
        table = links[[c for c in KEPT if c in links]].copy()
        if path.exists():
            meta = _meta(pq.read_schema(path))
            saved = meta.get("date", when)
            if saved != when:  # another export of the same month: one snapshot of both (same date: replaced)
                old = self._read(path)[0]
                # a link in both keeps the state of the later date (lost by then, or not)
                table = pd.concat([old, table] if when > saved else [table, old], ignore_index=True)
                when = max(when, saved)
                files = tuple(meta.get("files", ())) + tuple(files)
        key = [c for c in _KEY if c in table]
        if key:
            table = table.drop_duplicates(key, keep="last", ignore_index=True)
        snapshot = Snapshot(site, when, len(live(table)), len(live_domains(table)), tuple(files))
        folder.mkdir(parents=True, exist_ok=True)
        arrow = pa.Table.from_pandas(table, preserve_index=False)
        meta = {"date": when, "files": list(files), "links": snapshot.links,
                "referring_domains": snapshot.referring_domains}
        arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), _META: json.dumps(meta).encode()})
        # written beside and renamed, so a reader never sees half a file
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".parquet.tmp")
        os.close(handle)
        try:
            pq.write_table(arrow, temporary, compression="zstd")
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return snapshot

    def sites(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and _SITE.fullmatch(p.name)
                      and any(p.glob("*.parquet")))

    def snapshots(self, site: str) -> list[Snapshot]:
        """The site's snapshots, oldest first (read from the files' metadata only)."""
        folder = self._folder(site)
        out = []
        for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
            if _MONTH.fullmatch(path.stem):
                meta = _meta(pq.read_schema(path))
                out.append(Snapshot(site, meta.get("date", f"{path.stem}-01"), int(meta.get("links", 0)),
                                    int(meta.get("referring_domains", 0)), tuple(meta.get("files", ()))))
        return sorted(out, key=lambda s: s.date)

    def links(self, site: str, when: str) -> pd.DataFrame:
        return self._read(self._folder(site) / f"{when[:7]}.parquet")[0]

    def as_csv(self, site: str, when: str) -> bytes:
        """The snapshot as a CSV the importer reads back (format "linkwijzer"): how the app reopens it."""
        return self.links(site, when).to_csv(index=False, date_format="%Y-%m-%d %H:%M:%S").encode("utf-8")

    @staticmethod
    def _read(path: Path) -> tuple[pd.DataFrame, dict]:
        table = pq.read_table(path)
        return table.to_pandas(), _meta(table.schema)


def _meta(schema) -> dict:
    """What Linkwijzer wrote into a snapshot file's schema: its date, files and counts."""
    return json.loads((schema.metadata or {}).get(_META, b"{}"))


__all__ = ["ENV_VAR", "HistoryStore", "KEPT", "Snapshot", "default_root", "live", "live_domains", "snapshot_date"]
