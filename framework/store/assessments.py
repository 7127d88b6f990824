"""Saved assessments in an embedded SQLite file that survives restarts."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable, Iterator

from linkwijzer.i18n import LANGUAGES
from linkwijzer.questionnaire.assessment import Assessment, from_params, to_params
from linkwijzer.questionnaire.verdict import Verdict, assess

ENV_VAR = "LINKWIJZER_DB"
MAX_LABEL = 200
MAX_NOTE = 5000


class StoreError(RuntimeError):
    """The database file cannot be used; the message names the path and what to do."""


@dataclass(frozen=True)
class SavedAssessment:
    id: int
    label: str
    note: str
    lang: str
    """The language the assessment was saved in (reports may use another)."""
    created: datetime
    """When it was first saved, timezone-aware UTC."""
    updated: datetime
    assessment: Assessment
    """The answers and link details; its ``label`` and ``note`` equal the fields above."""
    outcome: str
    """Outcome id under the current rules (see ``Store`` on why it is recomputed)."""
    decision: str

    def verdict(self, lang: str | None = None) -> Verdict:
        return assess(self.assessment.answers, lang or self.lang)


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


def default_path() -> Path:
    """``$LINKWIJZER_DB`` when set, else ``linkwijzer.sqlite3`` in the user's data folder."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir  # only needed when no path is configured

    return Path(user_data_dir("linkwijzer")) / "linkwijzer.sqlite3"


