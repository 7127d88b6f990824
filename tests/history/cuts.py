"""An Ahrefs export as it would have read at the end of a month: how the tests make monthly snapshots from one file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def read_ahrefs(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False).replace("", None)


def as_of(raw: pd.DataFrame, month: str) -> pd.DataFrame:
    """Links seen by the end of ``month``; a lost date only where the link was lost by then."""
    end = pd.Period(month, "M").end_time
    first = pd.to_datetime(raw["First seen"])
    lost = pd.to_datetime(raw["Lost"])
    rows = raw[first <= end].copy()
    not_yet = ~(lost[rows.index] <= end)
    rows.loc[not_yet, [c for c in ("Lost", "Lost status", "Drop reason") if c in rows]] = None
    return rows


def write_ahrefs(rows: pd.DataFrame, path: Path) -> Path:
    rows.to_csv(path, sep="\t", encoding="utf-16", index=False)
    return path


def month_end(month: str) -> str:
    return pd.Period(month, "M").end_time.date().isoformat()
