"""Shared helpers for the comparison tests: the sample profiles, imported once per test session."""

from __future__ import annotations

from functools import cache

from linkwijzer.profile.comparison.compare import compare_profiles
from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.importing.samples import SAMPLES
from linkwijzer.profile.review.settings import ProfileSettings

COMPETITORS = {"fietsplein": "competitor_fietsplein", "ebikecentrum": "competitor_ebikecentrum"}


@cache
def data(sample_id: str):
    result = import_files([(p.name, p) for p in SAMPLES[sample_id].paths()], lang="en")
    return result.links, result.aggregates


def settings_of(sample_id: str, **changes) -> ProfileSettings:
    s = SAMPLES[sample_id]
    return ProfileSettings(**{"site": s.site, "brand": s.brand, "keywords": s.keywords, "topics": s.topics, **changes})


@cache
def comparison(own: str = "healthy", lang: str = "en", competitors: tuple[tuple[str, str], ...] = tuple(COMPETITORS.items())):
    return compare_profiles(data(own), {name: data(sample) for name, sample in competitors}, settings_of(own), lang)


def run_cli(argv: list[str]) -> int:
    """``linkwijzer <argv>`` in this process."""
    from linkwijzer.cli import main

    return main(argv)
