"""One shape for every registered signal, walked through the registry: on every sample a why in each
language with the same level, the public id, its texts, and tables with no raw id in their headers."""

import pytest

from linkwijzer.i18n import LANGUAGES, has_text
from linkwijzer.present.tables import for_people
from linkwijzer.profile.importing.samples import SAMPLES, load_sample
from linkwijzer.profile.signals.base import Inputs, judge, thresholds
from linkwijzer.profile.signals.registry import SIGNALS

SPECS = {spec.id: spec for spec in SIGNALS}


@pytest.mark.parametrize("signal_id", SPECS)
def test_every_signal_has_its_texts_and_thresholds(signal_id: str) -> None:
    for lang in LANGUAGES:
        for key in ("name", "question", "progress", "lacks"):
            assert has_text(lang, f"{signal_id}.{key}"), (lang, key)
    assert {"watch", "concern"} <= set(thresholds(signal_id))


@pytest.mark.parametrize("signal_id", SPECS)
@pytest.mark.parametrize("sample_id", sorted(SAMPLES))
def test_why_is_written_out_in_both_languages(sample_id: str, signal_id: str) -> None:
    imported, settings = load_sample(sample_id), SAMPLES[sample_id].settings()
    spec = SPECS[signal_id]
    nl, en = (judge(spec, Inputs(imported.links, imported.aggregates, settings, lang)) for lang in ("nl", "en"))
    assert nl.signal.why != en.signal.why and nl.signal.level == en.signal.level
    assert all(w.strip() and "{" not in w and "}" not in w for w in (nl.signal.why, en.signal.why))
    assert nl.signal.to_json()["id"] == signal_id
    for lang, measured in (("nl", nl), ("en", en)):
        for _, table in spec.tables(measured, lang):
            shown = for_people(table, lang, f"{signal_id}.table")
            assert not set(shown.columns) & set(table.columns) - {"Links"}, shown.columns
