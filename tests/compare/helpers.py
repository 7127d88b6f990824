"""Shared helpers for the comparison tests: the sample profiles, imported once per test session."""

from __future__ import annotations

import sys
from functools import cache

from framework.profile.compare import compare_profiles
from framework.profile.importer import import_files
from framework.profile.samples import SAMPLES
from framework.profile.settings import ProfileSettings

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
    """``linkwijzer <argv>`` in this process: through framework.cli once it knows ``compare``, else the same way."""
    from framework import cli

    if "compare" in getattr(cli, "COMMANDS", {}):
        return cli.main(argv)
    from framework.compare_cli import add_compare_parser, run_compare

    parser = cli._Parser(prog="linkwijzer")
    add_compare_parser(parser.add_subparsers(dest="command", required=True, parser_class=cli._Parser))
    try:
        return run_compare(parser.parse_args(argv))
    except cli.UsageError as error:
        print(f"linkwijzer: {error}", file=sys.stderr)
        return 2
