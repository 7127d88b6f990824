"""Saved profiles in a real SQLite file: a real export kept under a name, listed, reopened byte for byte."""

import sqlite3
from pathlib import Path

import pytest

from linkwijzer.store import database
from linkwijzer.store.profiles import SavedProfiles
from linkwijzer.resources import sample_dir


def sample_files() -> list[tuple[str, bytes]]:
    paths = sorted(sample_dir().glob("*.csv"))[:2]
    return [(p.name, p.read_bytes()) for p in paths]


def test_save_list_reopen_and_replace(tmp_path: Path) -> None:
    store = SavedProfiles(tmp_path / "lw.sqlite3")
    files = sample_files()
    state = {"params": {"site": "fietsenvandijk.nl", "keyword": "fiets kopen"}, "overrides": {"a.nl": "relevant"}}
    number = store.save("  Klant   Fietsen ", files, state)
    listed = store.list()
    assert [(p.id, p.name, p.files) for p in listed] == [(number, "Klant Fietsen", tuple(n for n, _ in files))]
    assert listed[0].bytes == sum(len(b) for _, b in files)
    loaded = SavedProfiles(tmp_path / "lw.sqlite3").load(number)  # a new process would open it like this
    assert loaded.files == files and loaded.state == state and loaded.name == "Klant Fietsen"
    # the same name again replaces files and state, and keeps the id
    again = store.save("Klant Fietsen", files[:1], {"params": {}})
    assert again == number and store.load(number).files == files[:1] and len(store.list()) == 1
    assert store.delete(number) and store.load(number) is None and store.list() == []


def test_real_export_round_trips(tmp_path: Path, exports: Path) -> None:
    body = (exports / "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv").read_bytes()
    store = SavedProfiles(tmp_path / "lw.sqlite3")
    number = store.save("hbnobulk", [("ahrefs.csv", body)], {})
    assert store.load(number).files == [("ahrefs.csv", body)]
    with sqlite3.connect(tmp_path / "lw.sqlite3") as conn:  # kept compressed
        assert conn.execute("SELECT length(body) FROM saved_profile_files").fetchone()[0] < len(body) / 2


def test_bad_input_is_refused_with_a_reason(tmp_path: Path) -> None:
    store = SavedProfiles(tmp_path / "lw.sqlite3")
    with pytest.raises(ValueError, match="name"):
        store.save("   ", sample_files(), {})
    with pytest.raises(ValueError, match="files"):
        store.save("leeg", [], {})


def test_an_older_file_gains_the_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        database._v1_assessments(conn)
        database._v2_fetch_cache(conn)
        conn.execute("PRAGMA user_version = 2")
    assert SavedProfiles(path).list() == []
