"""The SQLite store on real files: saving, surviving a restart, ordering, migrations and bad files."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC
from pathlib import Path

import pytest

from linkwijzer.store import database as store_module
from linkwijzer.questionnaire.assessment import Assessment, to_params
from linkwijzer.questionnaire.verdict import Answers
from linkwijzer.store.assessments import MAX_LABEL, MAX_NOTE, Store, StoreError, default_path
from linkwijzer.store.database import MIGRATIONS

GOOD = Assessment(
    answers=Answers(quick=("yes", "yes", "no"),
                    traits={"relevance": "yes", "context": "yes", "origin": "yes", "naturalness": "partly"},
                    boosters=frozenset({"traffic"}), facts=frozenset({"nofollow"})),
    source_url="https://fietsblog.nl/onderhoud", target_url="https://fietsenvandijk.nl/werkplaats",
    anchor="Fietsen van Dijk",
)
WEAK = Assessment(answers=Answers(quick=("no", "no", None), traits={"relevance": "no"}))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "linkwijzer.sqlite3"


def test_save_and_get_round_trip(db: Path) -> None:
    store = Store(db)
    new_id = store.save(GOOD, "  Fietsblog  ", "Aangeboden per mail", lang="en")
    saved = store.get(new_id)
    assert saved is not None
    assert (saved.id, saved.label, saved.note, saved.lang) == (new_id, "Fietsblog", "Aangeboden per mail", "en")
    assert saved.assessment.answers == GOOD.answers
    assert (saved.assessment.source_url, saved.assessment.anchor) == (GOOD.source_url, GOOD.anchor)
    assert (saved.assessment.label, saved.assessment.note) == ("Fietsblog", "Aangeboden per mail")
    assert (saved.outcome, saved.decision) == ("good", "pursue")
    assert saved.created.tzinfo is not None and saved.created.utcoffset() == UTC.utcoffset(None)
    assert saved.created == saved.updated


def test_row_holds_url_params_and_verdict_snapshot(db: Path) -> None:
    store = Store(db)
    new_id = store.save(WEAK, "Casino")
    with sqlite3.connect(db) as conn:
        params, outcome, decision = conn.execute(
            "SELECT params, outcome, decision FROM assessments WHERE id = ?", (new_id,)).fetchone()
    assert json.loads(params) == to_params(WEAK)
    assert (outcome, decision) == ("weak", "skip")


def test_survives_restart(db: Path) -> None:
    first = Store(db)
    ids = [first.save(GOOD, "een"), first.save(WEAK, "twee")]
    del first
    again = Store(db)  # a new object on the same file, as after restarting the app
    assert [s.id for s in again.list()] == ids[::-1]
    assert again.get(ids[0]).assessment.answers == GOOD.answers


def test_list_is_newest_first(db: Path) -> None:
    store = Store(db)
    ids = [store.save(GOOD, f"link {n}") for n in range(4)]
    assert [s.id for s in store.list()] == ids[::-1]
    assert Store(db).list()[0].label == "link 3"


def test_update_changes_fields_and_recomputes(db: Path) -> None:
    store = Store(db)
    new_id = store.save(GOOD, "Fietsblog", "eerste")
    updated = store.update(new_id, assessment=WEAK, label="Fietsblog (herzien)")
    assert updated is not None
    assert updated.label == "Fietsblog (herzien)" and updated.note == "eerste"
    assert (updated.outcome, updated.decision) == ("weak", "skip")
    assert updated.updated >= updated.created
    assert store.update(9999, label="x") is None


def test_delete(db: Path) -> None:
    store = Store(db)
    keep, gone = store.save(GOOD, "blijft"), store.save(WEAK, "weg")
    assert store.delete(gone) is True
    assert store.delete(gone) is False
    assert store.get(gone) is None
    assert [s.id for s in Store(db).list()] == [keep]


def test_get_many_keeps_asked_order_and_skips_unknown(db: Path) -> None:
    store = Store(db)
    a, b, c = (store.save(GOOD, label) for label in "abc")
    assert [s.label for s in store.get_many([c, 404, a, c, b])] == ["c", "a", "b"]
    assert store.get_many([]) == []


@pytest.mark.parametrize("label, note, lang, message", [
    ("", "", "nl", "label is required"),
    ("   \n", "", "nl", "label is required"),
    ("x" * (MAX_LABEL + 1), "", "nl", f"at most {MAX_LABEL}"),
    ("ok", "n" * (MAX_NOTE + 1), "nl", f"at most {MAX_NOTE}"),
    ("ok", "", "de", "unknown language"),
])
def test_bad_input_is_a_clear_value_error(db: Path, label: str, note: str, lang: str, message: str) -> None:
    store = Store(db)
    with pytest.raises(ValueError, match=message):
        store.save(GOOD, label, note, lang)
    assert store.list() == []


def test_limits_are_inclusive(db: Path) -> None:
    store = Store(db)
    saved = store.get(store.save(GOOD, "x" * MAX_LABEL, "n" * MAX_NOTE))
    assert len(saved.label) == MAX_LABEL and len(saved.note) == MAX_NOTE


def test_hostile_text_is_stored_verbatim(db: Path) -> None:
    store = Store(db)
    label = "'); DROP TABLE assessments; -- <script>"
    saved = store.get(store.save(GOOD, label, note="é ü ñ 🚲"))
    assert (saved.label, saved.note) == (label, "é ü ñ 🚲")


def test_migrates_an_empty_file(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.touch()  # zero bytes: SQLite treats it as an empty database
    store = Store(db)
    assert store.save(GOOD, "eerste") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_later_migrations_run_once_on_existing_files(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db).save(GOOD, "van vóór de migratie")
    calls = []

    def next_migration(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("CREATE TABLE later_table (url TEXT PRIMARY KEY, body BLOB)")

    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + (next_migration,))
    store = Store(db)
    Store(db)
    assert calls == [1]
    assert store.list()[0].label == "van vóór de migratie"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
        assert conn.execute("SELECT count(*) FROM later_table").fetchone()[0] == 0


def test_newer_schema_is_refused_with_a_message(db: Path) -> None:
    Store(db)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer Linkwijzer") as caught:
        Store(db)
    assert str(db) in str(caught.value)


def test_corrupt_file_names_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    with pytest.raises(StoreError) as caught:
        Store(bad)
    assert str(bad) in str(caught.value)
    assert "not a database" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_directory_as_path_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Cannot use the database file") as caught:
        Store(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_env_var_sets_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "nested" / "folder" / "mine.sqlite3"
    monkeypatch.setenv("LINKWIJZER_DB", str(target))
    assert default_path() == target
    store = Store()
    assert store.path == target and target.exists()
    store.save(GOOD, "via env")
    assert Store(target).list()[0].label == "via env"


def test_default_path_is_per_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LINKWIJZER_DB", raising=False)
    path = default_path()
    assert path.name == "linkwijzer.sqlite3"
    assert "linkwijzer" in str(path.parent).lower()


def test_concurrent_saves_from_threads(db: Path) -> None:
    # Streamlit runs sessions on separate threads; each operation uses its own connection.
    store = Store(db)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                store.save(GOOD, f"thread {n} item {i}")
                store.list()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({s.id for s in store.list()}) == 60
