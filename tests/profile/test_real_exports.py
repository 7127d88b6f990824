"""Every real export in shared/data/exports imports with the right format, row count and values.

Expected values are read from the raw files here (Python's csv module, the encoding the README
states), never copied into the repository.
"""

from __future__ import annotations

import csv
import io
import math
import random
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from linkwijzer.profile.importing.importer import import_files, read_header
from linkwijzer.profile.importing.urls import normalise_url
from tests.profile.conftest import export_files, readme_rows

# What each file is (our knowledge) and how its bytes arrive (the README's "bytes as found").
EXPECTED = {
    "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv": ("ahrefs", "utf-16-le", True, "\t"),
    "semrush_backlinks_2026_19col.csv": ("semrush", "utf-8", False, ","),
    "semrush_backlinks_legacy_2018_18col.csv": ("semrush", "utf-8", False, ","),
    "semrush_backlink_audit_2026.csv": ("semrush_audit", "utf-8", False, ","),
    "gsc_latest_links_2020_crlf.csv": ("gsc_links", "utf-8", False, ","),
    "gsc_top_linking_text_2026.csv": ("gsc_anchors", "utf-8", False, ","),
    "majestic_refdomains_historic_2013.csv": ("majestic_domains", "utf-8", False, ","),
    "ahrefs_backlinks_all_lost_2026-09_utf8.csv": ("ahrefs", "utf-8", False, ","),
    "ahrefs_broken_backlinks_2026-04_utf8.csv": ("ahrefs_broken", "utf-8", False, ","),
    "gsc_top_linking_sites_2025.csv": ("gsc_sites", "utf-8", False, ","),
    "gsc_latest_links_last_crawled_2025.csv": ("gsc_links", "utf-8", False, ","),
}
AGGREGATES = {"gsc_anchors", "majestic_domains", "gsc_sites"}
RECLAIM = {"ahrefs_broken"}


def _cases():
    return sorted(EXPECTED)


def raw_rows(path: Path, encoding: str, delimiter: str) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-16" if encoding.startswith("utf-16") else "utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_every_file_in_the_folder_is_covered(exports):
    assert sorted(p.name for p in export_files()) == sorted(EXPECTED)
    assert set(readme_rows()) == set(EXPECTED), "the README table and the folder disagree"


@pytest.mark.parametrize("name", _cases())
def test_detected_with_the_readme_row_count(exports, name):
    fmt, encoding, bom, delimiter = EXPECTED[name]
    result = import_files([(name, exports / name)], lang="en")
    assert not result.problems, [p.message("en") for p in result.problems]
    (report,) = result.files
    assert (report.format, report.encoding, report.bom, report.delimiter) == (fmt, encoding, bom, delimiter)
    assert report.rows == readme_rows()[name]
    assert report.skipped_count == 0 and report.unreadable_dates == []
    if fmt in AGGREGATES:
        assert len(result.aggregates[fmt]) == report.rows and len(result.links) == 0
    elif fmt in RECLAIM:
        assert len(result.reclaim) == report.rows and len(result.links) == 0
    else:
        assert len(result.links) + result.duplicates_removed == report.rows


@pytest.mark.parametrize("name", _cases())
def test_header_alone_tells_the_format(exports, name):
    info = read_header(exports / name)
    assert info.format == EXPECTED[name][0]
    # Detection uses the header, not the file name.
    result = import_files([("export.csv", (exports / name).read_bytes())])
    assert result.files[0].format == EXPECTED[name][0]


def _date(value: str, fmt: str):
    return pd.Timestamp(datetime.strptime(value, fmt)) if value else pd.NaT


def _text(value: str):
    return value if value != "" else None


def _same(actual, expected) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)) or expected is pd.NaT:
        return pd.isna(actual)
    return actual == expected


