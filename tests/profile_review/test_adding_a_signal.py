"""Adding a sixth signal is one module, one thresholds file, two locale files and one registry line.

Shown on a copy of the package: the files are written where a developer would write them, and a
fresh interpreter reviews real profiles with it. Nothing else is edited — the review, the JSON,
the report and the texts check pick it up from the registry.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import linkwijzer

MODULE = '''"""Sponsored links: the share of referring domains with a link marked sponsored."""

from dataclasses import dataclass

from linkwijzer.i18n import text
from linkwijzer.present.formatting import percent
from linkwijzer.profile.signals.base import Signal, SignalSpec, level_for, thresholds

SIGNAL_ID = "sponsored_links"


@dataclass
class Sponsored:
    signal: Signal


def measure(inputs):
    limits = thresholds(SIGNAL_ID)
    cut = {"watch": limits["watch"], "concern": limits["concern"]}
    flags = inputs.links["sponsored"].fillna(False).astype(bool)
    share = float(flags.groupby(inputs.links["source_domain"], observed=True).any().mean()) if len(flags) else None
    why = text(inputs.lang, "sponsored_links.why", share=percent(share or 0, inputs.lang))
    return Sponsored(Signal(SIGNAL_ID, level_for(share, **cut), share, cut, why))


SIGNAL = SignalSpec(id=SIGNAL_ID, needs=(("sponsored",),), measure=measure)
'''
THRESHOLDS = 'watch = 0.2\nconcern = 0.5\n'
TEXTS = {
    "nl": 'name = "Gesponsorde links"\nquestion = "Zijn veel links als gesponsord gemarkeerd?"\n'
          'progress = "Gesponsorde links tellen…"\nlacks = "Links die niemand betaalde."\n'
          'why = "{share} van de domeinen linkt gesponsord."\n',
    "en": 'name = "Sponsored links"\nquestion = "Are many links marked as sponsored?"\n'
          'progress = "Counting sponsored links…"\nlacks = "Links nobody paid for."\n'
          'why = "{share} of the domains link as sponsored."\n',
}
SCRIPT = '''
import json, sys
from linkwijzer.i18n import catalogue
from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.importing.samples import SAMPLES, load_sample
from linkwijzer.profile.outputs.report import profile_report_html
from linkwijzer.profile.review.run import review_profile
out = {}
for sample in ("healthy", "gsc"):
    imported = load_sample(sample)
    review = review_profile(imported.links, imported.aggregates, SAMPLES[sample].settings(), "en")
    out[sample] = {s["id"]: [s["level"], s["why"]] for s in review.to_json()["signals"]}
    out[sample + "_report"] = "Sponsored links" in profile_report_html(review, "en", site="x")
out["same_keys"] = set(catalogue("nl")) == set(catalogue("en"))
print(json.dumps(out))
'''


def test_a_sixth_signal_takes_one_module_one_thresholds_file_two_texts_and_one_line(tmp_path: Path) -> None:
    package = tmp_path / "linkwijzer"
    shutil.copytree(Path(linkwijzer.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__", "_app"))
    (tmp_path / "sample_data").symlink_to(Path(linkwijzer.__file__).parent.parent / "sample_data")
    signals = package / "profile" / "signals"
    (signals / "sponsored_links.py").write_text(MODULE)
    (signals / "thresholds" / "sponsored_links.toml").write_text(THRESHOLDS)
    for lang, body in TEXTS.items():
        (package / "locales" / lang / "sponsored_links.toml").write_text(body)
    registry = signals / "registry.py"
    source = registry.read_text()
    source = source.replace("    repeated_sources.SIGNAL,\n", "    repeated_sources.SIGNAL,\n    sponsored_links.SIGNAL,\n")
    source = source.replace("                                        repeated_sources)",
                            "                                        repeated_sources, sponsored_links)")
    registry.write_text(source)

    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=240,
                         env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)
    healthy, gsc = out["healthy"], out["gsc"]
    assert list(healthy)[-1] == "sponsored_links" and len(healthy) == 6
    assert healthy["sponsored_links"][0] in ("ok", "watch", "concern"), healthy["sponsored_links"]
    assert "of the domains link as sponsored" in healthy["sponsored_links"][1]
    # A profile whose export has no rel attributes: unknown, and the reason says which export lacks what.
    assert gsc["sponsored_links"][0] == "unknown" and "Google Search Console" in gsc["sponsored_links"][1]
    assert out["healthy_report"] and out["same_keys"]
