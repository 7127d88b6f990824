"""link_velocity on the sample profiles (against ground_truth.json) and on hand-made edge cases."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pandas as pd
import pytest

from linkwijzer.profile.signals.link_bursts import analyse_velocity, quality_trend
from tests.profile_review.samples import HEALTHY, OVER, sample
from linkwijzer.profile.review.settings import ProfileSettings

def days_between(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def links_on(dates: list[str], domains: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"source_domain": pd.Categorical(domains),
                         "first_seen": pd.to_datetime(pd.Series(dates), errors="coerce").astype("datetime64[s]")})


def test_healthy_profile_grows_steadily_without_bursts() -> None:
    links, settings = sample("healthy")
    result = analyse_velocity(links, settings, "nl")
    assert result.signal.level == "ok" and result.signal.value == 0 and result.bursts == []
    weekly = result.weekly
    # Weeks start on Monday and zero weeks are rows too: the table spans first to last date.
    assert (weekly["period"].dt.day_of_week == 0).all()
    assert (weekly["period"].diff().dropna() == pd.Timedelta(days=7)).all()
    # The ground truth counts the same way (Monday weeks, a domain new in its earliest week): exact.
    assert weekly["new_links"].median() == HEALTHY["weekly_new_links"]["median"]
    assert weekly["new_domains"].median() == HEALTHY["weekly_new_domains"]["median"]
    assert weekly["new_links"].max() == HEALTHY["weekly_new_links"]["max"]
    peaks = weekly.loc[weekly["new_links"] == weekly["new_links"].max(), "period"].dt.strftime("%Y-%m-%d")
    assert HEALTHY["weekly_new_links"]["max_week"] in set(peaks)  # the maximum is reached in more weeks
    assert weekly["new_links"].sum() == len(links) and weekly["new_domains"].sum() == HEALTHY["referring_domains"]
    assert result.monthly["new_links"].sum() == len(links)
    assert (result.monthly["period"].dt.day == 1).all()
    assert {"baseline", "upper"} <= set(result.monthly.columns)


def test_over_optimised_profile_has_the_two_bursts_it_was_built_with() -> None:
    links, settings = sample("overoptimised")
    result = analyse_velocity(links, settings, "en")
    truth = [OVER["bursts"]["burst-1"], OVER["bursts"]["burst-2"]]
    assert len(result.bursts) == 2
    for burst, expected in zip(result.bursts, truth):
        # A week of slack on the dates: the burst weeks run Monday to Sunday, the generator's
        # window ends on the last day it placed a link.
        assert days_between(burst.start, expected["start"]) <= 7
        assert days_between(burst.end, expected["end"]) <= 7
        # The burst weeks also carry the normal rate (median 3, max 7 a week outside bursts):
        # at most 3 weeks x 7 domains more than the burst's own domains.
        assert 0 <= burst.new_domains - expected["new_domains"] <= 21
        assert burst.new_links >= expected["links_first_seen_in_window"]
        assert not burst.explained and burst.expected_domains < 15
        weeks = result.weekly.set_index(result.weekly["period"].dt.strftime("%Y-%m-%d"))
        assert weeks.loc[expected["weeks"], "new_domains"].tolist() == expected["weekly_new_domains"]
        assert weeks.loc[expected["weeks"], "new_links"].tolist() == expected["weekly_new_links"]
        assert weeks.loc[expected["weeks"], "burst"].all()
    assert result.signal.level == "concern"
    # Value: burst domains above the normal rate, over all referring domains.
    excess = sum(b.new_domains - b.expected_domains for b in result.bursts)
    assert result.signal.value == pytest.approx(excess / OVER["referring_domains"])
    assert result.in_burst.index.equals(links.index)
    assert result.in_burst.sum() == sum(b.new_links for b in result.bursts)


def test_explained_bursts_no_longer_count() -> None:
    links, settings = sample("overoptimised")
    first = analyse_velocity(links, settings, "nl").bursts
    both = analyse_velocity(links, dataclasses.replace(settings, explained_bursts=tuple(b.start for b in first)), "nl")
    assert both.signal.level in ("ok", "watch") and both.signal.value == 0
    assert all(b.explained for b in both.bursts) and len(both.bursts) == 2
    # A date inside the burst (a Wednesday) explains it too: a re-import may move the first week.
    one = analyse_velocity(links, dataclasses.replace(settings, explained_bursts=("2025-03-19", "not a date")), "nl")
    assert [b.explained for b in one.bursts] == [True, False]
    assert 0 < one.signal.value < analyse_velocity(links, settings, "nl").signal.value


@pytest.mark.parametrize("sample_id", ["own_list", "competitor_fietsplein", "competitor_ebikecentrum"])
def test_other_samples_are_steady(sample_id: str) -> None:
    links, settings = sample(sample_id)
    assert analyse_velocity(links, settings, "nl").signal.level == "ok"


def test_gsc_has_no_first_seen_dates_so_velocity_is_unknown() -> None:
    links, settings = sample("gsc")
    from linkwijzer.profile.signals.base import Inputs, judge
    from linkwijzer.profile.signals.link_bursts import SIGNAL

    for lang in ("nl", "en"):
        result = judge(SIGNAL, Inputs(links, {}, settings, lang))  # the review's path: the gap named once
        assert result.signal.level == "unknown" and result.signal.value is None
        assert "Search Console" in result.signal.why and "{" not in result.signal.why
        assert result.weekly.empty and result.bursts == [] and not result.in_burst.any()


@pytest.mark.parametrize("case", ["one_link", "one_day", "short", "no_dates", "no_column", "empty"])
def test_edge_cases_are_unknown_not_errors(case: str) -> None:
    frames = {
        "one_link": links_on(["2026-01-05"], ["a.nl"]),
        # All links on one day is one burst against nothing: there is no normal rate to compare with.
        "one_day": links_on(["2026-03-04"] * 300, [f"d{i % 150}.nl" for i in range(300)]),
        "short": links_on([f"2026-01-{d:02d}" for d in range(1, 32)], [f"d{d}.nl" for d in range(31)]),
        "no_dates": links_on([None, "", "onbekend"], ["a.nl", "b.nl", "c.nl"]),
        "no_column": pd.DataFrame({"source_domain": pd.Categorical(["a.nl"])}),
        "empty": links_on([], []),
    }
    for lang in ("nl", "en"):
        result = analyse_velocity(frames[case], ProfileSettings(), lang)
        assert result.signal.level == "unknown" and result.bursts == []
        assert result.signal.why and "{" not in result.signal.why
        assert result.in_burst.index.equals(frames[case].index)
    if case == "one_day":
        assert len(result.weekly) == 1 and result.weekly["new_domains"].iloc[0] == 150


def test_a_burst_against_a_steady_synthetic_rate() -> None:
    rng = np.random.default_rng(1)
    days = pd.date_range("2024-01-01", "2025-12-28", freq="D")
    rows = [(pd.Timestamp(d), f"steady{i}.nl") for i, d in enumerate(rng.choice(days, 300))]
    rows += [(pd.Timestamp("2025-06-11"), f"burst{i}.nl") for i in range(40)]
    frame = links_on([str(d.date()) for d, _ in rows], [n for _, n in rows])
    result = analyse_velocity(frame, ProfileSettings(), "en")
    assert [b.start for b in result.bursts] == ["2025-06-09"]
    assert result.bursts[0].new_domains >= 40
    assert result.signal.level == "watch"  # ~40 of 340 domains above the rate: ~11%


def test_quality_trend_per_domain() -> None:
    n = 400
    seen = pd.Series(pd.date_range("2024-01-01", periods=n, freq="2D"))
    recent = seen > seen.max() - pd.DateOffset(months=6)
    good = pd.DataFrame({"relevant": ~recent | (np.arange(n) % 3 == 0), "in_content": True})
    domains = pd.Series([f"d{i}.nl" for i in range(n)])
    trend = quality_trend(good, seen, 6, domains=domains)
    assert trend["declining"] and trend["earlier_share"] == 1.0 and trend["recent_share"] < 0.5
    assert trend["recent_domains"] == recent.sum()
    # Tiny samples never trigger.
    assert not quality_trend(good.tail(15), seen.tail(15), 6)["declining"]
    # One domain with a thousand bad recent links is one domain, not a thousand votes.
    seen2 = pd.concat([seen, pd.Series([seen.max()] * 1000)], ignore_index=True)
    good2 = pd.DataFrame({"good": [True] * n + [False] * 1000})
    domains2 = pd.concat([domains, pd.Series(["footer.nl"] * 1000)], ignore_index=True)
    assert not quality_trend(good2, seen2, 6, domains=domains2, column="good")["declining"]
    assert quality_trend(good2, seen2, 6, column="good")["declining"]  # per link it would
    empty = quality_trend(good.iloc[:0], seen.iloc[:0])
    assert empty["recent_share"] is None and not empty["enough_data"] and not empty["declining"]


def test_a_pile_up_with_almost_no_ordinary_growth_is_unknown() -> None:
    # 300 domains on one day and a single stray link a year earlier: no normal rate to compare.
    frame = links_on(["2025-03-03"] + ["2026-03-04"] * 300, ["old.nl"] + [f"d{i}.nl" for i in range(300)])
    for lang in ("nl", "en"):
        result = analyse_velocity(frame, ProfileSettings(), lang)
        assert result.signal.level == "unknown" and len(result.bursts) == 1
        assert "{" not in result.signal.why and "100%" in result.signal.why
