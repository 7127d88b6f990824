"""The bundled samples as the signal tests read them: links, settings and the generator's ground truth."""

from __future__ import annotations

import json
from functools import cache

import pandas as pd

from linkwijzer.profile.importing.samples import SAMPLE_DIR, SAMPLES, load_sample
from linkwijzer.profile.review.settings import ProfileSettings

TRUTH = json.loads((SAMPLE_DIR / "ground_truth.json").read_text(encoding="utf-8"))
HEALTHY = TRUTH["fietsenvandijk_ahrefs_backlinks.csv"]
OVER = TRUTH["snelle-ebikes_semrush_backlinks.csv"]


@cache
def sample_links(sample_id: str) -> pd.DataFrame:
    return load_sample(sample_id).links


def sample_settings(sample_id: str, **changes) -> ProfileSettings:
    return SAMPLES[sample_id].settings(**changes)


def sample(sample_id: str) -> tuple[pd.DataFrame, ProfileSettings]:
    return sample_links(sample_id), sample_settings(sample_id)
