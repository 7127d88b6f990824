"""The shape every profile risk signal shares: what it needs, how it measures, and its result.

A signal is one module named by its id that ends with ``SIGNAL = SignalSpec(...)``: the canonical
columns it needs, a ``measure`` function and its charts; its texts (name, question, what a
flagged profile lacks, why) live in ``locales/<lang>/<id>.toml``. The
registry (``registry.py``) lists the specs; the review, the page, the report, the CLI and the
tests iterate it and never name a signal. ``judge`` alone decides that a signal is ``unknown``
because the loaded files lack its input, and says which export type lacks what.

Thresholds are data (``thresholds/<signal id>.toml``) with their rationale, because they are
heuristics a consultant should be able to read and change.

>>> level_for(0.12, watch=0.1, concern=0.25)
'watch'
>>> level_for(None, watch=0.1, concern=0.25)
'unknown'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from linkwijzer.datafiles import DataFileError, load_toml
from linkwijzer.i18n import has_text, text

LEVELS = ("ok", "watch", "concern", "unknown")
THRESHOLDS = Path(__file__).with_name("thresholds")


@dataclass(frozen=True)
class Signal:
    id: str
    level: str
    """``ok`` / ``watch`` / ``concern``, or ``unknown`` when the data cannot tell."""
    value: float | None
    """The measured value (a share 0–1 unless the threshold file says otherwise)."""
    threshold: dict[str, float]
    """The cut-offs used, e.g. ``{"watch": 0.1, "concern": 0.25}``."""
    why: str
    """One sentence in the user's language."""
    details: dict = field(default_factory=dict)
    """Supporting figures for the page and the report (counts, top items); not part of the JSON contract."""

    def to_json(self) -> dict:
        value = None if self.value is None else round(float(self.value), 4)
        return {"id": self.id, "level": self.level, "value": value, "threshold": self.threshold, "why": self.why}


@dataclass(frozen=True)
class Inputs:
    """Everything a signal may measure from: the filtered links, domain-level exports, the user's settings."""

    links: pd.DataFrame
    aggregates: dict[str, pd.DataFrame]
    settings: Any
    """The ``ProfileSettings`` of the review."""
    lang: str


@dataclass(frozen=True)
class SignalSpec:
    id: str
    """The signal's id: also its module, locale namespace, thresholds file and test file."""
    needs: tuple[tuple[str, ...], ...]
    """Canonical link columns, in groups: each group needs one column that holds a value."""
    measure: Callable[[Inputs], Any]
    """Returns the signal's measurement: a dataclass with at least a ``signal`` field."""
    charts: Callable[[Any, str], list[tuple[str, Any]]] = lambda measured, lang: []
    """``(size, chart)`` pairs for a measurement, only those with data; size ``half``, ``tall`` (a
    half-width chart with many rows) or ``wide``."""
    in_report: bool = True
    """Whether the printed report shows the signal's key chart (the report must fit two A4 pages)."""
    tables: Callable[[Any, str], list[tuple[str, pd.DataFrame]]] = lambda measured, lang: []
    """``(caption, table)`` pairs for the page, in domain words (the presentation layer translates them)."""


# What an importer writes where the export said nothing: it fills no input.
PLACEHOLDERS = frozenset({"unknown", ""})


def filled(links: pd.DataFrame, column: str) -> bool:
    """Does any row hold a real value in ``column`` (not missing, not a placeholder)?"""
    if column not in links:
        return False
    values = links[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        used = values.cat.categories[pd.unique(codes[codes >= 0])]
        return any(str(v) not in PLACEHOLDERS for v in used)
    values = values.dropna()
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        # The first rows nearly always settle it; the whole column only when they are all placeholders.
        for part in (values.head(1000), values):
            if bool((~part.astype(str).str.strip().isin(PLACEHOLDERS)).any()):
                return True
        return False
    return len(values) > 0


def missing_inputs(spec: SignalSpec, links: pd.DataFrame) -> list[tuple[str, ...]]:
    """The groups of ``spec.needs`` that no column of ``links`` fills."""
    return [group for group in spec.needs if not any(filled(links, c) for c in group)]


def judge(spec: SignalSpec, inputs: Inputs) -> Any:
    """Measure ``spec`` on ``inputs``; when an input is missing its signal is ``unknown``, with the reason.

    The measurement still runs (its tables and per-link columns stay available, empty or
    ``unknown``), but no signal can claim a level for what the files did not hold.
    """
    measured = spec.measure(inputs)
    missing = missing_inputs(spec, inputs.links)
    if not missing:
        return measured
    signal = Signal(spec.id, "unknown", None, _cut(spec.id), unknown_reason(missing, inputs.links, inputs.lang),
                    {"missing": [list(group) for group in missing]})
    return with_signal(measured, signal)


def format_names(links: pd.DataFrame, lang: str) -> list[str]:
    """The export types the links came from, in words ("Ahrefs backlinks", "Google Search Console links")."""
    formats = links["source_format"].astype("object").dropna().unique() if "source_format" in links else []
    return [text(lang, f"import.format.{f}") if has_text(lang, f"import.format.{f}") else str(f)
            for f in sorted(formats)]


def unknown_reason(missing: list[tuple[str, ...]], links: pd.DataFrame, lang: str) -> str:
    """"Google Search Console (latest links) holds no anchor text": the export types that lack the input."""
    what = text(lang, "review.inputs.joiner").join(text(lang, f"review.inputs.{group[0]}") for group in missing)
    if not len(links):
        return text(lang, "review.unknown.no_links", what=what)
    names = format_names(links, lang)
    if not names:
        return text(lang, "review.unknown.no_input", what=what)
    return text(lang, "review.unknown.lacking", files=", ".join(names), what=what)


def with_signal(measured: Any, signal: Signal) -> Any:
    """The measurement with its signal replaced (measurements are dataclasses with a ``signal`` field)."""
    return replace(measured, signal=signal)


def _cut(signal_id: str) -> dict[str, float]:
    try:
        limits = thresholds(signal_id)
    except DataFileError:
        return {}
    return {"watch": float(limits["watch"]), "concern": float(limits["concern"])}


def level_for(value: float | None, *, watch: float, concern: float) -> str:
    """Higher is worse: at or above ``concern`` is concern, at or above ``watch`` is watch."""
    if value is None or value != value:  # NaN: nothing to measure
        return "unknown"
    if value >= concern:
        return "concern"
    return "watch" if value >= watch else "ok"


@cache
def thresholds(signal_id: str) -> dict:
    """The threshold table of one signal; every number must be a non-negative number."""
    path = THRESHOLDS / f"{signal_id}.toml"
    data = load_toml(path)
    for key in ("watch", "concern"):
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(path, key, f"must be a non-negative number, not {value!r}")
    if data["watch"] > data["concern"]:
        raise DataFileError(path, "watch", "must not be above concern")
    return data
