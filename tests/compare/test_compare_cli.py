"""``linkwijzer compare``: exit codes, one-line errors, text in both languages, the JSON contract, the CSV."""

from __future__ import annotations

import json

import pytest

from linkwijzer.profile.importing.samples import SAMPLE_DIR

from tests.compare.helpers import comparison, run_cli

OWN = str(SAMPLE_DIR / "fietsenvandijk_ahrefs_backlinks.csv")
PLEIN = f"fietsplein={SAMPLE_DIR / 'fietsplein_majestic_backlinks.csv'}"
CENTRUM = f"ebikecentrum={SAMPLE_DIR / 'ebikecentrum_moz_inbound_links.csv'}"
SETTINGS = ["--site", "fietsenvandijk.nl", "--brand", "Fietsen van Dijk", "--keyword", "fietsenmaker utrecht",
            "--keyword", "e-bike kopen", "--keyword", "e-bike onderhoud", "--keyword", "bakfiets kopen",
            "--topic", "fiets", "--topic", "e-bike", "--topic", "bakfiets", "--topic", "fietsenmaker",
            "--topic", "onderhoud", "--topic", "utrecht", "--topic", "mobiliteit"]


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("linkwijzer: "), err
    return err


def test_json_is_the_comparison(capsys):
    assert run_cli(["compare", OWN, "--competitor", PLEIN, "--competitor", CENTRUM, *SETTINGS, "--json",
                    "--lang", "en"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["profiles", "deviations", "link_gap"]
    assert out == json.loads(json.dumps(comparison("healthy", "en").to_json()))
    assert out["link_gap"] and all(row["url"] for row in out["link_gap"])


@pytest.mark.parametrize("lang, words", [("nl", ["Vergelijking met je concurrenten", "Linkgat", "Soort platform"]),
                                         ("en", ["Comparison with your competitors", "Link gap", "Kind of platform"])])
def test_text_output(capsys, lang, words):
    assert run_cli(["compare", OWN, "--competitor", PLEIN, "--competitor", CENTRUM, *SETTINGS, "--lang", lang]) == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out
    assert "fietsplein (fietsplein.nl)" in out and "ebikecentrum (ebikecentrum.nl)" in out


def test_over_optimised_text_names_the_deviations(capsys):
    files = [str(SAMPLE_DIR / n) for n in ("snelle-ebikes_semrush_backlinks.csv", "snelle-ebikes_semrush_refdomains.csv")]
    assert run_cli(["compare", *files, "--competitor", PLEIN, "--competitor", CENTRUM, "--keyword", "e-bike kopen",
                    "--keyword", "goedkope e-bike", "--topic", "e-bike", "--topic", "fiets", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "[concern] Anchor texts: Exact match" in out
    assert "This counts as the condition" in out
    assert "Jij" not in out and "snelle-ebikes.nl" in out  # the site was read from the exports' target URLs


def test_one_competitor_name_several_files(capsys):
    manual = SAMPLE_DIR / "fietsenvandijk_handmatig.csv"
    assert run_cli(["compare", str(SAMPLE_DIR / "fietsplein_majestic_backlinks.csv"),
                    "--competitor", f"vandijk={OWN}", "--competitor", f"vandijk={manual}", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out["profiles"]) == ["own", "vandijk"]
    from linkwijzer.profile.importing.samples import load_sample

    live = int((~load_sample("healthy").links["lost"]).sum())  # lost links are left out by default
    assert out["profiles"]["vandijk"]["links"] > live  # both files, merged


def test_gap_csv_is_written(tmp_path, capsys):
    target = tmp_path / "gap.csv"
    assert run_cli(["compare", OWN, "--competitor", PLEIN, "--competitor", CENTRUM, "--gap-csv", str(target),
                    "--json"]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig").startswith("Domein,")


@pytest.mark.parametrize("argv, message", [
    (["--competitor", "fietsplein"], "NAME=FILE"),
    (["--competitor", "=x.csv"], "NAME=FILE"),
    (["--competitor", "fietsplein="], "NAME=FILE"),
    (["--competitor", "own=" + OWN], "reserved"),
    (["--competitor", "x=/no/such/file.csv"], "no such file"),
    (["--competitor", PLEIN, "--site", "not a domain"], "--site"),
    ([f"--competitor=c{i}={OWN}" for i in range(6)], "at most 5"),
    ([], "--competitor"),
])
def test_bad_arguments_exit_2_with_one_line(capsys, argv, message):
    assert run_cli(["compare", OWN, *argv]) == 2
    assert message in one_line_error(capsys)


def test_missing_own_file_exits_2(capsys):
    assert run_cli(["compare", "/no/such/own.csv", "--competitor", PLEIN]) == 2
    assert "no such file: /no/such/own.csv" in one_line_error(capsys)


def test_unusable_files_exit_1(tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert run_cli(["compare", OWN, "--competitor", f"leeg={empty}"]) == 1
    assert "leeg" in capsys.readouterr().err
    assert run_cli(["compare", str(empty), "--competitor", PLEIN]) == 1


def test_five_competitors_are_fine(capsys):
    pairs = [f"--competitor=c{i}={SAMPLE_DIR / 'fietsplein_majestic_backlinks.csv'}" for i in range(5)]
    assert run_cli(["compare", OWN, *pairs, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["profiles"]) == 6
