"""Every real export in shared/data/exports, reviewed as a new user would: format, rows, lost links and the
judgments an experienced consultant expects — lost links left out, a broken-backlinks report as a reclaim
list, a domain move not read as a burst, placeholder IPs never a network, folding that keeps anchors,
domains-only files without a verdict, the gap named with the right export type, two sites named apart.

Expected counts are read from the raw files here (the csv module), never copied into the repository.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from linkwijzer.i18n import text
from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.outputs.reclaim import reclaim_list
from linkwijzer.profile.review.filters import Filters
from linkwijzer.profile.review.run import review_profile
from linkwijzer.profile.review.scope import scope_of
from linkwijzer.profile.review.settings import ProfileSettings
from tests.profile.conftest import EXPORTS, export_files, readme_rows

BIN = Path(sys.executable).parent / "linkwijzer"

# file -> (format, reviewed as: links / reclaim / aggregate, the outcome's reason when there is nothing to judge)
TABLE = {
    "ahrefs_backlinks_all_lost_2026-09_utf8.csv": ("ahrefs", "links", "all_lost"),
    "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv": ("ahrefs", "links", ""),
    "ahrefs_broken_backlinks_2026-04_utf8.csv": ("ahrefs_broken", "reclaim", "reclaim_only"),
    "gsc_latest_links_2020_crlf.csv": ("gsc_links", "links", ""),
    "gsc_latest_links_last_crawled_2025.csv": ("gsc_links", "links", ""),
    "gsc_top_linking_sites_2025.csv": ("gsc_sites", "aggregate", "no_link_rows"),
    "gsc_top_linking_text_2026.csv": ("gsc_anchors", "aggregate", "no_link_rows"),
    "majestic_refdomains_historic_2013.csv": ("majestic_domains", "aggregate", "no_link_rows"),
    "semrush_backlink_audit_2026.csv": ("semrush_audit", "links", ""),
    "semrush_backlinks_2026_19col.csv": ("semrush", "links", ""),
    "semrush_backlinks_legacy_2018_18col.csv": ("semrush", "links", ""),
}
LOST_COLUMNS = {"Lost": "date", "Lost link": "true"}


def raw(name: str) -> list[dict[str, str]]:
    data = (EXPORTS / name).read_bytes()
    body = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    delimiter = "\t" if body.split("\n", 1)[0].count("\t") > 1 else ","
    return list(csv.DictReader(io.StringIO(body, newline=""), delimiter=delimiter))


def lost_in_raw(rows: list[dict[str, str]]) -> int:
    """Rows the vendor marks lost, counted independently of the importer."""
    def lost(row: dict[str, str]) -> bool:
        return bool((row.get("Lost") or "").strip()) or bool((row.get("Lost status") or "").strip()) \
            or (row.get("Lost link") or "").strip().lower() == "true"
    return sum(lost(r) for r in rows)


def review(name: str, lang: str = "en", **filters):
    imported = import_files([(name, EXPORTS / name)], lang=lang)
    scope = scope_of(imported, "", lang)
    result = review_profile(scope.links, imported.aggregates, ProfileSettings(site="example.com"), lang,
                            filters=Filters(**filters), reclaim_rows=len(imported.reclaim))
    return imported, result


def test_the_table_covers_every_file(exports):
    assert sorted(TABLE) == sorted(p.name for p in export_files())


@pytest.mark.parametrize("name", sorted(TABLE))
def test_format_rows_lost_and_outcome(exports, name):
    fmt, kind, reason = TABLE[name]
    imported, result = review(name)
    (report,) = imported.files
    assert (report.format, report.kind, report.rows) == (fmt, kind, readme_rows()[name])
    rows = raw(name)
    if kind == "links":
        # Folding may drop a repeated lost row, never mark a live one lost.
        marked = lost_in_raw(rows)
        assert marked - imported.folding.total <= imported.lost_links == result.lost_links <= marked
        live = imported.lost_links and not reason
        assert result.links == len(imported.links) - imported.lost_links
        if live:  # lost links are left out and the review says so, with the numbers
            assert any(f"{imported.lost_links:,} links are marked lost" in note for note in result.notes())
    assert result.insufficient == reason
    assert (result.outcome == "insufficient") == bool(reason)
    if reason:
        assert result.to_json()["insufficient"]["reason"] == reason
        assert not any(s.level in ("watch", "concern") for s in result.signals)


def test_lost_links_can_be_included(exports):
    name = "ahrefs_backlinks_all_lost_2026-09_utf8.csv"
    _, left_out = review(name)
    _, included = review(name, include_lost=True)
    assert left_out.outcome == "insufficient" and left_out.links == 0
    assert included.outcome != "insufficient" and included.links == 51 and included.lost_included


def test_the_broken_report_is_a_reclaim_list_by_value(exports):
    name = "ahrefs_broken_backlinks_2026-04_utf8.csv"
    imported, result = review(name)
    listed = reclaim_list(imported.reclaim)
    assert len(listed) == len(raw(name)) and len(imported.links) == 0
    assert set(listed["target_http_code"].dropna()) == {404}
    ratings = listed["domain_rating"].dropna().tolist()
    assert ratings == sorted(ratings, reverse=True)  # most valuable first
    assert result.notes() == [text("en", "review.insufficient.reclaim_only")]


def test_a_domain_move_is_not_a_burst(exports):
    """hbnobulk's March 2025 arrivals came through redirects from its old domain."""
    name = "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv"
    rows = raw(name)
    march = [r for r in rows if r["First seen"].startswith("2025-03")]
    via = [r for r in march if r["Redirect Chain URLs"].strip()]
    assert len(via) / len(march) > 0.95  # the fact, from the raw file
    _, result = review(name)
    bursts = result.measured["link_bursts"].bursts
    march_bursts = [b for b in bursts if b.start.startswith("2025-03")]
    assert march_bursts and all(b.explained and b.cause == "redirect" for b in march_bursts)
    assert march_bursts[0].redirect_from == "essentialnaturaloils.com"
    signal = result.signal("link_bursts")
    assert signal.level == "ok" and "essentialnaturaloils.com" in signal.why


