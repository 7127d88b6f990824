"""Bad input gets one clear message naming file and problem (and row), never a traceback."""

from __future__ import annotations

import gzip
import io
import sys
import zipfile

import pytest

from linkwijzer.i18n import LANGUAGES
from linkwijzer.profile.importing.importer import ImportProblem, import_files, read_header

SEMRUSH = "semrush_backlinks_legacy_2018_18col.csv"


@pytest.fixture(scope="module")
def semrush(exports) -> bytes:
    return (exports / SEMRUSH).read_bytes()


def lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n")


def only_problem(name: str, data, **options) -> ImportProblem:
    result = import_files([(name, data)], **options)
    assert result.files == [] and len(result.problems) == 1
    problem = result.problems[0]
    for lang in LANGUAGES:
        message = problem.message(lang)
        assert name in message and "Traceback" not in message and "Error" not in message
        assert message.count("\n") == 0
    return problem


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_file(data):
    assert only_problem("leeg.csv", data).code == "empty"


def test_header_only(semrush):
    assert only_problem("kop.csv", lines(semrush)[0] + b"\r\n").code == "header_only"


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, bytes(range(255, -1, -1)) * 7,
                                  b"\x00\x01\x02\x03" * 500, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8])
def test_binary_junk(data):
    assert only_problem("junk.csv", data).code == "binary"


