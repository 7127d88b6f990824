"""Which links a review counts: a first-seen period, follow only, lost or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Filters:
    """What the page's filters narrow the profile to; every chart and signal uses the same links."""

    start: date | None = None
    end: date | None = None
    follow_only: bool = False
    include_lost: bool = False
    """Links the export marks as lost are left out unless asked for: a profile is what links now."""

    def apply(self, links: pd.DataFrame) -> pd.DataFrame:
        keep = np.ones(len(links), bool)
        if (self.start or self.end) and "first_seen" in links:
            seen = links["first_seen"]
            if self.start:
                keep &= (seen >= pd.Timestamp(self.start)).fillna(False).to_numpy(bool)
            if self.end:
                keep &= (seen < pd.Timestamp(self.end) + pd.Timedelta(days=1)).fillna(False).to_numpy(bool)
        if self.follow_only and "nofollow" in links:
            keep &= ~links["nofollow"].fillna(False).to_numpy(bool)
        if not self.include_lost and "lost" in links:
            keep &= ~links["lost"].fillna(False).to_numpy(bool)
        return links if keep.all() else links[keep]


__all__ = ["Filters"]
