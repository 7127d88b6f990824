"""Monthly snapshots cut from a real Ahrefs export: domains gained and lost, checked against a count made without our code."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import tldextract

from linkwijzer.cli import main
from tests.conftest import SHARED_DATA
from tests.history.cuts import as_of, month_end, read_ahrefs, write_ahrefs

EXPORT = SHARED_DATA / "exports" / "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv"
MONTHS = ["2025-05", "2025-06", "2025-07", "2025-08", "2025-09"]
SITE = "hbnobulk.com"
pytestmark = pytest.mark.skipif(not EXPORT.exists(), reason="shared exports not present")
# the public suffix list bundled with tldextract, never fetched (no network in tests); private
# suffixes count, as everywhere in Linkwijzer: each someone.wixsite.com is a site of its own
_DOMAIN = tldextract.TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


def live_domains(rows: pd.DataFrame) -> set[str]:
    live = rows[rows["Lost"].isna()]
    return {_DOMAIN(url).top_domain_under_public_suffix for url in live["Referring page URL"]}


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    raw = read_ahrefs(EXPORT)
    expected, before = [], set()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LINKWIJZER_HISTORY", str(folder / "store"))
        for month in MONTHS:
            rows = as_of(raw, month)
            path = write_ahrefs(rows, folder / f"ahrefs-{month}.csv")
            date = month_end(month)
            assert main(["snapshot", str(path), "--site", SITE, "--date", date, "--json"]) == 0
            now = live_domains(rows)
            expected.append({"date": date, "links": int(rows["Lost"].isna().sum()), "new": len(now - before), "lost": len(before - now)})
            before = now
        yield expected, folder


def test_gained_and_lost_domains_match_an_independent_count(history, capsys, monkeypatch):
    expected, folder = history
    monkeypatch.setenv("LINKWIJZER_HISTORY", str(folder / "store"))
    capsys.readouterr()
    assert main(["history", "--site", SITE, "--json"]) == 0
    snapshots = json.loads(capsys.readouterr().out)["snapshots"]
    assert [s["date"] for s in snapshots] == [e["date"] for e in expected]  # oldest first
    assert [s["new_domains"] for s in snapshots] == [e["new"] for e in expected]
    assert [s["links"] for s in snapshots] == [e["links"] for e in expected]  # live links, as the review counts
    assert [s["lost_domains"] for s in snapshots] == [e["lost"] for e in expected]
    assert any(e["lost"] for e in expected) and all(e["new"] for e in expected)  # the cut really loses and gains
    for s in snapshots:
        assert s["outcome"] in ("healthy", "watch", "intervene")
        assert set(s["signals"].values()) <= {"ok", "watch", "concern", "unknown"}


def test_resaving_a_date_replaces_and_another_date_of_the_month_merges(history, capsys, monkeypatch, tmp_path):
    _, folder = history
    monkeypatch.setenv("LINKWIJZER_HISTORY", str(tmp_path / "store"))
    path = folder / "ahrefs-2025-09.csv"
    for _ in range(2):
        assert main(["snapshot", str(path), "--site", SITE, "--date", "2025-09-30", "--json"]) == 0
    once = json.loads(capsys.readouterr().out.split("}\n")[-2] + "}")
    august = folder / "ahrefs-2025-08.csv"
    assert main(["snapshot", str(august), "--site", SITE, "--date", "2025-09-02", "--json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert merged["date"] == "2025-09-30"  # one snapshot for the month, standing for its latest date
    assert merged["links"] == once["links"]  # August's links are all in September's: nothing doubles
    assert main(["history", "--site", SITE, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["snapshots"]) == 1
