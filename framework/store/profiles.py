"""Uploaded profiles kept under a name: the exports as uploaded plus the review's settings, to reopen later."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field

from linkwijzer.store.database import Database, StoreError, now

MAX_NAME = 120
MAX_BYTES = 512 * 1024 * 1024  # what one saved profile may hold, uncompressed: the store is a local file


@dataclass(frozen=True)
class SavedProfileInfo:
    """One saved profile as listed: no file bodies."""

    id: int
    name: str
    files: tuple[str, ...]
    bytes: int
    updated: str


@dataclass(frozen=True)
class SavedProfile:
    id: int
    name: str
    files: list[tuple[str, bytes]]
    state: dict = field(default_factory=dict)
    """``params`` (the review's URL parameters) and ``overrides`` (domain → relevance label)."""
    updated: str = ""


class SavedProfiles(Database):
    """Saved uploaded profiles in the same SQLite file as the saved assessments (schema v3)."""

    def save(self, name: str, files: list[tuple[str, bytes]], state: dict) -> int:
        """Keep these files and this state under ``name``; a name saved before is replaced. Returns the id."""
        name = " ".join(str(name).split())[:MAX_NAME]
        if not name:
            raise ValueError("a saved profile needs a name")
        size = sum(len(body) for _, body in files)
        if not files or size > MAX_BYTES:
            raise ValueError(f"a saved profile holds 1 to many files up to {MAX_BYTES // 2**20} MB in all")
        stamp = now()
        with self.connection(write=True) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("INSERT INTO saved_profiles (name, state, bytes, created, updated) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET state = excluded.state, bytes = excluded.bytes, "
                         "updated = excluded.updated", (name, json.dumps(state, ensure_ascii=False, default=str),
                                                        size, stamp, stamp))
            number = conn.execute("SELECT id FROM saved_profiles WHERE name = ?", (name,)).fetchone()[0]
            conn.execute("DELETE FROM saved_profile_files WHERE profile = ?", (number,))
            conn.executemany("INSERT INTO saved_profile_files (profile, position, name, body) VALUES (?, ?, ?, ?)",
                             [(number, position, file_name, zlib.compress(body, 6))
                              for position, (file_name, body) in enumerate(files)])
        return number

    def list(self) -> list[SavedProfileInfo]:
        """Every saved profile, the most recently saved first."""
        with self.connection() as conn:
            rows = conn.execute("SELECT p.id, p.name, p.bytes, p.updated, group_concat(f.name, char(31)) AS files "
                                "FROM saved_profiles p LEFT JOIN saved_profile_files f ON f.profile = p.id "
                                "GROUP BY p.id ORDER BY p.updated DESC, p.id DESC").fetchall()
        return [SavedProfileInfo(row["id"], row["name"], tuple((row["files"] or "").split("\x1f")) if row["files"] else (),
                                 row["bytes"], row["updated"]) for row in rows]

    def load(self, number: int) -> SavedProfile | None:
        """The saved profile with this id, or None when there is none."""
        with self.connection() as conn:
            row = conn.execute("SELECT id, name, state, updated FROM saved_profiles WHERE id = ?", (number,)).fetchone()
            if row is None:
                return None
            bodies = conn.execute("SELECT name, body FROM saved_profile_files WHERE profile = ? ORDER BY position",
                                  (number,)).fetchall()
        try:
            state = json.loads(row["state"])
            files = [(body["name"], zlib.decompress(body["body"])) for body in bodies]
        except (ValueError, zlib.error) as error:
            raise StoreError(f"The saved profile {row['name']!r} in {self.path} cannot be read ({error}); "
                             "delete it and save the files again.") from None
        return SavedProfile(row["id"], row["name"], files, state if isinstance(state, dict) else {}, row["updated"])

    def delete(self, number: int) -> bool:
        with self.connection(write=True) as conn:
            conn.execute("DELETE FROM saved_profile_files WHERE profile = ?", (number,))
            return conn.execute("DELETE FROM saved_profiles WHERE id = ?", (number,)).rowcount > 0


__all__ = ["SavedProfile", "SavedProfileInfo", "SavedProfiles"]
