"""Layouts with no real file in shared/ (Moz, Majestic backlinks, Ahrefs aggregates, old Ahrefs),
built from the column names in shared/formats.md; plus dates in every form vendors write."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pytest

from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.importing.values import to_count, to_dates, to_number

MOZ = (
    "\ufeff------------------------------------\r\n"
    "Inbound Links for,fietsenwinkel.nl\r\n"
    "Scope,fqdn\r\n"
    "Sorted by,Page Authority\r\n"
    "Filters:,All links\r\n"
    "Anchor text,all\r\n"
    "Source PLD,all\r\n"
    "------------------------------------\r\n"
    "\r\n"
    "URL,Title,Anchor Text,Spam Score,PA,DA,Linking Domains to Page,Target URL,Link Type,Link State,"
    "Date First Seen,Date Last Seen,Date Lost,HTTP Status Code,Links to Page,Outbound Domains from Page,"
    "Outbound Links from Page\r\n"
    "www.fietsblog.nl/route/,Route langs de Vecht,fietsenwinkel,4%,31,28,12,fietsenwinkel.nl/,follow,active,"
    "2023-05-01,2026-10-02,--,200,40,12,80\r\n"
    "nieuws.utrecht.nl/artikel,\"Nieuws, kort\",hier,--%,20,55,3,fietsenwinkel.nl/werkplaats,nofollow,lost,"
    "--,2025-01-02,2025-03-04,,5,3,9\r\n"
)


def test_moz_with_preamble():
    result = import_files([("moz.csv", MOZ.encode("utf-8"))], lang="en")
    report = result.files[0]
    assert (report.format, report.header_row, report.rows, report.bom) == ("moz", 10, 2, True)
    links = result.links
    assert links["source_url"].tolist() == ["http://www.fietsblog.nl/route/", "http://nieuws.utrecht.nl/artikel"]
    assert links["source_domain"].tolist() == ["fietsblog.nl", "utrecht.nl"]
    assert links["spam_score"].iloc[0] == 4.0 and pd.isna(links["spam_score"].iloc[1])
    assert links["nofollow"].tolist() == [False, True]
    assert links["domain_authority"].tolist() == [28.0, 55.0]
    assert pd.isna(links["first_seen"].iloc[1]) and links["lost_date"].iloc[1] == pd.Timestamp("2025-03-04")
    assert links["lost"].tolist() == [False, True]
    assert report.unreadable_dates == [], "'--' means unknown, not unreadable"
    assert links["source_title"].iloc[1] == "Nieuws, kort" and not links["lost"].iloc[0]  # Link State "active"


MAJESTIC = (
    '"Target URL","Source URL","Anchor Text","Source Crawl Date","Source First Found Date","FlagNoFollow",'
    '"FlagImageLink","FlagRedirect","FlagFrame","FlagOldCrawl","FlagAltText","FlagMention","SourceCitationFlow",'
    '"SourceTrustFlow","TargetCitationFlow","TargetTrustFlow","SourceTopicalTrustFlow_Topic_0",'
    '"SourceTopicalTrustFlow_Value_0","RefDomainTopicalTrustFlow_Topic_0","RefDomainTopicalTrustFlow_Value_0"\r\n'
    '"https://fietsplein.nl/","https://blog.nl/a","fietsplein",2026-10-01,2024-02-03,,,,,,,,21,14,30,20,"Recreation/Cycling",12,"Recreation",9\r\n'
    '"https://fietsplein.nl/","https://img.nl/b","",2026-09-01,2023-12-31,"Y","Y",,,,"Y",,5,3,30,20,"Shopping",2,"Shopping",1\r\n'
    '"https://fietsplein.nl/","https://oud.nl/c","klik",2026-08-01,2022-01-15,,,"Y",,,,,1,0,30,20,"",0,"",0\r\n'
)


def test_majestic_backlinks_flags_are_set_when_filled():
    result = import_files([("majestic.csv", ("\ufeff" + MAJESTIC).encode("utf-8"))])
    links = result.links
    assert result.files[0].format == "majestic"
    assert links["nofollow"].tolist() == [False, True, False]
    assert links["link_type"].tolist()[1:] == ["image", "redirect"] and pd.isna(links["link_type"].iloc[0])
    assert links["placement"].tolist() == ["unknown", "image", "unknown"]
    assert links["trust_flow"].tolist() == [14.0, 3.0, 0.0] and links["citation_flow"].tolist()[0] == 21.0
    assert links["first_seen"].tolist()[0] == pd.Timestamp("2024-02-03")
    assert links["extra:FlagAltText"].tolist()[1] == "Y"


def test_ahrefs_aggregates():
    domains = "Domain\tIs spam\tDR\tDofollow ref. domains\tDofollow linked domains\tTraffic \tKeywords \tLinks to target\tDofollow links\tFirst seen\tLost\n" \
              "fietsblog.nl\tfalse\t31\t12\t40\t1200\t30\t5\t4\t2024-01-02 10:00:00\t\n"
    anchors = "Anchor text\tRef. domains\tTop DR\tRef. pages\tLinks to target\tNew links\tLost links\tDofollow links\tFirst seen\tLost\n" \
              "fietsenwinkel\t12\t60\t30\t31\t1\t0\t28\t2023-02-03 00:00:00\t\n"
    ips = "Subnet\tRef. domains\tTop DR\tLinks to target\tNew links\tLost links\tDofollow links\tFirst seen\tLost\tIPs in subnet\tCountry\tISP\n" \
          "185.12.0.0/24\t3\t40\t9\t0\t1\t8\t2024-05-05 00:00:00\t\t2\tNL\tHosting BV\n"
    result = import_files([(n, t.encode("utf-16")) for n, t in
                           (("d.csv", domains), ("a.csv", anchors), ("i.csv", ips))])
    assert [f.format for f in result.files] == ["ahrefs_domains", "ahrefs_anchors", "ahrefs_ips"]
    assert result.aggregates["ahrefs_domains"]["traffic"].tolist() == [1200]
    assert result.aggregates["ahrefs_anchors"]["ref_pages"].tolist() == [30]
    assert result.aggregates["ahrefs_ips"]["isp"].tolist() == ["Hosting BV"]
    assert result.referring_domains == 1 and len(result.links) == 0


def test_semrush_referring_domains_count_as_referring_domains():
    data = "Domain ascore,Domain,Backlinks,IP Address,Country,First seen,Last seen\n" \
           "40,www.fietsblog.nl,12,1.2.3.4,NL,2024-01-01,2026-01-01\n33,news.bbc.co.uk,1,5.6.7.8,GB,2025-02-02,2026-01-01\n"
    result = import_files([("rd.csv", data.encode())])
    assert result.files[0].format == "semrush_domains"
    assert result.aggregates["semrush_domains"]["links"].tolist() == [12, 1]
    assert result.referring_domains == 2


def test_ahrefs_before_2023():
    data = "Referring Page URL\tReferring Page Title\tLink URL\tAnchor Text\tType\tDomain Rating\tFirst Seen\tLast Check\tDay Lost\n" \
           "https://blog.nl/a\tA\thttps://x.nl/\tx\tNofollow\t30\t2021-03-04\t2022-01-01\t\n" \
           "https://blog.nl/b\tB\thttps://x.nl/\ty\tDofollow\t30\t2021-03-05\t2022-01-01\t2022-02-02\n"
    result = import_files([("old.csv", data.encode("utf-16"))])
    links = result.links
    assert result.files[0].format == "ahrefs" and result.files[0].layout == "backlinks before 2023"
    assert links["nofollow"].tolist() == [True, False] and links["lost"].tolist() == [False, True]


@pytest.mark.parametrize("values,formats,expected", [
    (["2025-11-25 14:30:00", "2025-01-02 00:00:01"], (), ["2025-11-25 14:30:00", "2025-01-02 00:00:01"]),
    (["25/11/2026 14:30", "01/02/2026 09:05"], (), ["2026-11-25 14:30", "2026-02-01 09:05"]),  # day first
    (["25-11-2026", "3-2-2026"], (), ["2026-11-25", "2026-02-03"]),
    (["25.11.2026"], (), ["2026-11-25"]),
    (["11/25/2026", "02/13/2026"], (), ["2026-11-25", "2026-02-13"]),  # only month-first fits
    (["2026-11-25T08:00:00Z"], (), ["2026-11-25 08:00"]),
    (["25 nov. 2026", "3 mrt 2025", "12 oktober 2024 10:15"], (), ["2026-11-25", "2025-03-03", "2024-10-12 10:15"]),
    (["Nov 25, 2026"], (), ["2026-11-25"]),
])
def test_date_forms(values, formats, expected):
    parsed, unreadable = to_dates(pa.chunked_array([values]), formats)
    assert list(unreadable) == []
    assert [pd.Timestamp(v) for v in parsed.to_pylist()] == [pd.Timestamp(e) for e in expected]


def test_unreadable_dates_are_kept_and_named():
    parsed, unreadable = to_dates(pa.chunked_array([["2025-01-02", "gisteren", "--", None, "2025-02-30", ""]]),
                                  ("%Y-%m-%d",), ("--",))
    assert list(unreadable) == [1, 4]
    assert parsed.to_pylist()[0].year == 2025 and parsed.null_count == 5


def test_unreadable_dates_in_a_file_name_their_rows():
    data = "Bron URL,Eerst gezien\nhttps://a.nl/,2025-01-02\n\nhttps://b.nl/,morgen\nhttps://c.nl/,2025-13-45\n"
    report = import_files([("x.csv", data.encode())]).files[0]
    assert report.unreadable_dates == [4, 5], "file lines, the blank line counted"


def test_numbers_and_counts():
    assert to_number(pa.chunked_array([["3.7", "4%", "--%", "x", None]])).to_pylist() == [3.7, 4.0, None, None, None]
    assert to_number(pa.chunked_array([["3,7", "1.234,5", "3.7"]]), decimal_comma=True).to_pylist() == [3.7, 1234.5, 3.7]
    assert to_count(pa.chunked_array([["1.240", "1,240", "1 240", "87", "", "n/a"]])).to_pylist() == \
        [1240, 1240, 1240, 87, None, None]


def test_semicolon_files_use_decimal_commas():
    data = "Bron URL;Doel URL;DR\nhttps://a.nl/;https://b.nl/;37,5\n"
    assert import_files([("x.csv", data.encode())]).links["domain_rating"].tolist() == [37.5]


def test_real_ahrefs_as_xlsx(exports, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    name = "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv"
    frame = pd.read_csv(io.BytesIO((exports / name).read_bytes()), sep="\t", encoding="utf-16", dtype=str,
                        keep_default_na=False).head(200)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append(list(row))
    path = tmp_path / "ahrefs.xlsx"
    book.save(path)
    result = import_files([("ahrefs.xlsx", path)])
    report = result.files[0]
    assert (report.format, report.encoding, report.rows) == ("ahrefs", "xlsx", 200)
    expected = import_files([(name, exports / name)]).links.head(200)
    assert result.links["anchor"].tolist()[:50] == expected["anchor"].tolist()[:50]
    assert result.links["first_seen"].tolist()[:50] == expected["first_seen"].tolist()[:50]


def test_workbook_with_several_sheets_and_blank_rows(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Overzicht"
    book.active.append(["Rapport", "Links"])
    sheet = book.create_sheet("Nieuwste links")
    for row in (["Linking page", "Last crawled"], ["https://a.nl/x", "2026-11-02"], [None, None],
                ["https://b.nl/y", "gisteren"]):
        sheet.append(row)
    path = tmp_path / "gsc.xlsx"
    book.save(path)
    result = import_files([("gsc.xlsx", path)])
    report = result.files[0]
    assert (report.format, report.rows, report.unreadable_dates) == ("gsc_links", 2, [4])


def test_repeating_dates_are_parsed_per_distinct_value_with_the_same_result():
    values = [f"2025-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)] * 200
    values[500], values[7000], values[9], values[10] = "2025-02-30", "nope", "--", None
    parsed, unreadable = to_dates(pa.chunked_array([values]), ("%Y-%m-%d",), ("--",))
    assert list(unreadable) == [500, 7000]
    expected = [None if v in (None, "--", "nope", "2025-02-30") else pd.Timestamp(v) for v in values]
    assert [None if v is None else pd.Timestamp(v) for v in parsed.to_pylist()] == expected
