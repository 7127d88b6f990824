"""Home-made CSVs: a proposed mapping from English and Dutch names; GSC files known by content."""

from __future__ import annotations

import pandas as pd
import pytest

from linkwijzer.profile.importing.importer import import_files, propose_mapping, read_header


@pytest.mark.parametrize("columns,expected", [
    (["Bron URL", "Doel URL", "Ankertekst", "Eerst gezien"],
     {"source_url": "Bron URL", "target_url": "Doel URL", "anchor": "Ankertekst", "first_seen": "Eerst gezien"}),
    (["Verwijzende pagina", "Doelpagina", "Linktekst", "Laatst gezien", "Nofollow"],
     {"source_url": "Verwijzende pagina", "target_url": "Doelpagina", "anchor": "Linktekst",
      "last_seen": "Laatst gezien", "nofollow": "Nofollow"}),
    (["source_url", "TARGET-URL", "Anchor text ", "First Seen (UTC)"],
     {"source_url": "source_url", "target_url": "TARGET-URL", "anchor": "Anchor text "}),
    (["Backlink", "Landing page", "Anchor", "Date found", "Page title"],
     {"source_url": "Backlink", "target_url": "Landing page", "anchor": "Anchor", "first_seen": "Date found",
      "source_title": "Page title"}),
    (["Bron-URL", "Doel-URL", "Anker tekst"], {"source_url": "Bron-URL", "target_url": "Doel-URL", "anchor": "Anker tekst"}),
    (["Klant", "Bedrag", "Opmerking"], {}),
])
def test_proposed_mapping(columns, expected):
    proposal = propose_mapping(columns)
    assert {k: v for k, v in proposal.items() if k in expected or v in expected.values()} == expected
    assert len(set(proposal.values())) == len(proposal), "a column is used once"


def test_similar_names_are_not_confused():
    assert propose_mapping(["Bron URL", "Doel URL"]) == {"source_url": "Bron URL", "target_url": "Doel URL"}
    assert "target_url" not in propose_mapping(["Bron URL", "Opmerking"])


DUTCH = (
    "Bron URL;Doel URL;Ankertekst;Eerst gezien;Nofollow;Opmerking\r\n"
    "https://www.fietsblog.nl/route-utrecht/;https://fietsenvandijk.nl/;Fietsen van Dijk;25-11-2024;nee;via Jan – café\r\n"
    "https://buurt.nl/winkels;https://fietsenvandijk.nl/werkplaats/;fietsenmaker utrecht;03/02/2025 14:30;ja;\r\n"
    "https://forum.fiets.nl/t/123;https://fietsenvandijk.nl/;hier;31-02-2025;nee;datum fout\r\n"
    "http://nieuws.utrecht.nl/artikel?id=4&utm_source=x;https://fietsenvandijk.nl/;nieuws;2 okt. 2025;;\r\n"
)


def test_generic_dutch_file(tmp_path):
    path = tmp_path / "handmatig.csv"
    path.write_bytes(DUTCH.encode("cp1252"))
    result = import_files([("handmatig.csv", path)], lang="nl")
    report = result.files[0]
    assert (report.format, report.encoding, report.delimiter) == ("generic", "cp1252", ";")
    assert report.mapping == {"source_url": "Bron URL", "target_url": "Doel URL", "anchor": "Ankertekst",
                              "first_seen": "Eerst gezien", "nofollow": "Nofollow"}
    links = result.links
    assert links["first_seen"].tolist()[:2] == [pd.Timestamp("2024-11-25"), pd.Timestamp("2025-02-03 14:30")]
    assert pd.isna(links["first_seen"].iloc[2]) and links["first_seen"].iloc[3] == pd.Timestamp("2025-10-02")
    assert report.unreadable_dates == [4]  # 31 February: kept, date empty, row named
    assert links["nofollow"].tolist()[:3] == [False, True, False] and pd.isna(links["nofollow"].iloc[3])
    assert links["extra:Opmerking"].iloc[0] == "via Jan – café"
    assert links["source_domain"].tolist() == ["fietsblog.nl", "buurt.nl", "fiets.nl", "utrecht.nl"]
    assert "generic_mapping" in report.notes


