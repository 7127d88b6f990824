"""The whole review on the sample profiles and on hand-made edge cases."""


import pandas as pd
import pytest

from linkwijzer.i18n import LANGUAGES
from linkwijzer.profile.comparison.compare import review_with_competitors
from linkwijzer.profile.review.run import Filters, review_profile
from linkwijzer.profile.importing.samples import SAMPLES, load_sample
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.profile.signals.registry import SIGNAL_IDS


def imported(sample_id: str):
    return load_sample(sample_id)


def settings_of(sample_id: str, **changes) -> ProfileSettings:
    s = SAMPLES[sample_id]
    return s.settings(**changes)


def review(sample_id: str, lang: str = "en", **kwargs):
    result = imported(sample_id)
    return review_profile(result.links, result.aggregates, kwargs.pop("settings", settings_of(sample_id)), lang, **kwargs)


def with_competitors(sample_id: str, competitors: dict):
    result = imported(sample_id)
    return review_with_competitors(result.links, result.aggregates, settings_of(sample_id), competitors, "en")


def levels(r) -> dict[str, str]:
    return {s.id: s.level for s in r.signals}


def test_healthy_profile_is_healthy_with_reassurances():
    r = review("healthy")
    assert r.outcome == "healthy"
    assert set(levels(r).values()) == {"ok"}
    assert r.lacks == []
    assert "nofollow_mix" in r.reassurances


def test_over_optimised_profile_flags_what_it_was_built_with():
    r = review("overoptimised")
    assert r.outcome == "intervene"
    got = levels(r)
    for signal in ("irrelevant_sources", "keyword_anchors", "link_bursts", "repeated_sources"):
        assert got[signal] == "concern", (signal, got)
    assert got["boilerplate_placement"] in ("watch", "concern")
    assert r.verdict.conditions["several_signals"]
    assert {"irrelevant_sources", "keyword_anchors", "repeated_sources"} <= set(r.lacks)


def test_explaining_the_bursts_takes_them_out():
    before = review("overoptimised")
    starts = tuple(b.start for b in before.measured["link_bursts"].bursts)
    assert len(starts) == 2
    after = review("overoptimised", settings=settings_of("overoptimised", explained_bursts=starts))
    assert levels(after)["link_bursts"] in ("ok", "watch")
    assert all(b.explained for b in after.measured["link_bursts"].bursts)


def test_the_users_relevance_verdict_wins():
    before = review("overoptimised")
    irrelevant = before.measured["irrelevant_sources"].by_domain.query("label == 'not_relevant'")["domain"].tolist()
    after = review("overoptimised", settings=settings_of(
        "overoptimised", relevance_overrides={d: "relevant" for d in irrelevant}))
    assert after.measured["irrelevant_sources"].signal.value == 0
    assert levels(after)["irrelevant_sources"] == "ok"


def test_json_has_the_public_keys():
    data = review("overoptimised").to_json()
    assert {"links", "referring_domains", "anchor_mix", "placement_mix", "signals", "conditions", "outcome"} <= data.keys()
    assert [s["id"] for s in data["signals"]] == list(SIGNAL_IDS)
    assert all({"id", "level", "value", "threshold", "why"} == s.keys() for s in data["signals"])
    assert data["anchor_mix"]["exact"]["domains"] > 0
    assert set(data["conditions"]) == {"several_signals", "quality_declining", "competitor_deviation"}


def test_filters_narrow_every_measure():
    full = review("overoptimised")
    recent = review("overoptimised", filters=Filters(start=pd.Timestamp("2026-01-01").date()))
    follow = review("overoptimised", filters=Filters(follow_only=True))
    assert recent.links < full.links and follow.links < full.links
    assert recent.measured["keyword_anchors"].by_class["links"].sum() == recent.links
    assert follow.follow_mix.set_index("rel").at["nofollow", "links"] == 0


def test_competitor_deviation_feeds_the_conditions():
    competitors = {name: imported(name).links for name in ("competitor_fietsplein", "competitor_ebikecentrum")}
    r = with_competitors("overoptimised", competitors)
    assert r.verdict.conditions["competitor_deviation"]
    measures = {d["measure"] for d in r.deviations}
    assert "anchor_mix.exact" in measures
    healthy = with_competitors("healthy", competitors)
    assert healthy.competitors == tuple(competitors) and review("healthy").competitors == ()
    assert not healthy.verdict.conditions["competitor_deviation"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_why_sentences_are_filled_in(lang):
    for sample_id in ("healthy", "overoptimised", "gsc"):
        for signal in review(sample_id, lang).signals:
            assert signal.why and "{" not in signal.why


def test_gsc_only_data_says_what_it_cannot_measure():
    r = review("gsc")
    got = levels(r)
    assert got["keyword_anchors"] == "unknown" and got["link_bursts"] == "unknown"
    assert r.outcome in ("healthy", "watch")


def links_frame(rows: list[dict]) -> pd.DataFrame:
    base = {"source_url": "https://blog.example.nl/a", "source_host": "blog.example.nl", "source_domain": "example.nl",
            "target_url": "https://www.fietsenvandijk.nl/", "anchor": "Fietsen van Dijk",
            "first_seen": pd.Timestamp("2025-01-01"), "lost": False, "nofollow": False}
    frame = pd.DataFrame([{**base, **row} for row in rows])
    frame["first_seen"] = frame["first_seen"].astype("datetime64[s]")
    return frame


EDGE_CASES = {
    "one link": [{}],
    "all links on one day": [{"source_domain": f"site{i}.nl", "source_host": f"site{i}.nl",
                              "source_url": f"https://site{i}.nl/x"} for i in range(200)],
    "no dates": [{"first_seen": pd.NaT, "source_domain": f"s{i}.nl"} for i in range(30)],
    "no anchors": [{"anchor": None, "source_domain": f"s{i}.nl"} for i in range(30)],
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_edge_cases_do_not_alarm(case):
    r = review_profile(links_frame(EDGE_CASES[case]), {}, ProfileSettings(site="fietsenvandijk.nl", topics=("fiets",)), "nl")
    assert r.outcome in ("healthy", "watch")
    assert levels(r)["link_bursts"] in ("ok", "unknown")
    r.to_json()


def test_empty_after_filtering_is_calm():
    result = imported("healthy")
    r = review_profile(result.links, result.aggregates, settings_of("healthy"), "en",
                       filters=Filters(start=pd.Timestamp("2030-01-01").date()))
    assert r.links == 0 and r.outcome == "insufficient" and r.insufficient == "all_filtered"
    assert all(s.level == "unknown" for s in r.signals)
    assert r.to_json()["insufficient"]["reason"] == "all_filtered"


def test_gsc_only_review_says_it_is_limited():
    assert review("gsc").limited and review("gsc").to_json()["limited_data"] is True
    assert not review("healthy").limited