def test_folding_keeps_every_anchor_of_a_page(exports):
    from linkwijzer.profile.importing.urls import normalise_url

    name = "semrush_backlinks_2026_19col.csv"
    rows = raw(name)
    pairs = {(normalise_url(r["Source url"]), normalise_url(r["Target url"])) for r in rows}
    triples = {(*pair, " ".join(r["Anchor"].split()).lower()) for pair, r in zip(
        [(normalise_url(r["Source url"]), normalise_url(r["Target url"])) for r in rows], rows)}
    imported, _ = review(name)
    # Folded are only repeats of page + target + anchor; a page's second anchor stays.
    assert len(imported.links) == len(triples) and len(triples) - len(pairs) > 100
    assert imported.folding.within_files == len(rows) - len(imported.links)
    assert imported.folding.across_files == 0


@pytest.mark.parametrize("name", ["gsc_latest_links_2020_crlf.csv", "gsc_latest_links_last_crawled_2025.csv"])
def test_gsc_gaps_name_search_console(exports, name):
    _, result = review(name)
    for signal_id in ("keyword_anchors", "link_bursts", "boilerplate_placement"):
        signal = result.signal(signal_id)
        assert signal.level == "unknown" and "Google Search Console" in signal.why
    assert result.quality["measured"] is False


@pytest.mark.parametrize("name", ["ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv", "semrush_backlinks_2026_19col.csv"])
def test_full_exports_never_blame_search_console(exports, name):
    _, result = review(name)
    everything = " ".join([s.why for s in result.signals] + result.notes())
    assert "Search Console" not in everything


def test_domains_only_files_count_their_domains(exports):
    _, sites = review("gsc_top_linking_sites_2025.csv")
    assert (sites.links, sites.referring_domains) == (0, len(raw("gsc_top_linking_sites_2025.csv")))
    _, majestic = review("majestic_refdomains_historic_2013.csv")
    assert majestic.referring_domains == len({r["Domain"].lower() for r in raw("majestic_refdomains_historic_2013.csv")})


def test_placeholder_ips_never_form_a_network(tmp_path):
    """Semrush 2018 referring-domain exports write 255.255.255.255 for an unknown IP."""
    domains = [f"site{i}.fr" for i in range(100)]
    links = "Page score,Page trust score,Source title,Source url,Target url,Anchor,External links,Internal links," \
            "Nofollow,Text,Frame,Form,Image,Sitewide,First seen,Last seen,New link,Lost link\n" + "".join(
                f"50,40,Titre {i},https://{d}/page,https://www.example.com/,ancre {i},3,4,false,true,false,false,false,"
                f"false,2018-05-23,2018-12-23,false,false\n" for i, d in enumerate(domains))
    refdomains = "Domain ascore,Domain score,Domain trust score,Domain,Backlinks,IP Address,Country,First seen," \
                 "Last seen\n" + "".join(f"30,20,10,{d},1,{'255.255.255.255' if i < 92 else f'93.184.{i}.1'},fr,"
                                         f"2018-05-23,2018-12-23\n" for i, d in enumerate(domains))
    imported = import_files([("links.csv", links.encode()), ("refdomains.csv", refdomains.encode())], lang="en")
    assert {f.format for f in imported.files} == {"semrush", "semrush_domains"}
    result = review_profile(imported.links, imported.aggregates, ProfileSettings(site="example.com"), "en")
    networks = result.measured["repeated_sources"].networks
    assert not networks["key"].astype(str).str.startswith("255.").any()
    assert result.signal("repeated_sources").level == "ok"


def test_two_sites_are_named_and_one_is_reviewed(exports, tmp_path):
    files = [str(EXPORTS / "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv"), str(EXPORTS / "semrush_backlinks_2026_19col.csv")]
    report = tmp_path / "report.html"
    run = subprocess.run([str(BIN), "profile", *files, "--site", "hbnobulk.com", "--json", "--lang", "en",
                          "--report", str(report)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [s["site"] for s in data["target_sites"]] == ["coinlineup.com", "hbnobulk.com"]
    assert "2 different sites" in run.stderr and "hbnobulk.com" in run.stderr
    assert data["reviewed_site"] == "hbnobulk.com"
    imported = import_files([(Path(f).name, Path(f)) for f in files])
    hbno = imported.links["source_file"].astype(str).str.startswith("ahrefs")
    assert data["links"] == int((hbno & ~imported.links["lost"]).sum())
    # The report says what the JSON says: outcome, every note, every signal's why.
    html = report.read_text(encoding="utf-8")
    plain = re.sub(r"&#39;|&#x27;", "'", html).replace("&amp;", "&").replace("&quot;", '"')
    assert text("en", f"review.outcome.{data['outcome']}") in plain
    for note in data["notes"] + data["import_notes"]:
        assert note in plain, note
    for signal in data["signals"]:
        assert signal["why"] in plain, signal["id"]