def test_the_callers_mapping_wins(tmp_path):
    path = tmp_path / "handmatig.csv"
    path.write_bytes(DUTCH.encode("cp1252"))
    mapping = {"source_url": "Bron URL", "target_url": "Doel URL", "anchor": "Opmerking"}
    result = import_files([("handmatig.csv", path)], mappings={"handmatig.csv": mapping})
    assert result.files[0].mapping == mapping
    assert result.links["anchor"].tolist()[0] == "via Jan – café"
    assert "extra:Ankertekst" in result.links and "first_seen" in result.links
    assert result.links["first_seen"].isna().all()


def test_a_mapping_naming_a_missing_column(tmp_path):
    result = import_files([("x.csv", DUTCH.encode("cp1252"))], mappings={"x.csv": {"source_url": "Bronadres"}})
    assert result.problems[0].code == "mapping_column" and "Bronadres" in result.problems[0].message("nl")


def test_read_header_for_the_mapping_editor():
    info = read_header(DUTCH.encode("cp1252"))
    assert info.columns == ["Bron URL", "Doel URL", "Ankertekst", "Eerst gezien", "Nofollow", "Opmerking"]
    assert (info.format, info.delimiter, info.encoding) == ("generic", ";", "cp1252")


# Google Search Console in Dutch: the real header names are unknown, so these are made up.
GSC_LINKS_NL = "Pagina met link,Laatste crawl\r\nhttps://a.nl/x,25-11-2026\r\nhttps://b.nl/y,3-11-2026\r\nhttp://c.be/,01-10-2026"
GSC_SITES_NL = "Domein,Links,Pagina's\nfietsblog.nl,1.240,12\nbuurt.nl,87,3\nnieuws.utrecht.nl,5,1\n"
GSC_TEXT_NL = "Nummer,Tekst van link\n1,fietsen van dijk\n2,fietsenmaker utrecht\n3,hier\n"


def test_gsc_links_recognised_by_content():
    result = import_files([("links.csv", GSC_LINKS_NL.encode())], lang="nl")
    report = result.files[0]
    assert report.format == "gsc_links" and report.notes == ["gsc_links"]
    assert result.links["last_seen"].tolist() == [pd.Timestamp("2026-11-25"), pd.Timestamp("2026-11-03"),
                                                  pd.Timestamp("2026-10-01")]
    assert result.links["source_url"].tolist()[0] == "https://a.nl/x"


def test_gsc_sites_recognised_by_content_with_thousands_separators():
    result = import_files([("sites.csv", GSC_SITES_NL.encode())])
    assert result.files[0].format == "gsc_sites"
    table = result.aggregates["gsc_sites"]
    assert table["links"].tolist() == [1240, 87, 5] and table["domain"].tolist()[0] == "fietsblog.nl"
    assert result.referring_domains == 3


def test_gsc_linking_text_recognised_by_content():
    result = import_files([("tekst.csv", GSC_TEXT_NL.encode())])
    assert result.files[0].format == "gsc_anchors"
    assert result.aggregates["gsc_anchors"]["anchor"].tolist()[1] == "fietsenmaker utrecht"


def test_gsc_links_with_english_headers_and_counts_with_commas():
    sites = "Site,Linking pages,Target pages\nexample.com,\"1,240\",3\nexample.org,2,1\n"
    assert import_files([("s.csv", sites.encode())]).aggregates["gsc_sites"]["links"].tolist() == [1240, 2]


def test_a_home_made_list_that_looks_like_gsc_stays_generic():
    data = "Bron URL,Eerst gezien\nhttps://a.nl/x,2025-01-02\nhttps://b.nl/,2025-02-03\n"
    result = import_files([("mijn.csv", data.encode())])
    assert result.files[0].format == "generic"
    assert result.links["first_seen"].notna().all() and result.links["last_seen"].isna().all()
