"""The shape every profile risk signal shares: a level, the measured value, the threshold and why.

Thresholds are data (``thresholds/<signal id>.toml``) with their rationale, because they are
heuristics a consultant should be able to read and change.

>>> level_for(0.12, watch=0.1, concern=0.25)
'watch'
>>> level_for(None, watch=0.1, concern=0.25)
'unknown'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from linkwijzer.datafiles import DataFileError, load_toml

SIGNAL_IDS = ("irrelevant_sources", "keyword_anchors", "link_bursts", "boilerplate_placement", "repeated_sources")
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
