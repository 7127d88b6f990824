"""The portfolio over a folder of sites: worst first, bad folders as errors, the same result on every engine."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from linkwijzer.cli import main
from linkwijzer.history.portfolio import LOOPBACK_ONLY, review_site, run_portfolio
from tests.conftest import ROOT, SHARED_DATA
from tests.history.cuts import as_of, read_ahrefs, write_ahrefs

SAMPLES = ROOT / "sample_data"
AHREFS = SHARED_DATA / "exports" / "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv"


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    root = tmp_path_factory.mktemp("portfolio")
    (root / "fietsenvandijk.nl").mkdir()
    shutil.copy(SAMPLES / "fietsenvandijk_ahrefs_backlinks.csv", root / "fietsenvandijk.nl")
    (root / "fietsplein.nl").mkdir()
    shutil.copy(SAMPLES / "fietsplein_majestic_backlinks.csv", root / "fietsplein.nl")
    if AHREFS.exists():  # two months of a real export, for a change since the previous snapshot
        raw = read_ahrefs(AHREFS)
        for month in ("2025-08", "2025-09"):
            (root / "hbnobulk.com" / month).mkdir(parents=True)
            write_ahrefs(as_of(raw, month), root / "hbnobulk.com" / month / "ahrefs.csv")
    (root / "kapot.nl").mkdir()
    (root / "kapot.nl" / "export.csv").write_bytes(b"\x00\x01\x02 not an export \xff" * 50)
    (root / "Geen Domein").mkdir()
    (root / "leeg.nl").mkdir()
    return root


def test_sites_sorted_by_attention_and_bad_folders_as_errors(portfolio):
    result = run_portfolio(portfolio, "local", workers=2)
    sites = {s["site"]: s for s in result["sites"]}
    assert {"fietsenvandijk.nl", "fietsplein.nl"} <= set(sites)
    assert {e["site"] for e in result["errors"]} == {"kapot.nl", "geen domein", "leeg.nl"}
    ranks = [{"intervene": 0, "watch": 1, "healthy": 2}[s["outcome"]] for s in result["sites"]]
    assert ranks == sorted(ranks)
    if "hbnobulk.com" in sites:
        hb = sites["hbnobulk.com"]
        assert hb["snapshots"] == 2 and hb["date"].startswith("2025-09")
        assert 0 < hb["new_domains"] < hb["referring_domains"]


def test_one_process_and_a_pool_agree(portfolio):
    assert run_portfolio(portfolio, "local", workers=1) == run_portfolio(portfolio, "local", workers=2)


def test_cli_json_keys(portfolio, capsys):
    assert main(["portfolio", str(portfolio), "--workers", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"sites", "errors"}
    for site in out["sites"]:
        assert list(site)[:6] == ["site", "outcome", "links", "referring_domains", "new_domains", "signals"]


def test_a_missing_folder_is_one_line(tmp_path, capsys):
    assert main(["portfolio", str(tmp_path / "nergens")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_review_site_never_raises(tmp_path):
    assert "error" in review_site(str(tmp_path / "bestaat.niet"))


def test_ray_gives_the_same_result(portfolio, monkeypatch):
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setenv(LOOPBACK_ONLY, "0")
    ray = pytest.importorskip("ray")
    local = run_portfolio(portfolio, "local", workers=2)
    assert run_portfolio(portfolio, "ray", workers=2) == local
    assert not ray.is_initialized()


def test_ray_binds_and_talks_on_loopback_only(portfolio, monkeypatch):
    """While the portfolio's Ray runs, no Ray socket listens on or talks to a non-loopback address."""
    if shutil.which("ss") is None:
        pytest.skip("ss not installed")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setenv(LOOPBACK_ONLY, "0")
    pytest.importorskip("ray")
    seen = []

    def look(done, total, result):  # runs while Ray is up, between results
        seen.append(subprocess.run(["ss", "-tanpH"], capture_output=True, text=True, check=True).stdout)

    run_portfolio(portfolio, "ray", workers=1, progress=look)
    ray_lines = [line for out in seen for line in out.splitlines()
                 if any(name in line for name in ("ray", "gcs_server", "python"))]
    assert ray_lines  # the check saw Ray's sockets
    outside = [line for line in ray_lines
               if not all(part.startswith(("127.", "[::1]", "[::ffff:127.", "*:", "0.0.0.0:"))
                          for part in line.split()[3:5])
               or line.split()[3].startswith(("*:", "0.0.0.0:", "[::]:"))]
    assert outside == []
