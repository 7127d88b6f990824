"""One shape for every signal: on every sample, a why in each language, the same level, the public id."""

import pytest

from linkwijzer.profile.signals.keyword_anchors import analyse_anchors
from linkwijzer.profile.signals.link_bursts import analyse_velocity
from linkwijzer.profile.signals.boilerplate_placement import analyse_placement
from linkwijzer.profile.signals.irrelevant_sources import analyse_relevance
from linkwijzer.profile.signals.repeated_sources import analyse_repetition
from linkwijzer.profile.importing.samples import SAMPLES, load_sample
from linkwijzer.profile.signals.registry import SIGNAL_IDS

ANALYSERS = {
    "irrelevant_sources": lambda r, s, lang: analyse_relevance(r.links, s, lang),
    "keyword_anchors": lambda r, s, lang: analyse_anchors(r.links, s, lang),
    "link_bursts": lambda r, s, lang: analyse_velocity(r.links, s, lang),
    "boilerplate_placement": lambda r, s, lang: analyse_placement(r.links, s, lang),
    "repeated_sources": lambda r, s, lang: analyse_repetition(r.links, r.aggregates, s, lang),
}


def test_every_signal_has_an_analyser():
    assert set(ANALYSERS) == set(SIGNAL_IDS)


@pytest.mark.parametrize("signal_id", SIGNAL_IDS)
@pytest.mark.parametrize("sample_id", sorted(SAMPLES))
def test_why_is_written_out_in_both_languages(sample_id: str, signal_id: str) -> None:
    imported, settings = load_sample(sample_id), SAMPLES[sample_id].settings()
    nl, en = (ANALYSERS[signal_id](imported, settings, lang).signal for lang in ("nl", "en"))
    assert nl.why != en.why and nl.level == en.level
    assert all(w.strip() and "{" not in w and "}" not in w for w in (nl.why, en.why))
    assert nl.to_json()["id"] == signal_id
