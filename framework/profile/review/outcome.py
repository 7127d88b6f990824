"""The overall profile outcome: signals plus the article's three conditions for intervening.

>>> from linkwijzer.profile.signals.base import Signal
>>> s = lambda i, level: Signal(i, level, 0.5, {}, "")
>>> decide([s("keyword_anchors", "concern"), s("link_bursts", "concern")], {}).outcome
'intervene'
>>> decide([s("keyword_anchors", "watch")], {}).outcome
'healthy'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from linkwijzer.profile.signals.base import Signal
from linkwijzer.datafiles import load_toml

RULES = Path(__file__).with_name("outcome.toml")
# "insufficient": no link rows to judge (domains-only files, only lost links, or filtered to none).
OUTCOMES = ("healthy", "watch", "intervene", "insufficient")
CONDITIONS = ("several_signals", "quality_declining", "competitor_deviation")


@dataclass(frozen=True)
class Outcome:
    outcome: str
    conditions: dict[str, bool]
    """Which of the article's three intervention conditions hold (absent data: False)."""
    flagged: tuple[str, ...]
    """Signal ids at watch or concern, worst first."""


@cache
def rules() -> dict:
    return load_toml(RULES)


def decide(signals: list[Signal], conditions: dict[str, bool]) -> Outcome:
    """Apply ``thresholds/outcome.toml`` (documented there) to the signal levels and conditions."""
    r = rules()
    concern = [s.id for s in signals if s.level == "concern"]
    watch = [s.id for s in signals if s.level == "watch"]
    flagged = tuple(concern + watch)
    several = len(concern) >= r["several_min_concern"] or len(flagged) >= r["several_min_flagged"]
    held = {"several_signals": several, **{c: bool(conditions.get(c)) for c in CONDITIONS[1:]}}
    others = held["quality_declining"] or held["competitor_deviation"]
    if several or (others and concern):
        outcome = "intervene"
    elif len(concern) >= r["watch_min_concern"] or len(flagged) >= r["watch_min_flagged"] or others:
        outcome = "watch"
    else:
        outcome = "healthy"
    return Outcome(outcome, held, flagged)
