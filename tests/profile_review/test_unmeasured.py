"""A signal whose input the loaded files lack is unknown, decided once from what it declares it needs,
and the reason names the export type that lacks it — on real exports, in both languages."""

from __future__ import annotations

import pytest

from linkwijzer.i18n import text
from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.review.run import review_profile
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.profile.signals.base import missing_inputs
from linkwijzer.profile.signals.registry import SIGNALS
from tests.profile.conftest import EXPORTS

GSC = "gsc_latest_links_2020_crlf.csv"


def review_of(name: str, lang: str, **settings):
    imported = import_files([(name, EXPORTS / name)], lang=lang)
    return review_profile(imported.links, imported.aggregates, ProfileSettings(site="example.com", **settings), lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_gsc_links_cannot_tell_anchors_dates_or_placement(exports, lang):
    review = review_of(GSC, lang, topics=("shop",))
    levels = {s.id: s.level for s in review.signals}
    for signal_id, what in (("keyword_anchors", "anchor"), ("link_bursts", "first_seen"),
                            ("boilerplate_placement", "placement"), ("irrelevant_sources", "source_title")):
        signal = review.signal(signal_id)
        assert levels[signal_id] == "unknown" and signal.value is None
        assert text(lang, "import.format.gsc_links") in signal.why
        assert text(lang, f"review.inputs.{what}") in signal.why
    assert review.quality["measured"] is False and not review.quality["declining"]
    assert review.to_json()["signals"][1]["level"] == "unknown"


def test_a_full_export_measures_what_it_holds(exports):
    review = review_of("ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv", "en", keywords=("hosting",), topics=("web",))
    assert all(not missing_inputs(spec, review.table) for spec in SIGNALS)
    assert review.signal("keyword_anchors").level != "unknown"
    assert review.quality["measured"] is True


def test_an_empty_column_counts_as_missing():
    import pandas as pd

    links = pd.DataFrame({"source_url": ["https://a.nl/x"], "source_domain": ["a.nl"], "anchor": [None],
                          "source_format": pd.Categorical(["generic"])})
    spec = next(s for s in SIGNALS if s.id == "keyword_anchors")
    assert missing_inputs(spec, links) == [("anchor",)]


def test_every_canonical_link_column_can_be_named_as_missing():
    from linkwijzer.i18n import LANGUAGES, has_text
    from linkwijzer.profile.importing.formats import catalogue

    for lang in LANGUAGES:
        for column in [*catalogue().link_fields, "source_domain", "source_host"]:
            assert has_text(lang, f"review.inputs.{column}"), (lang, column)