# canonical field -> function of one raw row giving the value the import must hold
LINK_CHECKS = {
    "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv": {
        "source_title": lambda r: _text(r["Referring page title"]),
        "anchor": lambda r: _text(r["Anchor"]),
        "left_context": lambda r: _text(r["Left context"]),
        "first_seen": lambda r: _date(r["First seen"], "%Y-%m-%d %H:%M:%S"),
        "last_seen": lambda r: _date(r["Last seen"], "%Y-%m-%d %H:%M:%S"),
        "nofollow": lambda r: r["Nofollow"] == "true",
        "ugc": lambda r: r["UGC"] == "true",
        "sponsored": lambda r: r["Sponsored"] == "true",
        "lost": lambda r: bool(r["Lost"] or r["Lost status"]),
        "link_type": lambda r: r["Type"],
        "placement": lambda r: "content" if r["Content"] == "true" else ("image" if r["Type"] == "image" else "unknown"),
        "domain_rating": lambda r: float(r["Domain rating"]),
        "url_rating": lambda r: float(r["UR"]),
        "links_in_group": lambda r: int(r["Links in group"]),
        "language": lambda r: _text(r["Language"]),
        "extra:Discovered status": lambda r: _text(r["Discovered status"]),
    },
    "semrush_backlinks_2026_19col.csv": {
        "source_title": lambda r: _text(r["Source title"]),
        "anchor": lambda r: _text(r["Anchor"]),
        "first_seen": lambda r: _date(r["First seen"], "%Y-%m-%d"),
        "last_seen": lambda r: _date(r["Last seen"], "%Y-%m-%d"),
        "nofollow": lambda r: r["Nofollow"] == "true",
        "sponsored": lambda r: r["Sponsored"] == "true",
        "ugc": lambda r: r["Ugc"] == "true",
        "sitewide": lambda r: r["Sitewide"] == "true",
        "lost": lambda r: r["Lost link"] == "true",
        "page_ascore": lambda r: float(r["Page ascore"]),
        "external_links": lambda r: int(r["External links"]),
        "extra:New link": lambda r: r["New link"],
    },
    "semrush_backlinks_legacy_2018_18col.csv": {
        "anchor": lambda r: _text(r["Anchor"]),
        "page_ascore": lambda r: float(r["Page score"]),
        "page_trust_score": lambda r: float(r["Page trust score"]),
        "first_seen": lambda r: _date(r["First seen"], "%Y-%m-%d"),
        "nofollow": lambda r: r["Nofollow"] == "true",
        "sponsored": lambda r: None,  # the 2018 layout has no such column: unknown, not false
    },
    "semrush_backlink_audit_2026.csv": {
        "source_title": lambda r: _text(r["Source Page Title"]),
        "anchor": lambda r: _text(r["Anchor"]),
        "vendor_anchor_type": lambda r: r["Anchor Type"],
        "link_type": lambda r: {"a": "text", "img": "image", "iframe": "frame"}[r["Link Type"]],
        "nofollow": lambda r: r["No Follow"] == "true",
        "toxic_score": lambda r: float(r["Toxic Score"]),
        "domain_ascore": lambda r: float(r["Domain Authority Score"]),
        "first_seen": lambda r: _date(r["First Seen"], "%Y-%m-%d"),
    },
    "gsc_latest_links_2020_crlf.csv": {
        "last_seen": lambda r: _date(r["Last crawled"], "%Y-%m-%d"),
        "anchor": lambda r: None,
        "nofollow": lambda r: None,
        "first_seen": lambda r: pd.NaT,
    },
}
URL_COLUMNS = {
    "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv": ("Referring page URL", "Target URL"),
    "semrush_backlinks_2026_19col.csv": ("Source url", "Target url"),
    "semrush_backlinks_legacy_2018_18col.csv": ("Source url", "Target url"),
    "semrush_backlink_audit_2026.csv": ("Source URL", "Target URL"),
    "gsc_latest_links_2020_crlf.csv": ("Linking page", None),
}


