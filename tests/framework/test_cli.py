"""The ``linkwijzer`` command: JSON shape, languages, and one-line errors with exit status 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from linkwijzer.cli.commands import main

BIN = Path(sys.executable).parent / "linkwijzer"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_assess_json_in_english(capsys):
    status, out, err = run(capsys, "assess", "--quick", "yes,yes,no", "--trait", "relevance=yes",
                           "--trait", "context=partly", "--trait", "origin=yes", "--trait", "naturalness=yes",
                           "--trait", "contribution=yes", "--booster", "traffic", "--lang", "en", "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["quick_test"] == {"yes": 2, "passed": True}
    assert (data["outcome"], data["decision"]) == ("good", "pursue")
    assert data["pattern_features"] == [] and data["reassurances"] == []
    assert any(reason.startswith("Relevance:") for reason in data["reasons"])


def test_assess_dutch_text_output(capsys):
    status, out, _ = run(capsys, "assess", "--quick", "no,no,no", "--trait", "relevance=no", "--trait", "context=no",
                         "--fact", "paid")
    assert status == 0
    assert out.startswith("Zwak → Overslaan")
    assert "riskant worden als ze vaak terugkomen" in out


@pytest.mark.parametrize("argv,message", [
    (["assess", "--quick", "yes,yes"], "--quick takes 3 comma-separated answers"),
    (["assess", "--quick", "yes,maybe,no"], "quick-test answer 'maybe'"),
    (["assess", "--trait", "relevance"], "--trait takes ID=ANSWER"),
    (["assess", "--trait", "speed=yes"], "unknown trait 'speed'"),
    (["assess", "--trait", "relevance=perhaps"], "answer 'perhaps' for relevance"),
    (["assess", "--trait", "relevance=yes", "--trait", "relevance=no"], "given twice"),
    (["assess", "--booster", "fame"], "invalid choice: 'fame'"),
    (["assess", "--lang", "de"], "invalid choice: 'de'"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    ([], "required: command"),
])
def test_bad_arguments_exit_2_with_one_line(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_installed_console_script():
    result = subprocess.run([str(BIN), "assess", "--quick", "yes,no,no", "--json", "--lang", "en"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "insufficient"
    bad = subprocess.run([str(BIN), "assess", "--quick", "x"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_import_json_over_samples(capsys):
    from linkwijzer.profile.importing.samples import SAMPLES
    paths = [str(p) for p in SAMPLES["overoptimised"].paths()]
    status, out, err = run(capsys, "import", *paths, "--json", "--lang", "en")
    assert status == 0, err
    data = json.loads(out)
    assert [(f["name"], f["format"], f["rows"]) for f in data["files"]] == [
        ("snelle-ebikes_semrush_backlinks.csv", "semrush", 5869), ("snelle-ebikes_semrush_refdomains.csv", "semrush_domains", 651)]
    assert {"encoding"} <= data["files"][0].keys()
    assert data["links"] == 5869 - data["duplicates_removed"]
    assert data["referring_domains"] == 651


def test_import_text_names_format_and_rows(capsys, exports):
    status, out, _ = run(capsys, "import", str(exports / "majestic_refdomains_historic_2013.csv"), "--lang", "en")
    assert status == 0
    assert "Majestic" in out and "345" in out


def test_import_of_a_missing_file_is_a_usage_error(capsys, tmp_path):
    status, out, err = run(capsys, "import", str(tmp_path / "nope.csv"))
    assert status == 2 and err.count("\n") == 1 and "no such file" in err


def test_import_of_only_bad_files_fails_with_clear_lines(capsys, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    status, out, err = run(capsys, "import", str(empty), "--lang", "en")
    assert status == 1
    assert "empty.csv" in err and "Traceback" not in err + out


def test_profile_json_and_report(capsys, tmp_path):
    from linkwijzer.profile.importing.samples import SAMPLES
    report = tmp_path / "report.html"
    sample = SAMPLES["overoptimised"]
    argv = ["profile", *map(str, sample.paths()), "--site", sample.site, "--lang", "en", "--json", "--report", str(report)]
    for keyword in sample.keywords:
        argv += ["--keyword", keyword]
    for topic in sample.topics:
        argv += ["--topic", topic]
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    data = json.loads(out)
    assert data["outcome"] == "intervene"
    assert {"links", "referring_domains", "anchor_mix", "placement_mix", "signals", "conditions"} <= data.keys()
    assert report.read_text(encoding="utf-8").count("<svg") >= 3


@pytest.mark.parametrize("argv,message", [
    (["profile", "x.csv"], "--site"),
    (["profile", "nope.csv", "--site", "a.nl"], "no such file"),
    (["profile", "README.md", "--site", "not a domain"], "--site needs a domain"),
    (["profile", "README.md", "--site", "a.nl", "--explained-burst", "March"], "YYYY-MM-DD"),
])
def test_profile_bad_arguments(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2 and message in err and err.count("\n") == 1


def _sample_file() -> str:
    from linkwijzer.profile.importing.samples import SAMPLES

    return str(SAMPLES["overoptimised"].paths()[0])


def test_a_closed_pipe_ends_quietly():
    """``linkwijzer … | head -1``: the reader leaves early; no BrokenPipe traceback, status 0."""
    shell = f"'{BIN}' profile '{_sample_file()}' --site snelle-ebikes.nl --json | head -1"
    run = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "{"
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr, run.stderr


@pytest.mark.parametrize("flag", ["--report", "--links-csv"])
def test_an_impossible_output_path_is_one_line(capsys, tmp_path, flag):
    status, out, err = run(capsys, "profile", _sample_file(), "--site", "snelle-ebikes.nl", flag,
                           str(tmp_path / "no-such-folder" / "out.html"))
    assert status == 2 and out == ""
    assert err.startswith("linkwijzer: cannot write") and err.count("\n") == 1


def test_profile_takes_competitors_and_says_so_in_json(capsys):
    from linkwijzer.profile.importing.samples import SAMPLES

    competitors = [arg for name in ("competitor_fietsplein", "competitor_ebikecentrum")
                   for path in SAMPLES[name].paths() for arg in ("--competitor", f"{name}={path}")]
    sample = SAMPLES["overoptimised"]
    own = [str(p) for p in sample.paths()] + [a for k in sample.keywords for a in ("--keyword", k)]
    status, out, err = run(capsys, "profile", *own, "--site", "snelle-ebikes.nl", *competitors, "--json",
                           "--lang", "en")
    assert status == 0, err
    condition = json.loads(out)["conditions"]["competitor_deviation"]
    assert condition["met"] is True and condition["competitors"] == ["competitor_fietsplein", "competitor_ebikecentrum"]
    assert any(d["measure"] == "anchor_mix.exact" for d in condition["deviations"])
    status, out, _ = run(capsys, "profile", _sample_file(), "--site", "snelle-ebikes.nl", "--json")
    assert json.loads(out)["conditions"]["competitor_deviation"] == {"met": False, "competitors": [], "deviations": []}
