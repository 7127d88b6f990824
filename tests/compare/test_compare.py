"""The comparison on the sample profiles and on hand-made edge cases: mixes, deviations, link gap, JSON."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from linkwijzer.i18n import LANGUAGES
from linkwijzer.profile.comparison import compare as compare_module
from linkwijzer.profile.comparison.compare import (MIXES, OWN, VELOCITY, Comparison, ProfileMixes, compare_profiles,
                                       competitor_settings, deviation_held, rule_for, rules)
from linkwijzer.profile.review.run import Filters

from tests.compare.helpers import COMPETITORS, comparison, data, settings_of


def risky(c: Comparison) -> dict[str, str]:
    return {d.measure: d.level for d in c.deviations if d.risk}


# --- the samples -------------------------------------------------------------------------------

def test_healthy_own_profile_does_not_deviate():
    c = comparison("healthy")
    assert risky(c) == {}
    assert not deviation_held(c)
    assert len(c.deviations) <= 2  # described differences at most, no risk


def test_over_optimised_own_profile_deviates_where_it_was_built_to():
    c = comparison("overoptimised")
    got = risky(c)
    assert got["anchor_mix.exact"] == "concern"
    assert got["relevance_mix.not_relevant"] == "concern"
    assert got["velocity.peak_ratio"] == "concern"  # two bursts against steady competitors
    assert deviation_held(c)
    exact = next(d for d in c.deviations if d.measure == "anchor_mix.exact")
    assert exact.direction == "above" and exact.own > 0.5 and exact.range[1] < 0.15
    assert set(exact.competitors) == set(COMPETITORS)
    assert c.deviations[0].level == "concern"  # worst first


def test_each_profile_has_every_mix_and_its_velocity():
    c = comparison("healthy")
    assert list(c.profiles) == [OWN, *COMPETITORS]
    assert c.profiles[OWN].site == "fietsenvandijk.nl"
    assert c.profiles["fietsplein"].site == "fietsplein.nl"  # from its target URLs
    for name, p in c.profiles.items():
        assert p.mixes["relevance_mix"] and p.mixes["platform_mix"] and p.mixes["anchor_mix"], name
        assert sum(p.mixes["platform_mix"].values()) == pytest.approx(1.0)
        assert sum(p.mixes["relevance_mix"].values()) == pytest.approx(1.0)
        assert all(0 <= v <= 1 for m in MIXES for v in p.mixes[m].values())
        assert set(p.velocity) == set(VELOCITY) and all(v is not None for v in p.velocity.values())
        assert 5 <= p.velocity["new_domains_per_month"] <= 12  # steady shops: several new domains a month
        assert p.velocity["peak_ratio"] < 3
    # Majestic and Moz state no placement and no sponsored/ugc: left out, not read as "none"
    assert c.profiles["fietsplein"].mixes["placement_mix"] == {}
    assert c.profiles["fietsplein"].coverage["placement_mix"] == 0
    assert set(c.profiles["ebikecentrum"].mixes["follow_mix"]) == {"follow", "nofollow"}
    assert set(c.profiles[OWN].mixes["follow_mix"]) == {"follow", "nofollow", "sponsored", "ugc"}
    assert c.profiles[OWN].mixes["placement_mix"]["content"] > 0.9


def test_competitors_are_read_with_the_users_keywords_and_their_own_brand():
    s = competitor_settings(data("competitor_ebikecentrum")[0], settings_of("healthy"))
    assert s.domain == "ebikecentrum.nl" and "ebikecentrum" in s.brand_terms()
    assert s.keywords == settings_of("healthy").keywords and s.topics == settings_of("healthy").topics
    # "E-bike Centrum" is the competitor's brand, not a partial match of the keyword "e-bike kopen"
    mix = comparison("healthy").profiles["ebikecentrum"].mixes["anchor_mix"]
    assert mix["branded"] > 0.7
    # no target URLs (GSC): the name stands in when it is a domain
    assert competitor_settings(data("gsc")[0], settings_of("healthy"), "fietsenvandijk.nl").domain == "fietsenvandijk.nl"


def test_link_gap_lists_where_competitors_are_mentioned_with_context():
    c = comparison("healthy")
    gap = c.link_gap
    assert 20 <= len(gap) <= 40
    own_domains = set(data("healthy")[0]["source_domain"].astype(str))
    assert not set(gap["domain"]) & own_domains
    assert all(sorted(x) == sorted(COMPETITORS) for x in gap["competitors"])  # two competitors: both needed
    assert gap["links"].is_monotonic_decreasing
    assert gap["anchor"].notna().mean() > 0.9 and gap["url"].notna().all() and gap["title"].notna().mean() > 0.9
    assert gap["url"].str.startswith("http").all()
    assert set(gap["platform"]) <= {"news", "blog", "directory", "forum", "social", "gov_edu", "shop", "other"}
    assert {"directory", "blog", "forum"} <= set(gap["platform"])
    # the title, URL and anchor shown belong to one competitor's links, the title and URL to one link
    links = pd.concat([data(s)[0][["source_url", "source_title", "anchor"]] for s in COMPETITORS.values()])
    pages = set(zip(links["source_url"], links["source_title"].astype(object).where(links["source_title"].notna())))
    for row in gap.itertuples():
        assert (row.url, row.title if isinstance(row.title, str) else None) in pages, row.domain
    by_platform = c.link_gap_by_platform()
    assert by_platform.sum() == len(gap) and by_platform.index[0] == "directory"


def test_one_competitor_is_enough_for_the_gap():
    c = comparison("healthy", competitors=(("fietsplein", "competitor_fietsplein"),))
    assert len(c.link_gap) > 250  # nearly all of fietsplein's 349 domains, minus the 39 it shares with you
    assert set(map(tuple, c.link_gap["competitors"])) == {("fietsplein",)}


def test_json_is_exactly_profiles_deviations_link_gap():
    j = comparison("overoptimised").to_json()
    assert list(j) == ["profiles", "deviations", "link_gap"]
    assert list(j["profiles"]) == [OWN, *COMPETITORS]
    own = j["profiles"][OWN]
    assert {"site", "links", "referring_domains", *MIXES, "velocity", "coverage"} == set(own)
    for d in j["deviations"]:
        assert {"measure", "own", "competitors", "level"} <= set(d)
        mix, _, key = d["measure"].partition(".")
        assert mix in (*MIXES, "velocity") and key
        assert d["level"] in ("watch", "concern")
    for row in j["link_gap"]:
        assert {"domain", "competitors", "platform"} <= set(row) and isinstance(row["competitors"], list)
    json.dumps(j, allow_nan=False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_both_languages(lang):
    c = comparison("overoptimised", lang)
    exact = next(d for d in c.deviations if d.measure == "anchor_mix.exact")
    word = {"nl": "concurrenten", "en": "competitors"}[lang]
    assert word in exact.why and "{" not in exact.why
    assert risky(c) == risky(comparison("overoptimised", "nl" if lang == "en" else "en"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_link_gap_csv_is_safe_and_in_the_language(lang):
    c = comparison("healthy", lang)
    raw = c.link_gap_csv(lang)
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header.startswith({"nl": "Domein,", "en": "Domain,"}[lang])
    frame = c.link_gap_frame(lang)
    assert frame["competitors"].map(lambda v: isinstance(v, str)).all()
    assert {"nl": "Gids of overzicht", "en": "Directory or listing"}[lang] in set(frame["platform"])


def test_link_gap_csv_defuses_formulas():
    c = comparison("healthy")
    gap = c.link_gap.copy()
    gap.loc[0, "anchor"] = "=HYPERLINK(\"http://x\")"
    c2 = Comparison(c.lang, c.profiles, c.deviations, gap)
    assert b"'=HYPERLINK" in c2.link_gap_csv("en")


# --- degrading gracefully ----------------------------------------------------------------------

def test_a_competitor_with_gsc_files_only():
    c = compare_profiles(data("healthy"), {"gsc-site.nl": data("gsc"), "fietsplein": data("competitor_fietsplein")},
                         settings_of("healthy"), "en")
    gsc = c.profiles["gsc-site.nl"]
    assert gsc.mixes["anchor_mix"] == {} and gsc.mixes["follow_mix"] == {} and gsc.mixes["placement_mix"] == {}
    assert gsc.mixes["relevance_mix"] and gsc.mixes["platform_mix"]  # URLs are enough for these
    assert all(v is None for v in gsc.velocity.values())
    assert gsc.coverage["anchor_mix"] == 0 and gsc.coverage["velocity"] == 0
    for d in c.deviations:  # compared with whoever has the measure
        assert any(v is not None for v in d.competitors.values())
    json.dumps(c.to_json(), allow_nan=False)


def test_own_profile_from_gsc_only():
    c = compare_profiles(data("gsc"), {"fietsplein": data("competitor_fietsplein")}, settings_of("gsc"), "nl")
    assert not any(d.measure.startswith(("anchor_mix", "velocity", "follow_mix")) for d in c.deviations)
    # the top linking sites count as yours: their domains are not in the gap
    sites = set(data("gsc")[1]["gsc_sites"]["domain"])
    assert not set(c.link_gap["domain"]) & sites


def test_filters_apply_to_every_profile():
    start = pd.Timestamp("2025-11-01").date()
    c = compare_profiles(data("healthy"), {n: data(s) for n, s in COMPETITORS.items()}, settings_of("healthy"),
                         "en", filters=Filters(start=start))
    full = comparison("healthy")
    for name in c.profiles:
        assert c.profiles[name].links < full.profiles[name].links


def test_the_number_and_names_of_competitors_are_checked():
    own = data("healthy")
    with pytest.raises(ValueError, match="1 to 5"):
        compare_profiles(own, {}, settings_of("healthy"))
    with pytest.raises(ValueError, match="1 to 5"):
        compare_profiles(own, {f"c{i}": data("competitor_fietsplein") for i in range(6)}, settings_of("healthy"))
    with pytest.raises(ValueError, match="own"):
        compare_profiles(own, {OWN: data("competitor_fietsplein")}, settings_of("healthy"))


def test_progress_is_reported():
    seen = []
    compare_profiles(data("healthy"), {"fietsplein": data("competitor_fietsplein")}, settings_of("healthy"), "nl",
                     progress=lambda fraction, stage: seen.append((fraction, stage)))
    assert seen[0][0] == 0 and seen[-1][0] == 1.0
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)


# --- the deviation rule on hand-made values ------------------------------------------------------

def profiles(own: dict, **competitors: dict) -> Comparison:
    def make(values: dict) -> ProfileMixes:
        mixes = {m: {} for m in MIXES}
        velocity = dict.fromkeys(VELOCITY)
        for measure, value in values.items():
            mix, _, key = measure.partition(".")
            (velocity if mix == "velocity" else mixes[mix])[key] = value
        return ProfileMixes("x.nl", 100, 50, mixes, velocity, {})
    c = Comparison("en", {OWN: make(own), **{n: make(v) for n, v in competitors.items()}}, [], pd.DataFrame())
    c.deviations = compare_module._deviations(c, "en")
    return c


def test_outside_the_range_by_margin_and_factor():
    # above the highest by 10 points and 2x: flagged; at concern only with both concern margins
    c = profiles({"anchor_mix.exact": 0.20}, a={"anchor_mix.exact": 0.05}, b={"anchor_mix.exact": 0.10})
    assert risky(c) == {"anchor_mix.exact": "watch"}
    c = profiles({"anchor_mix.exact": 0.40}, a={"anchor_mix.exact": 0.05}, b={"anchor_mix.exact": 0.10})
    assert risky(c) == {"anchor_mix.exact": "concern"}
    assert deviation_held(c)
    # a big relative factor on tiny shares is not enough (0.5% against 0.1%)
    assert profiles({"anchor_mix.exact": 0.005}, a={"anchor_mix.exact": 0.001}).deviations == []
    # a big absolute gap on large shares is not enough either (75% against 68%: factor 1.1)
    assert profiles({"anchor_mix.exact": 0.75}, a={"anchor_mix.exact": 0.68}).deviations == []
    # inside the range: nothing
    assert profiles({"anchor_mix.exact": 0.3}, a={"anchor_mix.exact": 0.1}, b={"anchor_mix.exact": 0.5}).deviations == []


def test_direction_and_risk_come_from_the_rules():
    # fewer exact anchors than everyone: better, not a deviation
    assert profiles({"anchor_mix.exact": 0.0}, a={"anchor_mix.exact": 0.3}).deviations == []
    # fewer links in running text: a risk measure, downwards
    c = profiles({"placement_mix.content": 0.3}, a={"placement_mix.content": 0.9})
    assert risky(c) == {"placement_mix.content": "concern"}
    # platform types are described in both directions, never a risk, never above watch
    c = profiles({"platform_mix.forum": 0.0}, a={"platform_mix.forum": 0.3}, b={"platform_mix.forum": 0.4})
    assert [(d.measure, d.level, d.risk, d.direction) for d in c.deviations] == [
        ("platform_mix.forum", "watch", False, "below")]
    assert not deviation_held(c)
    assert rule_for("platform_mix.news")["margin"] == rules()["measures"]["platform_mix"]["margin"]


def test_one_watch_is_not_the_condition_but_two_mixes_are():
    one = profiles({"anchor_mix.exact": 0.20}, a={"anchor_mix.exact": 0.10})
    assert risky(one) == {"anchor_mix.exact": "watch"} and not deviation_held(one)
    two = profiles({"anchor_mix.exact": 0.20, "relevance_mix.not_relevant": 0.25},
                   a={"anchor_mix.exact": 0.10, "relevance_mix.not_relevant": 0.12})
    assert set(risky(two).values()) == {"watch"} and deviation_held(two)


def test_missing_values_are_skipped():
    c = profiles({"anchor_mix.exact": 0.5}, a={}, b={"anchor_mix.exact": None})
    assert c.deviations == []
    c = profiles({}, a={"anchor_mix.exact": 0.1})
    assert c.deviations == []


def test_velocity_measures_use_their_own_units():
    c = profiles({"velocity.peak_ratio": 9.0, "velocity.new_domains_per_month": 8.0},
                 a={"velocity.peak_ratio": 1.5, "velocity.new_domains_per_month": 7.0})
    assert risky(c) == {"velocity.peak_ratio": "concern"}
    assert "velocity.new_domains_per_month" not in {d.measure for d in c.deviations}  # 1 domain/month: noise
    assert "9.0" in c.deviations[0].why and "%" not in c.deviations[0].why


def test_rules_file_is_checked(data_file, tmp_path):
    bad = tmp_path / "deviation.toml"
    bad.write_text('[default]\nmargin = -1\nfactor = 1.5\nconcern_margin = 0.1\nconcern_factor = 2\n'
                   'direction = "either"\nrisk = false\n', encoding="utf-8")
    load = data_file(compare_module, "RULES_FILE", bad, rules)
    with pytest.raises(ValueError, match="margin"):
        load()


# --- feeding the profile verdict -----------------------------------------------------------------

def test_compare_with_an_existing_review_feeds_the_verdict():
    from linkwijzer.profile.comparison.compare import compare_with
    from linkwijzer.profile.review.outcome import decide
    from linkwijzer.profile.review.run import review_profile

    own = review_profile(*data("overoptimised"), settings_of("overoptimised"), "en")
    c = compare_with(own, {n: data(s) for n, s in COMPETITORS.items()}, "en", own_aggregates=data("overoptimised")[1])
    assert c.to_json() == comparison("overoptimised").to_json()
    assert deviation_held(c)
    healthy = review_profile(*data("healthy"), settings_of("healthy"), "en")
    # competitors as links only: the form review_profile(competitors=...) takes today
    c = compare_with(healthy, {n: data(s)[0] for n, s in COMPETITORS.items()}, "en")
    assert not deviation_held(c)
    conditions = {"quality_declining": healthy.quality.get("declining", False), "competitor_deviation": False}
    assert decide(healthy.signals, conditions).outcome == "healthy"
