"""The SQLite file under every store: where it lives, its schema versions, and short-lived connections.

Saved assessments (``assessments.py``) and the fetch cache (``fetch_cache.py``) share one file and
one schema history, but neither knows the other: the page checker needs no verdict engine.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

ENV_VAR = "LINKWIJZER_DB"


class StoreError(RuntimeError):
    """The database file cannot be used; the message names the path and what to do."""


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


def _v3_saved_profiles(conn: sqlite3.Connection) -> None:
    # Uploaded exports kept under a name (issue 13), so a profile survives a closed tab: the files
    # as uploaded (zlib-compressed; the import runs again on reopening, with today's rules) and the
    # review's settings, filters and overrides as JSON (`state`), in the URL's own names.
    conn.execute("""
        CREATE TABLE saved_profiles (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            name    TEXT NOT NULL UNIQUE,
            state   TEXT NOT NULL DEFAULT '{}',
            bytes   INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""")
    conn.execute("""
        CREATE TABLE saved_profile_files (
            profile  INTEGER NOT NULL REFERENCES saved_profiles (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name     TEXT NOT NULL,
            body     BLOB NOT NULL,
            PRIMARY KEY (profile, position)
        )""")


# Schema version N is reached by running MIGRATIONS[:N] in order; `PRAGMA user_version` records
# N. Append new steps and never edit a released one.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_assessments, _v2_fetch_cache, _v3_saved_profiles)


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


class Database:
    """One SQLite file, migrated to the current schema when opened.

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
        # A file (or folder) we may not write is still read: listing and reopening work, saving says why not.
        self.read_only = self.path.exists() and not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        with self.connection() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(f"The database {self.path} was written by a newer Linkwijzer (schema "
                                 f"version {version}, this one knows {len(MIGRATIONS)}); update Linkwijzer.")
            if self.read_only:
                if version < len(MIGRATIONS):
                    raise StoreError(f"The database {self.path} is read-only and from an older Linkwijzer, so it "
                                     f"cannot be brought up to date; make it writable or point {ENV_VAR} at a copy.")
                return
            # WAL is stored in the file, so setting it once here holds for every later connection.
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn)

    @contextmanager
    def connection(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection for one unit of work: committed on success, rolled back on error.

        ``write``: take the write lock first, waiting up to WRITE_PATIENCE seconds for another
        writer, so a save that meets a long lock is retried instead of lost. Any SQLite failure (a
        corrupt or non-SQLite file, an unreadable path) becomes a StoreError that names the file
        and what to do, because the user can act on that and not on a traceback.
        """
        if write and self.read_only:
            raise StoreError(f"The database file {self.path} is read-only: saved items can be read, but saving "
                             f"needs write access to the file and its folder (or point {ENV_VAR} at a writable file).")
        try:
            target = f"file:{quote(str(self.path))}?mode=ro&immutable=1" if self.read_only else str(self.path)
            with closing(sqlite3.connect(target, timeout=10, uri=self.read_only)) as conn:
                conn.row_factory = sqlite3.Row
                if write:
                    _begin_writing(conn)
                with conn:
                    yield conn
        except sqlite3.DatabaseError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StoreError(f"The database file {self.path} stayed locked by another session for more than "
                                 f"{WRITE_PATIENCE} s; nothing was saved. Try again in a moment.") from None
            if "readonly" in str(error).replace("-", "").replace(" ", ""):
                raise StoreError(f"The database file {self.path} cannot be written: give this user write access "
                                 f"to it and its folder, or point {ENV_VAR} at a writable file.") from None
            raise StoreError(
                f"Cannot use the database file {self.path}: {error}. If it is not a Linkwijzer "
                f"database, point {ENV_VAR} at another file or move this one aside."
            ) from None


WRITE_PATIENCE = 60  # seconds a save waits for another session's write lock before giving up


def _begin_writing(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, retried while another writer holds the lock (each try waits the busy timeout)."""
    deadline = time.monotonic() + WRITE_PATIENCE
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def now() -> str:
    """The current time as UTC ISO text: such strings compare correctly in SQL."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


__all__ = ["ENV_VAR", "Database", "StoreError", "default_path", "migrate", "MIGRATIONS", "now"]
