"""The sample-data generator: byte-identical output, and the properties each profile was built with.

The generator runs once (in a subprocess, with a different hash seed) into a temporary folder;
its output must equal the committed files byte for byte. The property tests read the committed
files directly with pandas / csv, the way an importer would, and check the shapes of the real
vendor exports (../shared/formats.md) and the ground truth written in sample_data/README.md.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"
NOT_DATA = {"generate.py", ".gitattributes"}
TODAY = date(2026, 11, 1)

AHREFS = SAMPLE / "fietsenvandijk_ahrefs_backlinks.csv"
SEMRUSH = SAMPLE / "snelle-ebikes_semrush_backlinks.csv"
SEMRUSH_RD = SAMPLE / "snelle-ebikes_semrush_refdomains.csv"
GSC_LATEST = SAMPLE / "fietsenvandijk_gsc_latest_links.csv"
GSC_SITES = SAMPLE / "fietsenvandijk_gsc_top_linking_sites.csv"
GSC_TEXT = SAMPLE / "fietsenvandijk_gsc_top_linking_text.csv"
MAJESTIC = SAMPLE / "fietsplein_majestic_backlinks.csv"
MOZ = SAMPLE / "ebikecentrum_moz_inbound_links.csv"
HAND = SAMPLE / "fietsenvandijk_handmatig.csv"

AHREFS_HEADER = [
    "Referring page title", "Referring page URL", "Language", "Platform",
    "Referring page HTTP code", "Domain rating", "UR", "Domain traffic", "Referring domains",
    "Linked domains", "External links", "Page traffic", "Keywords", "Target URL",
    "Left context", "Anchor", "Right context", "Redirect Chain URLs",
    "Redirect Chain status codes", "Type", "Is spam", "Content", "Nofollow", "UGC",
    "Sponsored", "Rendered", "Raw", "Lost status", "Drop reason", "Discovered status",
    "First seen", "Last seen", "Lost", "Author", "Page type", "Page category",
    "Links in group"]
SEMRUSH_HEADER = ["Page ascore", "Source title", "Source url", "Target url", "Anchor",
                  "External links", "Internal links", "Nofollow", "Sponsored", "Ugc", "Text",
                  "Frame", "Form", "Image", "Sitewide", "First seen", "Last seen", "New link",
                  "Lost link"]
MAJESTIC_HEADER = ["Target URL", "Source URL", "Anchor Text", "Source Crawl Date",
                   "Source First Found Date", "FlagNoFollow", "FlagImageLink", "FlagRedirect",
                   "FlagFrame", "FlagOldCrawl", "FlagAltText", "FlagMention",
                   "SourceCitationFlow", "SourceTrustFlow", "TargetCitationFlow",
                   "TargetTrustFlow", "SourceTopicalTrustFlow_Topic_0",
                   "SourceTopicalTrustFlow_Value_0", "RefDomainTopicalTrustFlow_Topic_0",
                   "RefDomainTopicalTrustFlow_Value_0"]
MOZ_HEADER = ("URL,Title,Anchor Text,Spam Score,PA,DA,Linking Domains to Page,Target URL,"
              "Link Type,Link State,Date First Seen,Date Last Seen,Date Lost,HTTP Status Code,"
              "Links to Page,Outbound Domains from Page,Outbound Links from Page")

KEYWORDS = {
    "fietsenvandijk": {"fietsenmaker utrecht", "e-bike kopen", "e-bike kopen utrecht",
                       "bakfiets kopen", "fietsenwinkel utrecht", "e-bike onderhoud",
                       "fiets kopen utrecht", "fietsverzekering"},
    "snelle": {"e-bike kopen", "goedkope e-bike", "beste e-bike 2026", "elektrische fiets kopen",
               "e-bike aanbieding", "speed pedelec kopen", "e-bike kopen online",
               "goedkope elektrische fiets", "beste e-bike", "e-bike"},
    "fietsplein": {"fiets kopen", "e-bike kopen", "fietsenwinkel nieuwegein", "bakfiets kopen",
                   "fietsenwinkel", "fietsenmaker nieuwegein", "e-bike kopen nieuwegein"},
    "ebikecentrum": {"e-bike kopen", "e-bike kopen utrecht", "e-bike winkel",
                     "e-bike winkel utrecht", "goedkope e-bike", "elektrische fiets kopen",
                     "e-bike utrecht"},
}


def registrable(url: str) -> str:
    """Registrable domain; every invented host has a one-label public suffix."""
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split("?")[0].lower()
    return ".".join(host.split(".")[-2:])


def exact_domain_share(domains: pd.Series, anchors: pd.Series, keywords: set) -> float:
    norm = anchors.fillna("").str.lower().str.split().str.join(" ")
    exact = norm.isin(keywords)
    per_domain = exact.groupby(domains).any()
    return float(per_domain.mean())


def weekly(first_seen: pd.Series, start: str, groups: pd.Series | None = None) -> pd.Series:
    """Counts per Monday-week from start to the day before TODAY, zero weeks included."""
    days = pd.to_datetime(first_seen)
    if groups is not None:  # new referring domains: first date per domain
        days = days.groupby(groups).min()
    weeks = days.dt.to_period("W-SUN").dt.start_time
    index = pd.period_range(pd.Timestamp(start), pd.Timestamp(TODAY - timedelta(days=1)),
                            freq="W-SUN").start_time
    return weeks.value_counts().reindex(index, fill_value=0)


def mad(series: pd.Series) -> float:
    return float((series - series.median()).abs().median())


# ------------------------------------------------------------------------------------------
# the generator itself
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample_data")
    env = dict(os.environ, PYTHONHASHSEED="4242")  # a different hash seed than this process
    started = time.perf_counter()
    subprocess.run([sys.executable, str(SAMPLE / "generate.py"), "--out", str(out)],
                   check=True, env=env, cwd=str(out), capture_output=True)
    return out, time.perf_counter() - started


def test_output_is_byte_identical_to_the_committed_files(generated):
    out, _ = generated
    made = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in SAMPLE.iterdir() if p.is_file() and p.name not in NOT_DATA)
    assert made == committed
    for name in made:
        assert (out / name).read_bytes() == (SAMPLE / name).read_bytes(), f"{name} differs: rerun sample_data/generate.py"


def test_generator_is_fast(generated):
    assert generated[1] < 20


def test_generator_uses_no_clock_and_only_the_standard_library():
    source = (SAMPLE / "generate.py").read_text(encoding="utf-8")
    assert "date.today" not in source and "datetime.now" not in source and "time.time" not in source
    imports = set(re.findall(r"^(?:from|import) ([a-z_]+)", source, flags=re.M))
    assert imports <= {"__future__", "argparse", "csv", "io", "json", "math", "random", "re",
                       "sys", "unicodedata", "dataclasses", "datetime", "pathlib", "pandas"}


def test_every_file_is_reasonably_small():
    for path in SAMPLE.iterdir():
        assert path.stat().st_size < 4 * 1024 * 1024, path.name


def test_ground_truth_matches_the_files():
    truth = json.loads((SAMPLE / "ground_truth.json").read_text(encoding="utf-8"))
    assert truth["reference_today"] == "2026-11-01"
    assert truth[AHREFS.name]["links"] == len(read_ahrefs())
    assert truth[SEMRUSH.name]["links"] == len(read_semrush())
    assert truth[MAJESTIC.name]["links"] == len(read_majestic())
    assert truth[MOZ.name]["links"] == len(read_moz())
    for name, info in truth.items():
        if isinstance(info, dict) and "bytes" in info:
            assert (SAMPLE / name).stat().st_size == info["bytes"]
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    for name in truth:
        if name.endswith(".csv"):
            assert f"`{name}`" in readme


# ------------------------------------------------------------------------------------------
# 1. Ahrefs, healthy
# ------------------------------------------------------------------------------------------


def read_ahrefs() -> pd.DataFrame:
    return pd.read_csv(AHREFS, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False)


def test_ahrefs_bytes_are_those_of_a_real_ahrefs_export():
    raw = AHREFS.read_bytes()
    assert raw[:2] == b"\xff\xfe"
    text = raw.decode("utf-16")
    assert "\r" not in text and text.endswith("\n")
    lines = text[1:].split("\n")[:-1] if text.startswith("\ufeff") else text.split("\n")[:-1]
    field = r'"(?:[^"]|"")*"'
    every_field_quoted = re.compile(rf"^{field}(?:\t{field})*$")
    assert all(every_field_quoted.match(line) for line in lines)
    assert all(line.count("\t") == 36 for line in lines)  # no tabs inside fields
    header = next(csv.reader(io.StringIO(lines[0]), delimiter="\t"))
    assert header == AHREFS_HEADER


def test_ahrefs_values_look_like_ahrefs():
    df = read_ahrefs()
    assert 2_700 <= len(df) <= 3_400
    for col in ("Content", "Nofollow", "UGC", "Sponsored", "Rendered", "Raw", "Is spam"):
        assert set(df[col]) <= {"true", "false"}, col
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"
    assert df["First seen"].str.fullmatch(stamp).all()
    assert df["Last seen"].str.fullmatch(stamp).all()
    assert df["Lost"].str.fullmatch(f"|{stamp}").all()
    assert (df["Lost"] != "").eq(df["Lost status"] != "").all()
    assert set(df["Type"]) <= {"text", "image", "redirect", "canonical"}
    assert set(df["Lost status"]) <= {"", "pageerror", "notfound", "removedfromhtml", "lostredirect",
                                      "noindex", "pageredirected", "notcanonical"}
    assert set(df["Discovered status"]) <= {"linkfound", "linkrestored", "pagefound"}
    assert (df["First seen"] <= df["Last seen"]).all()
    assert (df["Last seen"] < "2026-11-01").all()
    assert (df["Referring page URL"].str.startswith("https://") | df["Referring page URL"].str.startswith("http://")).all()
    assert df["Target URL"].map(registrable).eq("fietsenvandijk.nl").all()


def test_ahrefs_profile_is_healthy_as_built():
    df = read_ahrefs()
    domains = df["Referring page URL"].map(registrable)
    assert 350 <= domains.nunique() <= 450
    first = pd.to_datetime(df["First seen"])
    assert 2 * 365 <= (first.max() - first.min()).days <= 4 * 365
    # anchors: exact match on at most ~5% of referring domains
    assert exact_domain_share(domains, df["Anchor"], KEYWORDS["fietsenvandijk"]) <= 0.05
    # placement: mostly in content; a natural follow/nofollow mix; a few lost links
    assert (df["Content"] == "true").mean() >= 0.75
    assert 0.15 <= (df["Nofollow"] == "true").mean() <= 0.5
    assert 0.01 <= (df["Lost"] != "").mean() <= 0.08
    # deep pages
    deep = df["Target URL"].str.replace(r"^https?://[^/]+/", "", regex=True) != ""
    assert deep.mean() >= 0.1
    assert df["Target URL"].str.contains("/werkplaats/onderhoud/").any()
    # sitewide template links: only the two explainable partners, in the hundreds
    group = df["Links in group"].astype(int)
    sitewide = set(domains[group >= 100])
    assert sitewide == {"ondernemersvereniging-lombok.nl", "wtc-de-domrenners.nl"}
    assert 100 <= group.max() < 1000
    # no single domain dominates
    assert domains.value_counts(normalize=True).iloc[0] < 0.05


def test_ahrefs_growth_is_steady_without_bursts():
    df = read_ahrefs()
    domains = df["Referring page URL"].map(registrable)
    links = weekly(df["First seen"], "2023-01-09")
    new_domains = weekly(df["First seen"], "2023-01-09", groups=domains)
    assert links.max() <= links.median() + 5 * 1.4826 * mad(links)
    assert new_domains.max() <= 6
    # growth: the last year brings more links than the first
    assert links.iloc[-52:].sum() > links.iloc[:52].sum()


# ------------------------------------------------------------------------------------------
# 2. Semrush, over-optimised
# ------------------------------------------------------------------------------------------


def read_semrush() -> pd.DataFrame:
    return pd.read_csv(SEMRUSH, dtype=str, keep_default_na=False)


def read_refdomains() -> pd.DataFrame:
    return pd.read_csv(SEMRUSH_RD, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("path", [SEMRUSH, SEMRUSH_RD])
def test_semrush_bytes(path):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    assert text.count("\n") == text.count("\r\n")


def test_semrush_values_look_like_semrush():
    df = read_semrush()
    assert list(df.columns) == SEMRUSH_HEADER
    assert 5_000 <= len(df) <= 7_000
    for col in ("Nofollow", "Sponsored", "Ugc", "Text", "Frame", "Form", "Image", "Sitewide",
                "New link", "Lost link"):
        assert set(df[col]) <= {"true", "false"}, col
    for col in ("First seen", "Last seen"):
        assert df[col].str.fullmatch(r"\d{4}-\d\d-\d\d").all()
    assert (df["First seen"] <= df["Last seen"]).all()
    assert df["Page ascore"].astype(int).between(0, 100).all()
    assert (df["Text"] != df["Image"]).all()


def test_semrush_profile_is_over_optimised_as_built():
    df = read_semrush()
    domains = df["Source url"].map(registrable)
    assert exact_domain_share(domains, df["Anchor"], KEYWORDS["snelle"]) >= 0.40
    # footer / sitewide links repeated over many pages of the same domain
    sitewide = df[df["Sitewide"] == "true"]
    per_domain = sitewide.groupby(sitewide["Source url"].map(registrable))["Source url"].nunique()
    assert (per_domain >= 20).sum() >= 50  # paid footers and the network's blogroll
    # irrelevant sources
    unrelated = df["Source title"].str.contains(r"casino|gokken|spins|bitcoin|crypto|matras|moestuin|stofzuiger|Directory|Backlinks",
                                                case=False, regex=True)
    assert domains[unrelated].nunique() >= 100


def test_semrush_has_two_clear_bursts():
    df = read_semrush()
    truth = json.loads((SAMPLE / "ground_truth.json").read_text(encoding="utf-8"))[SEMRUSH.name]
    domains = df["Source url"].map(registrable)
    new_domains = weekly(df["First seen"], "2024-03-04", groups=domains)
    links = weekly(df["First seen"], "2024-03-04")
    burst_weeks = set()
    for burst in truth["bursts"].values():
        start, end = pd.Timestamp(burst["start"]), pd.Timestamp(burst["end"])
        assert (end - start).days <= 21
        weeks = new_domains[(new_domains.index >= start - pd.Timedelta(days=6)) & (new_domains.index <= end)]
        burst_weeks |= set(weeks.index)
        assert weeks.sum() >= 100
        assert links[weeks.index].sum() >= 300
    quiet = new_domains[~new_domains.index.isin(burst_weeks)]
    busy = new_domains[new_domains.index.isin(burst_weeks)]
    assert len(truth["bursts"]) == 2
    assert busy.max() >= 10 * max(quiet.median(), 1)
    assert quiet.max() < busy.min() or quiet.max() <= 10


def test_semrush_refdomains_cover_the_backlinks_and_the_network_shares_two_subnets():
    bl, rd = read_semrush(), read_refdomains()
    assert list(rd.columns) == ["Domain ascore", "Domain", "Backlinks", "IP Address", "Country",
                                "First seen", "Last seen"]
    counts = bl["Source url"].map(registrable).value_counts()
    assert set(rd["Domain"]) == set(counts.index)
    assert (rd.set_index("Domain")["Backlinks"].astype(int) == counts.reindex(rd["Domain"]).values).all()
    firsts = bl.groupby(bl["Source url"].map(registrable))["First seen"].min()
    assert (rd.set_index("Domain")["First seen"] == firsts.reindex(rd["Domain"]).values).all()
    subnet = rd["IP Address"].str.rsplit(".", n=1).str[0]
    sizes = subnet.value_counts()
    shared = sizes[sizes > 1]
    assert len(shared) == 2 and shared.sum() == 25
    network = set(rd.loc[subnet.isin(shared.index), "Domain"])
    # the network publishes identical templated titles across its domains
    titles = bl[bl["Source url"].map(registrable).isin(network)]
    per_title = titles.groupby("Source title")["Source url"].apply(lambda s: s.map(registrable).nunique())
    assert (per_title >= 18).sum() >= 5
    assert set(titles["Anchor"].str.lower()) <= KEYWORDS["snelle"]


# ------------------------------------------------------------------------------------------
# 3. Google Search Console
# ------------------------------------------------------------------------------------------


def test_gsc_latest_links():
    raw = GSC_LATEST.read_bytes()
    text = raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf") and not text.endswith("\n")
    assert text.count("\n") == text.count("\r\n")
    df = pd.read_csv(GSC_LATEST, dtype=str)
    assert list(df.columns) == ["Linking page", "Last crawled"]
    assert 0 < len(df) <= 1000
    assert df["Last crawled"].str.fullmatch(r"\d{4}-\d\d-\d\d").all()
    assert (df["Last crawled"] < "2026-11-01").all()
    assert list(df["Last crawled"]) == sorted(df["Last crawled"], reverse=True)
    ahrefs = read_ahrefs()
    live = set(ahrefs.loc[ahrefs["Lost"] == "", "Referring page URL"])
    assert set(df["Linking page"]) <= live


def test_gsc_top_linking_sites_and_text():
    for path in (GSC_SITES, GSC_TEXT):
        text = path.read_bytes().decode("utf-8")
        assert not text.endswith("\n") and "\r" not in text
    sites = pd.read_csv(GSC_SITES, dtype=str)
    assert list(sites.columns) == ["Site", "Linking pages", "Target pages"]
    assert len(sites) <= 1000
    ahrefs_domains = set(read_ahrefs()["Referring page URL"].map(registrable))
    assert set(sites["Site"]) <= ahrefs_domains
    pages = sites["Linking pages"].astype(int)
    assert list(pages) == sorted(pages, reverse=True)
    assert sites.iloc[0]["Site"] == "ondernemersvereniging-lombok.nl" and pages.iloc[0] >= 100
    texts = pd.read_csv(GSC_TEXT, dtype=str, keep_default_na=False)
    assert list(texts.columns) == ["Rank", "Link text"]
    assert list(texts["Rank"].astype(int)) == list(range(1, len(texts) + 1))
    assert texts["Link text"].str.fullmatch(r"[a-z0-9à-ÿ]+(?: [a-z0-9à-ÿ]+)*").all()
    assert texts.iloc[0]["Link text"] == "fietsen van dijk"
    assert "https www fietsenvandijk nl" in set(texts["Link text"])


# ------------------------------------------------------------------------------------------
# 4. competitors: Majestic and Moz
# ------------------------------------------------------------------------------------------


def read_majestic() -> pd.DataFrame:
    return pd.read_csv(MAJESTIC, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_majestic_bytes_and_values():
    raw = MAJESTIC.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.endswith("\r\n") and text.count("\n") == text.count("\r\n")
    lines = text.split("\r\n")[:-1]
    assert lines[0] == ",".join(f'"{h}"' for h in MAJESTIC_HEADER)
    assert all(line.startswith('"https://') for line in lines[1:])  # strings quoted
    df = read_majestic()
    assert list(df.columns) == MAJESTIC_HEADER
    assert 2_200 <= len(df) <= 2_800
    for col in MAJESTIC_HEADER[5:12]:
        assert set(df[col]) <= {"", "+"}, col
    for col in ("Source Crawl Date", "Source First Found Date"):
        assert df[col].str.fullmatch(r"\d{4}-\d\d-\d\d").all()
    for col in ("SourceCitationFlow", "SourceTrustFlow", "TargetCitationFlow", "TargetTrustFlow"):
        assert df[col].astype(int).between(0, 100).all()
    first = pd.to_datetime(df["Source First Found Date"])
    assert 2 * 365 <= (first.max() - first.min()).days <= 4 * 365


def read_moz() -> pd.DataFrame:
    return pd.read_csv(MOZ, encoding="utf-8-sig", skiprows=9, dtype=str, keep_default_na=False)


def test_moz_bytes_and_values():
    raw = MOZ.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.count("\n") == text.count("\r\n")
    lines = text.split("\r\n")
    assert set(lines[0]) == {"-"} and set(lines[7]) == {"-"} and lines[8] == ""
    assert lines[1] == "Inbound Links for,www.ebikecentrum.nl" and lines[2] == "Scope,fqdn"
    assert [line.split(",")[0] for line in lines[3:7]] == ["Sorted by", "Filters:", "Anchor text", "Source PLD"]
    assert lines[9] == MOZ_HEADER
    df = read_moz()
    assert 1_700 <= len(df) <= 2_300
    assert not df["URL"].str.contains("://").any() and not df["Target URL"].str.contains("://").any()
    assert df["Spam Score"].str.fullmatch(r"(\d+|--)%").all() and (df["Spam Score"] == "--%").any()
    assert set(df["Link Type"]) == {"follow", "nofollow"}
    date_or_dash = r"\d{4}-\d\d-\d\d|--"
    for col in ("Date First Seen", "Date Last Seen", "Date Lost"):
        assert df[col].str.fullmatch(date_or_dash).all(), col
    assert (df["Date First Seen"] == "--").any()
    assert ((df["Date Lost"] == "--") == (df["Link State"] == "active")).all()
    assert df["HTTP Status Code"].str.fullmatch(r"\d{3}|0|").all() and (df["HTTP Status Code"] == "").any()


def test_competitors_sit_between_healthy_and_over_optimised():
    ahrefs, semrush, majestic, moz = read_ahrefs(), read_semrush(), read_majestic(), read_moz()
    healthy = exact_domain_share(ahrefs["Referring page URL"].map(registrable), ahrefs["Anchor"], KEYWORDS["fietsenvandijk"])
    over = exact_domain_share(semrush["Source url"].map(registrable), semrush["Anchor"], KEYWORDS["snelle"])
    plein = exact_domain_share(majestic["Source URL"].map(registrable), majestic["Anchor Text"], KEYWORDS["fietsplein"])
    centrum = exact_domain_share(moz["URL"].map(registrable), moz["Anchor Text"], KEYWORDS["ebikecentrum"])
    assert healthy < plein < centrum < over
    assert centrum < 0.40
    # fietsplein: more editorial news mentions than the healthy profile
    news = lambda urls: urls.str.contains(r"/nieuws/\d{4}/", regex=True).mean()
    assert news(majestic["Source URL"]) > news(ahrefs["Referring page URL"])
    # ebikecentrum: more directory and forum pages than the healthy profile
    dirs = lambda urls: urls.str.contains(r"/bedrijf/|/fietsenwinkels/|/fietsenmakers/|topic|viewtopic|threads", regex=True).mean()
    assert dirs("https://" + moz["URL"]) > dirs(ahrefs["Referring page URL"])


# ------------------------------------------------------------------------------------------
# 5. the home-made spreadsheet
# ------------------------------------------------------------------------------------------


def test_handmade_csv_is_cp1252_semicolon_day_first():
    raw = HAND.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert all(ch in text for ch in "éë€")
    assert text.endswith("\r\n") and text.count("\n") == text.count("\r\n")
    assert text.startswith("Bron URL;Ankertekst;Doel URL;Eerst gezien;Opmerking\r\n")
    df = pd.read_csv(HAND, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    assert 140 <= len(df) <= 160
    dates = pd.to_datetime(df["Eerst gezien"], format="%d-%m-%Y", errors="coerce")
    truth = json.loads((SAMPLE / "ground_truth.json").read_text(encoding="utf-8"))[HAND.name]
    unreadable = [i + 1 for i in range(len(df)) if pd.isna(dates.iloc[i])]
    assert unreadable == truth["rows_without_readable_date"] and len(unreadable) <= 5
    assert (dates.dt.day > 12).any() and (dates.dt.day <= 12).any()  # day-first shows
    assert dates.max() < pd.Timestamp("2026-11-01")