@pytest.mark.parametrize("name", sorted(LINK_CHECKS))
def test_link_values_match_the_raw_file(exports, name):
    _, encoding, _, delimiter = EXPECTED[name]
    raw = raw_rows(exports / name, encoding, delimiter)
    source_col, target_col = URL_COLUMNS[name]
    links = import_files([(name, exports / name)]).links
    keys = [normalise_url(r[source_col]) + " " + normalise_url(r[target_col] if target_col else "") for r in raw]
    unique = [r for r, k in zip(raw, keys) if keys.count(k) == 1] if len(raw) < 3000 else None
    if unique is None:
        counts = pd.Series(keys).value_counts()
        unique = [r for r, k in zip(raw, keys) if counts[k] == 1]
    picked = random.Random(7).sample(unique, min(40, len(unique)))
    by_source = links.set_index("source_url")
    for row in picked:
        found = by_source.loc[[row[source_col]]]
        if target_col:
            found = found[found["target_url"].astype(str) == row[target_col]]
        assert len(found) == 1, row[source_col]
        link = found.iloc[0]
        assert link["source_host"] == row[source_col].split("/")[2].lower()
        assert link["source_file"] == name
        for field, expected in LINK_CHECKS[name].items():
            assert _same(link[field], expected(row)), (field, link[field], expected(row))


def test_registrable_domains_use_the_public_suffix_list(exports):
    name = "semrush_backlinks_legacy_2018_18col.csv"
    links = import_files([(name, exports / name)]).links
    wiki = links[links["source_host"] == "fr.wikipedia.org"]
    assert not wiki.empty and set(wiki["source_domain"]) == {"wikipedia.org"}


def test_majestic_referring_domains_aggregate(exports):
    name = "majestic_refdomains_historic_2013.csv"
    raw = raw_rows(exports / name, "utf-8", ",")
    result = import_files([(name, exports / name)])
    table = result.aggregates["majestic_domains"]
    assert len(table) == len(raw) == result.referring_domains
    for index in (0, 1, 100, len(raw) - 1):
        row, got = raw[index], table.iloc[index]
        first_col = next(c for c in row if c.startswith("FirstLinkDate_"))
        links_col = next(c for c in row if c.startswith("BackLinks_"))
        assert got["domain"] == row["Domain"]
        assert got["ref_domains"] == int(row["RefDomains"])
        assert got["trust_flow"] == float(row["TrustFlow"])
        assert got["links"] == int(row[links_col])
        assert got["first_seen"] == _date(row[first_col], "%d/%m/%Y %H:%M")
        assert got["ip"] == row["IP"]


def test_gsc_top_linking_text_aggregate(exports):
    name = "gsc_top_linking_text_2026.csv"
    raw = raw_rows(exports / name, "utf-8", ",")
    result = import_files([(name, exports / name)], lang="nl")
    table = result.aggregates["gsc_anchors"]
    assert table["anchor"].tolist() == [r["Link text"] for r in raw]
    assert table["rank"].tolist() == [int(r["Rank"]) for r in raw]
    assert "gsc_anchors" in result.files[0].notes


def test_gsc_links_say_what_cannot_be_measured(exports):
    name = "gsc_latest_links_2020_crlf.csv"
    result = import_files([(name, exports / name)], lang="en")
    assert result.files[0].notes == ["gsc_links"]
    note = result.summary()["files"][0]["notes"][0]
    assert "anchor" in note and "first-seen" in note
    assert result.links["target_url"].isna().all()


def test_all_real_exports_at_once(exports):
    files = [(p.name, p) for p in export_files()]
    result = import_files(files, lang="en")
    assert not result.problems
    links_rows = sum(f.rows for f in result.files if f.kind == "links")
    assert len(result.links) == links_rows - result.duplicates_removed
    assert set(result.aggregates) == AGGREGATES
    assert set(result.links["source_file"].unique()) == {n for n, (f, *_) in EXPECTED.items()
                                                         if f not in AGGREGATES | RECLAIM}
    assert len(result.reclaim) == readme_rows()["ahrefs_broken_backlinks_2026-04_utf8.csv"]