def test_old_excel_saved_as_csv():
    problem = only_problem("export.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert problem.code == "xls" and ".xls" in problem.message("en")


def test_xlsx_saved_as_csv_is_read_as_a_workbook(semrush):
    rows = [r.split(",") for r in semrush.decode("utf-8").splitlines()[:1]]
    data = xlsx_bytes(rows + [["80", "70", "Titel", "https://a.nl/x", "https://b.nl/", "anker", "1", "2", "true",
                               "true", "false", "false", "false", "false", "2024-01-02", "2024-03-04", "false", "false"]])
    result = import_files([("export.csv", data)])
    assert not result.problems
    report = result.files[0]
    assert (report.format, report.encoding, report.rows) == ("semrush", "xlsx", 1)
    assert result.links.iloc[0]["anchor"] == "anker"


def test_xlsx_without_openpyxl_says_what_to_do(monkeypatch):
    data = xlsx_bytes([["Source url", "Target url"], ["https://a.nl/x", "https://b.nl/"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    problem = only_problem("werkmap.xlsx", data)
    assert problem.code == "xlsx_needs_openpyxl" and "openpyxl" in problem.message("nl")


def test_damaged_xlsx():
    pytest.importorskip("openpyxl")
    data = xlsx_bytes([["a"]])
    assert only_problem("kapot.xlsx", data[:400] + b"\x00" * 200 + data[600:]).code == "xlsx_unreadable"


@pytest.mark.parametrize("data", [gzip.compress(b"Source url,Target url\n"), b"%PDF-1.7\n%\xe2\xe3",
                                  b"PK\x03\x04" + b"\x00" * 100])
def test_archives_and_pdf(data):
    assert only_problem("export.csv", data).code == "archive"


def test_zip_with_a_csv_inside():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("backlinks.csv", "Source url,Target url\nhttps://a.nl,https://b.nl\n")
    assert only_problem("backlinks.zip", out.getvalue()).code == "archive"


def test_header_and_rows_with_different_delimiters(semrush):
    rows = [line.replace(b",", b";") for line in lines(semrush)[1:]]
    problem = only_problem("mix.csv", b"\r\n".join([lines(semrush)[0], *rows]))
    assert problem.code == "delimiter"
    assert "komma" in problem.message("nl") and "puntkomma" in problem.message("nl")


def test_an_unsupported_delimiter(semrush):
    problem = only_problem("pijp.csv", semrush.replace(b",", b"|"))
    assert problem.code == "delimiter_unknown" and "'|'" in problem.message("en")


def test_a_vendor_column_missing(semrush):
    without_target = [b",".join(c for i, c in enumerate(line.split(b",")) if i != 4) for line in lines(semrush)]
    problem = only_problem("semrush.csv", b"\r\n".join(without_target))
    assert problem.code == "missing_column"
    assert "Target url" in problem.message("en") and "Semrush" in problem.message("en")


def test_ahrefs_without_its_target_column(exports):
    text = (exports / "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv").read_bytes().decode("utf-16")
    cut = "\n".join("\t".join(c for i, c in enumerate(line.split("\t")) if i != 13) for line in text.splitlines()[:50])
    problem = only_problem("ahrefs.csv", cut.encode("utf-16"))
    assert problem.code == "missing_column" and "Target URL" in problem.message("en")


def test_no_column_with_source_urls():
    problem = only_problem("lijst.csv", b"Naam;Datum\nJan;2025-01-01\nPiet;2025-02-01\n")
    assert problem.code == "no_source_column" and "Naam" in problem.message("nl")


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:  # sparse: 3 GB on paper, nothing on disk, unreadable in time
        handle.truncate(3 * 1024**3)
    problem = only_problem("huge.csv", huge)
    assert problem.code == "too_large" and "3,072 MB" in problem.message("en")


def test_limit_applies_to_uploaded_bytes(semrush):
    problem = only_problem("big.csv", semrush, max_bytes=1000)
    assert problem.code == "too_large" and "1 kB" in problem.message("en")


def test_missing_path_and_directory(tmp_path):
    assert only_problem("weg.csv", tmp_path / "weg.csv").code == "not_found"
    assert only_problem("map.csv", tmp_path).code == "not_found"


def test_invalid_rows_are_skipped_with_their_row_numbers(semrush):
    body = lines(semrush)
    broken = [body[0], body[1], b"1,2,3", body[2], b'x,"unclosed,' + body[3], body[4], body[5], b""]
    result = import_files([("majestic.csv", b"\r\n".join(broken))])
    report = result.files[0]
    assert report.rows == 4
    assert [(s["row"], s["code"]) for s in report.skipped] == [(3, "fields"), (5, "fields")]
    assert report.skipped_count == 2
    summary = result.summary()["files"][0]
    assert summary["skipped"][0] == {"row": 3, "code": "fields", "reason": summary["skipped"][0]["reason"]}
    assert "invalid CSV" in import_files([("m.csv", b"\r\n".join(broken))], lang="en").summary()["files"][0]["skipped"][0]["reason"]


def test_rows_without_a_source_url_are_skipped_and_named():
    data = b"Bron URL,Doel URL\nhttps://a.nl/x,https://b.nl/\n,https://b.nl/\ngeen url,https://b.nl/\nhttps://c.nl/,https://b.nl/\n"
    report = import_files([("eigen.csv", data)]).files[0]
    assert report.rows == 2
    assert [(s["row"], s["code"]) for s in report.skipped] == [(3, "no_source_url"), (4, "bad_source_url")]


def test_when_no_row_can_be_read(semrush):
    header = lines(semrush)[0]
    problem = only_problem("kapot.csv", header + b"\r\n1,2,3\r\n4,5\r\n")
    assert problem.code == "no_valid_rows" and problem.row == 2


def test_a_bad_file_does_not_stop_the_good_ones(semrush):
    result = import_files([("goed.csv", semrush), ("leeg.csv", b""), ("junk.csv", bytes(range(256)) * 9)])
    assert [f.name for f in result.files] == ["goed.csv"]
    assert [(p.file, p.code) for p in result.problems] == [("leeg.csv", "empty"), ("junk.csv", "binary")]
    assert result.summary()["problems"][0]["file"] == "leeg.csv"
    assert "leeg.csv" in result.summary_text("nl")


def test_read_header_raises_only_import_problems():
    with pytest.raises(ImportProblem) as caught:
        read_header(b"")
    assert caught.value.code == "empty"
