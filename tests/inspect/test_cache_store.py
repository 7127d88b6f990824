"""The fetch cache in the SQLite store (schema v2): migration of a v1 file, put/get, age, clearing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from linkwijzer.store import database as store_module
from linkwijzer.store.assessments import Store as Assessments
from linkwijzer.store.fetch_cache import CachedFetch, FetchCache as Store


def row(key: str, when: datetime | None = None, body: bytes | None = b"<html>fiets</html>") -> CachedFetch:
    return CachedFetch(key=key, url=f"https://{key}", status=200, final_url=f"https://{key}", error=None,
                       fetched_at=when or datetime.now(UTC), body=body, meta={"charset": "utf-8", "redirects": []})


def test_a_v1_file_gains_the_cache_and_keeps_its_assessments(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        store_module._v1_assessments(conn)
        conn.execute("INSERT INTO assessments (label, lang, params, outcome, decision, created, updated)"
                     " VALUES ('oud', 'nl', '{}', 'neutral', 'accept', '2025-01-01T00:00:00+00:00',"
                     " '2025-01-01T00:00:00+00:00')")
        conn.execute("PRAGMA user_version = 1")
    Store(path)
    assert [s.label for s in Assessments(path).list()] == ["oud"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS) >= 2
        assert conn.execute("SELECT count(*) FROM fetch_cache").fetchone()[0] == 0


def test_put_and_get(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    big = b"<p>" + "één fiets ".encode() * 100_000 + b"</p>"
    assert store.put_fetches([row("a.nl/x"), row("b.nl/y", body=big), row("c.nl/z", body=None)]) == 3
    found = store.get_fetches(["a.nl/x", "b.nl/y", "c.nl/z", "missing"])
    assert set(found) == {"a.nl/x", "b.nl/y", "c.nl/z"}
    assert found["b.nl/y"].body == big and found["c.nl/z"].body is None
    assert found["a.nl/x"].meta == {"charset": "utf-8", "redirects": []}
    assert found["a.nl/x"].fetched_at.tzinfo is not None
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        stored = conn.execute("SELECT length(body) FROM fetch_cache WHERE key = 'b.nl/y'").fetchone()[0]
    assert stored < len(big) / 20  # kept compressed


def test_newer_rows_replace_older_and_age_filters(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    amsterdam = timezone(timedelta(hours=2))
    store.put_fetches([row("a.nl/x", datetime.now(amsterdam) - timedelta(days=10)), row("b.nl/y")])
    assert set(store.get_fetches(["a.nl/x", "b.nl/y"], max_age=timedelta(days=7))) == {"b.nl/y"}
    assert set(store.get_fetches(["a.nl/x", "b.nl/y"])) == {"a.nl/x", "b.nl/y"}
    store.put_fetches([row("a.nl/x")])
    assert set(store.get_fetches(["a.nl/x"], max_age=timedelta(days=7))) == {"a.nl/x"}
    assert store.clear_fetches(older_than=timedelta(days=1)) == 0
    assert store.clear_fetches() == 2 and store.get_fetches(["a.nl/x"]) == {}


def test_many_keys_at_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    store.put_fetches(row(f"site.nl/{i}", body=None) for i in range(1200))
    assert len(store.get_fetches(f"site.nl/{i}" for i in range(1300))) == 1200


def test_a_damaged_body_reads_as_none(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    store.put_fetches([row("a.nl/x")])
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        conn.execute("UPDATE fetch_cache SET body = x'00ff00', meta = 'not json'")
    cached = store.get_fetches(["a.nl/x"])["a.nl/x"]
    assert cached.body is None and cached.meta == {}