def _v1_assessments(conn: sqlite3.Connection) -> None:
    # `params` is the URL form of the assessment (to_params) as JSON: the same ids as links and
    # the CLI, so a stored row and a shared link can never disagree on what an answer means.
    # `outcome` and `decision` are the verdict at save time, so SQL can list and sort without
    # Python; readers recompute them because the rules file may have changed since.
    conn.execute("""
        CREATE TABLE assessments (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            label    TEXT NOT NULL,
            note     TEXT NOT NULL DEFAULT '',
            lang     TEXT NOT NULL,
            params   TEXT NOT NULL,
            outcome  TEXT NOT NULL,
            decision TEXT NOT NULL,
            created  TEXT NOT NULL,
            updated  TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX assessments_created ON assessments (created DESC, id DESC)")


def _v2_fetch_cache(conn: sqlite3.Connection) -> None:
    # Pages fetched by the batch check (issue 5), so a second run resumes instead of refetching.
    # `key` is the normalised URL (linkwijzer.profile.importing.urls.normalise_url), so http/https, www and
    # tracking variants of one page share a row. `body` is the decoded page as zlib-compressed
    # UTF-8, already cut at the fetch size cap; `meta` holds the rest of the result as JSON, so
    # the fetcher can add fields without a migration.
    conn.execute("""
        CREATE TABLE fetch_cache (
            key        TEXT PRIMARY KEY,
            url        TEXT NOT NULL,
            status     INTEGER,
            final_url  TEXT,
            error      TEXT,
            meta       TEXT NOT NULL DEFAULT '{}',
            body       BLOB,
            fetched_at TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX fetch_cache_fetched ON fetch_cache (fetched_at)")


# Schema version N is reached by running MIGRATIONS[:N] in order; `PRAGMA user_version` records
# N. Append new steps and never edit a released one.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_assessments, _v2_fetch_cache)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date in one transaction; returns the resulting version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(f"schema version {version} is newer than this Linkwijzer ({len(MIGRATIONS)})")
    if version == len(MIGRATIONS):
        return version
    # BEGIN IMMEDIATE takes the write lock first, so two sessions starting at once cannot both
    # run the same migration; the second one re-reads the version after the first committed.
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            step(conn)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)


class Store:
    """Saved assessments in one SQLite file.

    Every operation opens its own short-lived connection. Streamlit runs each session's
    script on its own thread; a shared connection would need a lock around every call, while
    opening a SQLite file costs well under a millisecond. WAL mode lets readers carry on while
    one session writes, and the busy timeout makes concurrent writers wait instead of failing.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"Cannot create the folder for the database {self.path}: {error.strerror or error}") from None
        with self.connection() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(f"The database {self.path} was written by a newer Linkwijzer (schema "
                                 f"version {version}, this one knows {len(MIGRATIONS)}); update Linkwijzer.")
            # WAL is stored in the file, so setting it once here holds for every later connection.
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn)

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for one unit of work: committed on success, rolled back on error.

        Any SQLite failure (a corrupt or non-SQLite file, an unreadable path) becomes a
        StoreError that names the file, because the user can act on that and not on a traceback.
        """
        try:
            with closing(sqlite3.connect(self.path, timeout=10)) as conn:
                conn.row_factory = sqlite3.Row
                with conn:
                    yield conn
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"Cannot use the database file {self.path}: {error}. If it is not a Linkwijzer "
                f"database, point {ENV_VAR} at another file or move this one aside."
            ) from None

    def save(self, assessment: Assessment, label: str, note: str = "", lang: str = "nl") -> int:
        """Store a new assessment and return its id."""
        label, note, lang = _check(label, note, lang)
        verdict = assess(assessment.answers, lang)
        now = _now()
        with self.connection() as conn:
            cursor = conn.execute(
                "INSERT INTO assessments (label, note, lang, params, outcome, decision, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (label, note, lang, _params_json(assessment), verdict.outcome, verdict.decision, now, now),
            )
            return int(cursor.lastrowid)

    def update(self, id: int, *, assessment: Assessment | None = None, label: str | None = None,
               note: str | None = None, lang: str | None = None) -> SavedAssessment | None:
        """Change the given fields of a saved assessment; None when ``id`` does not exist."""
        current = self.get(id)
        if current is None:
            return None
        label, note, lang = _check(current.label if label is None else label,
                                   current.note if note is None else note,
                                   current.lang if lang is None else lang)
        assessment = current.assessment if assessment is None else assessment
        verdict = assess(assessment.answers, lang)
        with self.connection() as conn:
            conn.execute(
                "UPDATE assessments SET label = ?, note = ?, lang = ?, params = ?, outcome = ?,"
                " decision = ?, updated = ? WHERE id = ?",
                (label, note, lang, _params_json(assessment), verdict.outcome, verdict.decision, _now(), id),
            )
        return self.get(id)

    def get(self, id: int) -> SavedAssessment | None:
        found = self.get_many([id])
        return found[0] if found else None

    def get_many(self, ids: Iterable[int]) -> list[SavedAssessment]:
        """The saved assessments with these ids, in the order asked; unknown ids are skipped."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        with self.connection() as conn:
            rows = conn.execute(f"SELECT * FROM assessments WHERE id IN ({marks})", wanted).fetchall()
        by_id = {row["id"]: _saved(row) for row in rows}
        return [by_id[i] for i in wanted if i in by_id]

    def list(self) -> list[SavedAssessment]:
        """All saved assessments, newest first."""
        with self.connection() as conn:
            rows = conn.execute("SELECT * FROM assessments ORDER BY created DESC, id DESC").fetchall()
        return [_saved(row) for row in rows]

    def delete(self, id: int) -> bool:
        """Remove one saved assessment; False when there was none with this id."""
        with self.connection() as conn:
            return conn.execute("DELETE FROM assessments WHERE id = ?", (int(id),)).rowcount > 0

    # The fetch cache (schema v2) for the batch check of linkwijzer.inspect.

    def put_fetches(self, rows: Iterable[CachedFetch]) -> int:
        """Store fetched pages, replacing older rows with the same key; returns how many."""
        # Times as UTC ISO text, so `fetched_at >= ?` compares them correctly as strings.
        values = [(r.key, r.url, r.status, r.final_url, r.error, json.dumps(r.meta, ensure_ascii=False),
                   None if r.body is None else zlib.compress(r.body, 6),
                   r.fetched_at.astimezone(UTC).isoformat(timespec="microseconds")) for r in rows]
        with self.connection() as conn:
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
        with self.connection() as conn:
            return conn.execute("DELETE FROM fetch_cache WHERE fetched_at < ?", (before,)).rowcount


def _check(label: str, note: str, lang: str) -> tuple[str, str, str]:
    label, note = (label or "").strip(), (note or "").strip()
    if not label:
        raise ValueError("a label is required to save an assessment")
    if len(label) > MAX_LABEL:
        raise ValueError(f"the label is {len(label)} characters long; at most {MAX_LABEL} are allowed")
    if len(note) > MAX_NOTE:
        raise ValueError(f"the note is {len(note)} characters long; at most {MAX_NOTE} are allowed")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return label, note, lang


def _params_json(assessment: Assessment) -> str:
    return json.dumps(to_params(assessment), ensure_ascii=False, sort_keys=True)


def _saved(row: sqlite3.Row) -> SavedAssessment:
    # from_params drops ids the current rules no longer know instead of failing, so a row saved
    # under older rules still opens; the verdict is recomputed for the same reason.
    try:
        params = json.loads(row["params"])
    except ValueError:
        params = {}
    assessment = replace(from_params(params if isinstance(params, dict) else {}).assessment,
                         label=row["label"], note=row["note"])
    verdict = assess(assessment.answers, row["lang"])
    return SavedAssessment(
        id=row["id"], label=row["label"], note=row["note"], lang=row["lang"],
        created=datetime.fromisoformat(row["created"]), updated=datetime.fromisoformat(row["updated"]),
        assessment=assessment, outcome=verdict.outcome, decision=verdict.decision,
    )


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


__all__ = ["ENV_VAR", "MAX_LABEL", "MAX_NOTE", "CachedFetch", "SavedAssessment", "Store", "StoreError", "default_path",
           "migrate"]
