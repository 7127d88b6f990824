"""The registry of profile risk signals: the one place that lists them, in the order people read them.

Adding a signal is its module (ending in ``SIGNAL = SignalSpec(...)``), its thresholds file
``thresholds/<id>.toml``, its texts ``locales/nl/<id>.toml`` and ``locales/en/<id>.toml``, and one
line here.

>>> SIGNAL_IDS[:2]
('irrelevant_sources', 'keyword_anchors')
"""

from __future__ import annotations

from linkwijzer.profile.signals import (boilerplate_placement, irrelevant_sources, keyword_anchors, link_bursts,
                                        repeated_sources)
from linkwijzer.profile.signals.base import SignalSpec

SIGNALS: tuple[SignalSpec, ...] = (
    irrelevant_sources.SIGNAL,
    keyword_anchors.SIGNAL,
    link_bursts.SIGNAL,
    boilerplate_placement.SIGNAL,
    repeated_sources.SIGNAL,
)
SIGNAL_IDS = tuple(spec.id for spec in SIGNALS)

__all__ = ["SIGNALS", "SIGNAL_IDS"]
