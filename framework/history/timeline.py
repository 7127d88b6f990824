"""What changed between a site's snapshots: domains gained and lost, signals over time, the quality of new arrivals.

The article's second reason to intervene is that the quality of NEW links declines
structurally. One export can only guess at that from first-seen dates; snapshots measure it on
real arrivals: the referring domains that are in a snapshot and were not in the one before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from linkwijzer.history.snapshots import live_domains
from linkwijzer.profile.review.run import review_profile
from linkwijzer.profile.review.settings import ProfileSettings

_RANK = {"ok": 0, "watch": 1, "concern": 2}


@dataclass
class Period:
    date: str
    links: int
    referring_domains: int
    new_domains: int
    lost_domains: int
    outcome: str
    signals: dict[str, str]
    """Signal id -> level."""
    values: dict[str, float | None]
    """Signal id -> measured value (None where it could not be measured)."""
    good_new_share: float | None
    """Share of the new referring domains the review raises nothing against; None for the first
    snapshot and when none arrived."""
    moved: list[str] = field(default_factory=list)
    """Signals whose level changed since the previous snapshot, worse first."""
    gained: list[str] = field(default_factory=list, repr=False)
    lost: list[str] = field(default_factory=list, repr=False)

    def to_json(self) -> dict:
        return {"date": self.date, "links": self.links, "referring_domains": self.referring_domains,
                "new_domains": self.new_domains, "lost_domains": self.lost_domains, "outcome": self.outcome,
                "signals": self.signals, "values": self.values, "good_new_share": self.good_new_share,
                "moved": self.moved}


def timeline(snapshots: list[tuple[str, pd.DataFrame]], settings: ProfileSettings, lang: str = "nl") -> list[Period]:
    """One Period per (date, links), oldest first; the first snapshot's domains all count as new."""
    out: list[Period] = []
    before: set[str] = set()
    previous: Period | None = None
    for when, links in sorted(snapshots, key=lambda item: item[0]):
        review = review_profile(links, None, settings, lang)
        domains = live_domains(links)
        gained, lost = sorted(domains - before), sorted(before - domains)
        signals = {s.id: s.level for s in review.signals}
        period = Period(when, review.links, len(domains), len(gained), len(lost), review.outcome, signals,
                        {s.id: _number(s.value) for s in review.signals},
                        # the first snapshot has no arrivals to judge: all its domains are "new"
                        _good_share(review, gained) if previous else None,
                        _moved(previous.signals if previous else {}, signals), gained, lost)
        out.append(period)
        before, previous = domains, period
    return out


def _good_share(review, gained: list[str]) -> float | None:
    if not gained:
        return None
    table = review.domain_table()
    if not len(table):
        return None
    new = table[table["domain"].isin(gained)]
    return round(float(new["flags"].eq(0).mean()), 4) if len(new) else None


def _moved(before: dict[str, str], now: dict[str, str]) -> list[str]:
    changed = [k for k, level in now.items() if k in before and before[k] != level]
    return sorted(changed, key=lambda k: _RANK.get(before[k], 0) - _RANK.get(now[k], 0))


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else round(number, 4)


__all__ = ["Period", "timeline"]
