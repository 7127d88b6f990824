"""Saved assessments in the embedded SQLite file that survives restarts."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Iterable

from linkwijzer.i18n import LANGUAGES
from linkwijzer.questionnaire.assessment import Assessment, from_params, to_params
from linkwijzer.questionnaire.verdict import Verdict, assess
from linkwijzer.store.database import ENV_VAR, Database, StoreError, default_path, migrate, now

MAX_LABEL = 200
MAX_NOTE = 5000


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


class Store(Database):
    """Saved assessments in one SQLite file (see ``Database`` on connections and migrations)."""

    def save(self, assessment: Assessment, label: str, note: str = "", lang: str = "nl") -> int:
        """Store a new assessment and return its id."""
        label, note, lang = _check(label, note, lang)
        verdict = assess(assessment.answers, lang)
        saved_at = now()
        with self.connection(write=True) as conn:
            cursor = conn.execute(
                "INSERT INTO assessments (label, note, lang, params, outcome, decision, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (label, note, lang, _params_json(assessment), verdict.outcome, verdict.decision, saved_at, saved_at),
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
        with self.connection(write=True) as conn:
            conn.execute(
                "UPDATE assessments SET label = ?, note = ?, lang = ?, params = ?, outcome = ?,"
                " decision = ?, updated = ? WHERE id = ?",
                (label, note, lang, _params_json(assessment), verdict.outcome, verdict.decision, now(), id),
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
        by_id = {saved.id: saved for row in rows if isinstance(saved := _problem(row), SavedAssessment)}
        return [by_id[i] for i in wanted if i in by_id]

    def list(self) -> list[SavedAssessment]:
        """All saved assessments, newest first (a damaged row is left out: see ``list_with_damage``)."""
        return self.list_with_damage()[0]

    def list_with_damage(self) -> tuple[list[SavedAssessment], list[tuple[int, str]]]:
        """All readable saved assessments, newest first, and the damaged rows as (id, reason)."""
        with self.connection() as conn:
            rows = conn.execute("SELECT * FROM assessments ORDER BY created DESC, id DESC").fetchall()
        read = [(row["id"], _problem(row)) for row in rows]
        return ([saved for _, saved in read if isinstance(saved, SavedAssessment)],
                [(number, problem) for number, problem in read if isinstance(problem, str)])

    def delete(self, id: int) -> bool:
        """Remove one saved assessment; False when there was none with this id."""
        with self.connection(write=True) as conn:
            return conn.execute("DELETE FROM assessments WHERE id = ?", (int(id),)).rowcount > 0


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


def _problem(row: sqlite3.Row) -> SavedAssessment | str:
    """The row read, or what is wrong with it (one damaged row must never hide the others)."""
    try:
        return _saved(row)
    except (ValueError, TypeError, KeyError) as error:
        return f"{type(error).__name__}: {error}"[:200]


def _saved(row: sqlite3.Row) -> SavedAssessment:
    # from_params drops ids the current rules no longer know instead of failing, so a row saved
    # under older rules still opens; the verdict is recomputed for the same reason.
    try:
        params = json.loads(row["params"])
    except ValueError:
        params = {}
    assessment = replace(from_params(params if isinstance(params, dict) else {}).assessment,
                         label=row["label"], note=row["note"])
    if row["lang"] not in LANGUAGES:
        raise ValueError(f"unknown language {row['lang']!r}")
    verdict = assess(assessment.answers, row["lang"])
    return SavedAssessment(
        id=row["id"], label=row["label"], note=row["note"], lang=row["lang"],
        created=datetime.fromisoformat(row["created"]), updated=datetime.fromisoformat(row["updated"]),
        assessment=assessment, outcome=verdict.outcome, decision=verdict.decision,
    )


__all__ = ["ENV_VAR", "MAX_LABEL", "MAX_NOTE", "SavedAssessment", "Store", "StoreError", "default_path", "migrate"]
