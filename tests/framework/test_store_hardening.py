"""The store under damage and contention (issue 14), on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.store import database
from linkwijzer.store.assessments import Store
from linkwijzer.store.database import StoreError


def test_one_unreadable_row_is_named_and_the_rest_listed(tmp_path: Path) -> None:
    store = Store(tmp_path / "lw.sqlite3")
    good = store.save(Assessment(), "goed")
    bad_date = store.save(Assessment(), "kapotte datum")
    bad_lang = store.save(Assessment(), "onbekende taal")
    with sqlite3.connect(tmp_path / "lw.sqlite3") as conn:
        conn.execute("UPDATE assessments SET created = 'gisteren' WHERE id = ?", (bad_date,))
        conn.execute("UPDATE assessments SET lang = 'xx' WHERE id = ?", (bad_lang,))
    assert [s.id for s in store.list()] == [good]
    readable, damaged = store.list_with_damage()
    assert [s.id for s in readable] == [good] and sorted(number for number, _ in damaged) == [bad_date, bad_lang]


def test_a_save_waits_out_a_long_lock_instead_of_being_lost(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "lw.sqlite3"
    store = Store(path)
    holder = sqlite3.connect(path, timeout=1, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another session holds the write lock ...
    threading.Timer(12, holder.rollback).start()  # ... for longer than the 10 s busy timeout
    started = time.monotonic()
    number = store.save(Assessment(), "na het slot")
    assert time.monotonic() - started >= 11 and store.get(number).label == "na het slot"
    holder.close()


def test_a_lock_that_never_ends_says_so(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "lw.sqlite3"
    store = Store(path)
    monkeypatch.setattr(database, "WRITE_PATIENCE", 0)
    holder = sqlite3.connect(path, timeout=1)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="locked by another session"):
            store.save(Assessment(), "geblokkeerd")
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files")
def test_a_read_only_database_is_listed_and_saving_says_why_not(tmp_path: Path) -> None:
    path = tmp_path / "lw.sqlite3"
    Store(path).save(Assessment(), "bewaard")
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        store = Store(path)
        assert [s.label for s in store.list()] == ["bewaard"]
        with pytest.raises(StoreError, match="read-only"):
            store.save(Assessment(), "nieuw")
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_a_file_this_user_may_not_write_is_read_and_saving_says_why_not(tmp_path: Path, monkeypatch) -> None:
    """As above for any user (CI runs as root, whom file modes do not stop): the OS says "not writable"."""
    path = tmp_path / "lw.sqlite3"
    Store(path).save(Assessment(), "bewaard")
    monkeypatch.setattr(database.os, "access", lambda p, mode: mode != os.W_OK)
    store = Store(path)
    assert store.read_only and [s.label for s in store.list()] == ["bewaard"]
    with pytest.raises(StoreError, match="read-only.*write access"):
        store.save(Assessment(), "nieuw")
