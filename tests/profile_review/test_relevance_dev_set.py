"""Relevance against the hand-labelled dev set (tests/data/relevance_labels.csv, rubric in
docs/relevance-rubric.md): floors at today's held-out figures, so a change that makes relevance
worse on real profiles fails here. bench/bench_relevance.py prints the full table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_relevance.py"
spec = importlib.util.spec_from_file_location("bench_relevance", BENCH)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


@pytest.mark.parametrize("site", sorted(bench.SITES))
def test_relevance_holds_on_real_profiles(exports, site):
    truth = bench.labels()[site]
    guess, _ = bench.predict(site, topics=False)
    scores = bench.scores(truth, guess)
    assert scores["irrelevant_recall"] >= 0.80, scores
    assert scores["agreement"] >= 0.85, scores
    assert scores["false_irrelevant"] <= 0.10, scores


def test_link_selling_pages_are_named_as_such(exports):
    guess, _ = bench.predict("caldea.com", topics=False)
    assert guess["2hanx2.com"] == "not_relevant"  # "Backlinks for caldea.com" pages
    assert guess["seo-anomaly-echo.online"] == "not_relevant"


def test_an_anchor_naming_the_site_counts_but_a_bare_address_does_not(exports):
    guess, _ = bench.predict("caldea.com", topics=False)
    # travel guides whose anchor is "Caldea Spa": the page writes about the spa
    assert guess["wanderingwheatleys.com"] == "relevant"
    assert guess["thediaryofanomad.com"] == "relevant"
    # an empty blog whose only link reads "caldea.com" gains nothing from it
    assert guess["tetigeasg.blogspot.com"] != "relevant"
