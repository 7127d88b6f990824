"""The profile settings and filters are defined once: the CLI's flags, the URL's parameters and the
README's table all come from ``review/options.py`` and agree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linkwijzer.cli.commands import build_parser
from linkwijzer.profile.review.options import OPTIONS, from_values, read_url, url_params, values_of

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_option_is_a_flag_of_profile_and_compare():
    parser = build_parser()
    for command in ("profile", "compare"):
        args = parser.parse_args([command, "x.csv", "--site", "a.nl", *(["--competitor", "b=b.csv"] if command == "compare" else [])])
        for option in OPTIONS:
            assert hasattr(args, option.name), (command, option.name)


def test_cli_values_become_settings_and_filters():
    args = build_parser().parse_args(["profile", "x.csv", "--site", "https://www.fietsen.nl/", "--keyword", "e-bike",
                                      "--keyword", "bakfiets", "--from", "2025-03", "--to", "2025-06", "--follow-only",
                                      "--explained-burst", "2025-03-03"])
    settings, filters = from_values({o.name: getattr(args, o.name) for o in OPTIONS})
    assert settings.domain == "fietsen.nl" and settings.keywords == ("e-bike", "bakfiets")
    assert filters.start == date(2025, 3, 1) and filters.end == date(2025, 6, 30) and filters.follow_only
    assert settings.explained_bursts == ("2025-03-03",)
    with pytest.raises(ValueError, match="--from"):
        from_values({"from": "March"})


def test_the_url_round_trips():
    settings, filters = from_values({"site": "fietsen.nl", "topic": ["fiets", "e-bike"], "from": "2025-01-01",
                                     "follow_only": True})
    params = url_params(values_of(settings, filters))
    assert params == {"site": "fietsen.nl", "topic": "fiets,e-bike", "from": "2025-01-01", "follow_only": "1"}
    again = from_values(read_url(params))
    assert again == (settings, filters)


def test_the_readme_documents_every_option():
    text = README.read_text(encoding="utf-8")
    for option in OPTIONS:
        assert f"`{option.flag}" in text and f"`{option.name}`" in text, option.name
