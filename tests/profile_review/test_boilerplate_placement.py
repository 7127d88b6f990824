"""placement_mix on the sample profiles (against ground_truth.json) and on hand-made cases."""

from __future__ import annotations


import pandas as pd
import pytest

from linkwijzer.profile.signals.boilerplate_placement import CLASSES, PLACEMENTS, analyse_placement, template_links
from tests.profile_review.samples import HEALTHY, OVER, sample
from linkwijzer.profile.review.settings import ProfileSettings

def frame(rows: list[tuple[str, str, object]], **extra) -> pd.DataFrame:
    """(domain, placement, sitewide) rows, as the importer would hand them over."""
    out = pd.DataFrame({"source_domain": pd.Categorical([r[0] for r in rows]),
                        "placement": pd.Categorical([r[1] for r in rows]),
                        "sitewide": pd.array([r[2] for r in rows], dtype="boolean"),
                        "source_file": pd.Categorical(["x.csv"] * len(rows))})
    return out.assign(**extra)


def test_classes_keep_unknown_visible() -> None:
    assert PLACEMENTS == ("content", "content_list", "navigation", "header", "footer", "sidebar", "comments", "unknown")
    assert set(PLACEMENTS) < set(CLASSES) and CLASSES[-1] == "unknown"


def test_healthy_profile_is_mostly_in_content() -> None:
    links, settings = sample("healthy")
    result = analyse_placement(links, settings, "nl")
    mix = result.mix.set_index("placement")
    # Ahrefs Content=true is content; exact.
    assert mix.loc["content", "links"] == HEALTHY["content_links"]
    assert mix.loc["content", "link_share"] == pytest.approx(0.820, abs=0.001)
    # Content=false is outside the main content, position not stated: never called a footer.
    assert mix.loc["boilerplate", "links"] == HEALTHY["links"] - HEALTHY["content_links"]
    assert mix.loc[["footer", "sidebar", "navigation", "header"], "links"].sum() == 0
    assert "unknown" in mix.index
    assert mix["main_domains"].sum() == HEALTHY["referring_domains"]
    # The two sitewide partners, by Links in group (220 and 459, threshold 100).
    sitewide_domains = set(links.loc[result.sitewide, "source_domain"].astype(str))
    assert sitewide_domains == set(HEALTHY["sitewide_partners"])
    assert set(result.sitewide_domains["domain"]) == set(HEALTHY["sitewide_partners"])
    assert result.signal.level == "ok" and result.signal.value < 0.05
    assert result.signal.details["mode"] == "placement"
    assert result.placement.index.equals(links.index) and result.sitewide.index.equals(links.index)


def test_over_optimised_profile_links_sitewide_from_many_domains() -> None:
    links, settings = sample("overoptimised")
    result = analyse_placement(links, settings, "en")
    assert int(result.sitewide.sum()) == OVER["sitewide_links"]
    assert result.signal.details["sitewide_domains"] == OVER["sitewide_domains"]
    # Semrush states only Sitewide: the non-sitewide links stay unknown, and the value is a
    # lower bound (domains linking ONLY sitewide, over all domains).
    mix = result.mix.set_index("placement")
    assert mix.loc["unknown", "links"] == OVER["links"] - OVER["sitewide_links"]
    assert mix.loc["content", "links"] == 0
    only = links.groupby("source_domain", observed=True)["sitewide"].all()
    assert result.signal.value == pytest.approx(only.sum() / OVER["referring_domains"])
    assert result.signal.details["mode"] == "sitewide"
    # 65 of 651 domains (10%) link only from a sitewide template: more than partners and
    # memberships explain (watch from 8%), and a lower bound, so not yet a concern (25%).
    assert result.signal.level == "watch"
    assert "At least" in result.signal.why


@pytest.mark.parametrize("sample_id", ["gsc", "own_list", "competitor_fietsplein", "competitor_ebikecentrum"])
def test_exports_without_placement_say_unknown(sample_id: str) -> None:
    links, settings = sample(sample_id)
    for lang in ("nl", "en"):
        result = analyse_placement(links, settings, lang)
        assert result.signal.level == "unknown" and result.signal.value is None
        assert result.signal.why and "{" not in result.signal.why
    assert result.mix.set_index("placement").loc["unknown", "links"] >= 0.98 * len(links)


def test_live_classes_are_accepted_and_counted_per_domain() -> None:
    # One domain with 30,000 footer links is one domain: 1 of 10 domains, not 30,000 votes.
    rows = [("footer.nl", "footer", pd.NA)] * 30_000
    rows += [(f"blog{i}.nl", "content", pd.NA) for i in range(8)] + [("list.nl", "content_list", pd.NA)]
    result = analyse_placement(frame(rows), ProfileSettings(), "nl")
    mix = result.mix.set_index("placement")
    assert mix.loc["footer", "links"] == 30_000 and mix.loc["footer", "domains"] == 1
    assert mix.loc["content_list", "links"] == 1
    assert result.signal.value == pytest.approx(0.1) and result.signal.level == "watch"
    # A domain with one link in running text has an editorial relation, whatever else it adds.
    mixed = rows + [("footer.nl", "content", pd.NA)]
    assert analyse_placement(frame(mixed), ProfileSettings(), "nl").signal.value == 0


def test_ahrefs_rules_content_flag_and_links_in_group() -> None:
    rows = [("a.nl", "content", pd.NA), ("b.nl", "unknown", pd.NA), ("c.nl", "content", pd.NA),
            ("d.nl", "image", pd.NA)]
    links = frame(rows, links_in_group=pd.array([1, 3, 500, 1], dtype="Int64"))
    result = analyse_placement(links, ProfileSettings(), "en")
    # b and d: outside the main content (the file states Content); c: in content but a template link.
    assert result.placement.tolist() == ["content", "boilerplate", "content", "boilerplate"]
    assert result.sitewide.tolist() == [False, False, True, False]
    assert result.signal.value == pytest.approx(3 / 4)
    assert template_links(links).tolist() == [False, False, True, False]


@pytest.mark.parametrize("links", [
    frame([("a.nl", "unknown", pd.NA)]),
    frame([]),
    pd.DataFrame({"source_domain": pd.Categorical(["a.nl", "b.nl"])}),
], ids=["one_link", "empty", "no_columns"])
def test_edge_cases(links: pd.DataFrame) -> None:
    for lang in ("nl", "en"):
        result = analyse_placement(links, ProfileSettings(), lang)
        assert result.signal.level == "unknown" and "{" not in result.signal.why
        assert len(result.mix) == len(CLASSES) and result.placement.index.equals(links.index)


def test_context_is_reported_as_weak_evidence_only() -> None:
    links, settings = sample("healthy")
    details = analyse_placement(links, settings, "en").signal.details
    assert 0 < details["boilerplate_with_context"] < HEALTHY["links"] - HEALTHY["content_links"]
    assert "boilerplate_with_context" not in analyse_placement(*sample("overoptimised"), "en").signal.details
