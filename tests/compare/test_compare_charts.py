"""The comparison charts, checked through their Vega-Lite specs: data, own profile highlighted, large type."""

from __future__ import annotations

import pytest

from linkwijzer.present import compare_charts as charts
from linkwijzer.i18n import LANGUAGES
from linkwijzer.profile.comparison.compare import MIXES, OWN

from tests.compare.helpers import COMPETITORS, comparison, data, settings_of


def values(spec: dict) -> list[dict]:
    """Every data row of a (possibly concatenated or layered) chart spec."""
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def find(spec, key):
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k == key:
                yield v
            yield from find(v, key)
    elif isinstance(spec, list):
        for v in spec:
            yield from find(v, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_grouped_bars_per_mix_with_the_own_profile_first_and_highlighted(lang):
    c = comparison("overoptimised", lang)
    spec = charts.mix_chart(c, "anchor_mix", lang).to_dict()
    rows = values(spec)
    labels = charts.profile_labels(c, lang)
    assert {r["profile"] for r in rows} == set(labels.values())
    assert labels[OWN].endswith("(snelle-ebikes.nl)")
    exact = {r["profile"]: r["share"] for r in rows if r["key"] == "exact"}
    assert exact[labels[OWN]] > 0.5 > max(v for k, v in exact.items() if k != labels[OWN])
    scale = next(s for s in find(spec, "scale") if isinstance(s, dict) and "range" in s)
    assert scale["domain"][0] == labels[OWN] and scale["range"][0] == charts.OWN_COLOUR
    assert "yOffset" in spec["layer"][0]["encoding"]  # grouped, not stacked
    assert spec["config"]["axis"]["labelFontSize"] >= 16  # readable on a projector
    assert spec["title"] == {"nl": "Ankerteksten", "en": "Anchor texts"}[lang]


def test_every_bar_carries_its_share_as_text():
    spec = charts.mix_chart(comparison("healthy"), "platform_mix", "en").to_dict()
    texts = {r["text"] for r in values(spec)}
    assert all(t.endswith("%") for t in texts)
    assert any(layer["mark"]["type"] == "text" for layer in spec["layer"])


def test_classes_nobody_has_are_left_out():
    rows = values(charts.mix_chart(comparison("healthy"), "platform_mix", "en").to_dict())
    assert "social" not in {r["key"] for r in rows}  # no profile has social links
    assert "forum" in {r["key"] for r in rows}


def test_unknown_mix_is_refused():
    with pytest.raises(ValueError):
        charts.mix_chart(comparison("healthy"), "colour_mix", "en")


def test_small_multiples_show_every_measured_mix():
    c = comparison("healthy")
    spec = charts.small_multiples(c, "nl").to_dict()
    panels = [p for row in spec["vconcat"] for p in row["hconcat"]]
    assert len(panels) == len(charts.measured_mixes(c)) == len(MIXES)  # own has placement: all five
    titles = [p["title"] for p in panels]
    assert titles[0] == "Ankerteksten" and "Soort platform" in titles


def test_small_multiples_skip_what_nobody_can_measure():
    from linkwijzer.profile.comparison.compare import compare_profiles

    c = compare_profiles(data("gsc"), {"fietsplein": data("competitor_fietsplein")}, settings_of("gsc"), "en")
    assert "placement_mix" not in charts.measured_mixes(c)  # neither GSC nor Majestic state placement
    spec = charts.small_multiples(c, "en").to_dict()
    assert len([p for row in spec["vconcat"] for p in row["hconcat"]]) == len(charts.measured_mixes(c))


@pytest.mark.parametrize("normalise", [True, False])
def test_velocity_comparison(normalise):
    c = comparison("overoptimised", "en")
    spec = charts.velocity_comparison_chart(c, "en", normalise=normalise).to_dict()
    rows = values(spec)
    assert {r["profile"] for r in rows} == set(charts.profile_labels(c, "en").values())
    y = spec["encoding"]["y"]
    assert y["field"] == ("share" if normalise else "new_domains")
    own = [r for r in rows if r["own"]]
    peak = max(own, key=lambda r: r["share"])
    assert peak["share"] > 0.15  # a burst: a fifth of the profile in one month
    assert spec["encoding"]["strokeWidth"]["condition"]["value"] > spec["encoding"]["strokeWidth"]["value"]
    # every profile runs to the same last month, so the lines end together
    ends = {}
    for r in rows:
        ends[r["profile"]] = max(ends.get(r["profile"], ""), r["period"])
    assert len(set(ends.values())) == 1


def test_velocity_without_dates_draws_an_empty_chart():
    from linkwijzer.profile.comparison.compare import compare_profiles

    c = compare_profiles(data("gsc"), {"gsc-too.nl": data("gsc")}, settings_of("gsc"), "en")
    spec = charts.velocity_comparison_chart(c, "en").to_dict()
    assert values(spec) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_link_gap_chart(lang):
    c = comparison("healthy", lang)
    spec = charts.link_gap_chart(c, lang).to_dict()
    rows = values(spec)
    assert sum(r["domains"] for r in rows) == len(c.link_gap)
    assert {"nl": "Gids of overzicht", "en": "Directory or listing"}[lang] in {r["label"] for r in rows}


def test_charts_render_to_svg():
    pytest.importorskip("vl_convert")
    from linkwijzer.present.charts import to_svg

    c = comparison("healthy")
    for chart in (charts.small_multiples(c, "en"), charts.velocity_comparison_chart(c, "en"),
                  charts.link_gap_chart(c, "en")):
        assert to_svg(chart).startswith("<svg")


def test_competitor_colours_differ_from_the_own_colour():
    assert len(COMPETITORS) <= len(charts.COMPETITOR_COLOURS)
    assert charts.OWN_COLOUR not in charts.COMPETITOR_COLOURS
