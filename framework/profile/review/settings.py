"""What the user tells Linkwijzer about their site before a profile review.

>>> ProfileSettings(site="https://www.fietsenvandijk.nl/").brand_terms()
('fietsenvandijk', 'fietsen van dijk')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linkwijzer.profile.importing.urls import registrable_domain

RELEVANCE_LABELS = ("relevant", "unclear", "not_relevant")
_SPLITS = ("van", "der", "den")  # short words like "en", "de" hide inside ordinary words


@dataclass(frozen=True)
class ProfileSettings:
    site: str = ""
    """The user's own domain (``fietsenvandijk.nl``); a URL is accepted and reduced to its domain."""
    brand: tuple[str, ...] = ()
    """Brand terms; when empty they are derived from the site's domain."""
    keywords: tuple[str, ...] = ()
    """Money keywords the site wants to rank for (exact/partial-match anchors are measured against them)."""
    topics: tuple[str, ...] = ()
    """Topic terms that make a linking page relevant (stemmed, Dutch and English)."""
    explained_bursts: tuple[str, ...] = ()
    """Start dates (ISO, Monday of the week) of bursts the user explained: campaign, press, viral."""
    relevance_overrides: dict[str, str] = field(default_factory=dict)
    """Referring domain -> ``relevant`` / ``unclear`` / ``not_relevant``: the user's word wins."""

    @property
    def domain(self) -> str:
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", self.site.strip().lower()).split("/")[0].split(":")[0]
        return registrable_domain(host) if host else ""

    def brand_terms(self) -> tuple[str, ...]:
        """The given brand terms, or the domain's name plus a spaced reading of it."""
        if self.brand:
            return tuple(dict.fromkeys(b.strip().lower() for b in self.brand if b.strip()))
        label = self.domain.split(".")[0] if self.domain else ""
        if not label:
            return ()
        terms = [label]
        spaced = label.replace("-", " ")
        for word in _SPLITS:  # "fietsenvandijk" -> "fietsen van dijk": how people write the name
            spaced = re.sub(rf"(?<=[a-z]{{3}})({word})(?=[a-z]{{3,}})", r" \1 ", spaced)
        spaced = " ".join(spaced.split())
        if spaced != label:
            terms.append(spaced)
        return tuple(terms)
