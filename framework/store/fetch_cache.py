"""The fetch cache: pages the batch check fetched, so a second run resumes instead of refetching."""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Iterable

from linkwijzer.store.database import Database


@dataclass(frozen=True)
class CachedFetch:
    """One page in the fetch cache, keyed by its normalised URL."""

    key: str
    url: str
    """The URL as it was asked for."""
    status: int | None
    final_url: str | None
    error: str | None
    fetched_at: datetime
    """When it was fetched, timezone-aware UTC."""
    body: bytes | None = None
    """The decoded page as UTF-8 (stored zlib-compressed), cut at the fetch size cap."""
    meta: dict = field(default_factory=dict)
    """The rest of the fetch result (redirects, content type, charset, error details), JSON-safe."""


class FetchCache(Database):
    """Cached pages in the same SQLite file as the saved assessments (schema v2)."""

    def put_fetches(self, rows: Iterable[CachedFetch]) -> int:
        """Store fetched pages, replacing older rows with the same key; returns how many."""
        # Times as UTC ISO text, so `fetched_at >= ?` compares them correctly as strings.
        values = [(r.key, r.url, r.status, r.final_url, r.error, json.dumps(r.meta, ensure_ascii=False),
                   None if r.body is None else zlib.compress(r.body, 6),
                   r.fetched_at.astimezone(UTC).isoformat(timespec="microseconds")) for r in rows]
        with self.connection(write=True) as conn:
            conn.executemany("INSERT OR REPLACE INTO fetch_cache (key, url, status, final_url, error, meta, body,"
                             " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values)
        return len(values)

    def get_fetches(self, keys: Iterable[str], max_age: timedelta | None = None) -> dict[str, CachedFetch]:
        """The cached pages for these keys fetched within ``max_age`` (any age when None)."""
        wanted = list(dict.fromkeys(keys))
        since = (datetime.now(UTC) - max_age).isoformat(timespec="microseconds") if max_age is not None else ""
        found: dict[str, CachedFetch] = {}
        with self.connection() as conn:
            for start in range(0, len(wanted), 500):  # stay far below SQLite's variable limit
                part = wanted[start:start + 500]
                rows = conn.execute(f"SELECT * FROM fetch_cache WHERE key IN ({','.join('?' * len(part))})"
                                    " AND fetched_at >= ?", (*part, since)).fetchall()
                found.update((row["key"], _cached_fetch(row)) for row in rows)
        return found

    def clear_fetches(self, older_than: timedelta | None = None) -> int:
        """Forget cached pages (those fetched longer ago than ``older_than``, or all); returns how many."""
        before = (datetime.now(UTC) - older_than).isoformat(timespec="microseconds") if older_than else "9"
        with self.connection(write=True) as conn:
            return conn.execute("DELETE FROM fetch_cache WHERE fetched_at < ?", (before,)).rowcount


def _cached_fetch(row: sqlite3.Row) -> CachedFetch:
    try:
        meta = json.loads(row["meta"])
    except ValueError:
        meta = {}
    try:
        body = None if row["body"] is None else zlib.decompress(row["body"])
    except zlib.error:
        body = None  # a damaged row reads as "no body"; the batch check then fetches again
    return CachedFetch(key=row["key"], url=row["url"], status=row["status"], final_url=row["final_url"],
                       error=row["error"], fetched_at=datetime.fromisoformat(row["fetched_at"]), body=body,
                       meta=meta if isinstance(meta, dict) else {})


__all__ = ["CachedFetch", "FetchCache"]
