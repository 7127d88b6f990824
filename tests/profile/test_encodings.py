"""The same real export re-encoded and re-delimited in every way users save it imports the same."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from linkwijzer.profile.importing.importer import import_files

SEMRUSH = "semrush_backlinks_legacy_2018_18col.csv"  # accents, guillemets and an em dash
AHREFS = "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv"
COMPARED = ["source_url", "source_domain", "target_url", "anchor", "source_title", "first_seen", "nofollow"]

ENCODINGS = {  # name in the report, codec, BOM written before the text
    "utf-8": ("utf-8", b""),
    "utf-8 + BOM": ("utf-8", b"\xef\xbb\xbf"),
    "utf-16-le + BOM": ("utf-16-le", b"\xff\xfe"),
    "utf-16-le": ("utf-16-le", b""),
    "utf-16-be + BOM": ("utf-16-be", b"\xfe\xff"),
    "utf-16-be": ("utf-16-be", b""),
    "cp1252": ("cp1252", b""),
}


def rewrite(text: str, delimiter: str, newline: str = "\n", quote_all: bool = False) -> str:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


def table(result) -> pd.DataFrame:
    assert not result.problems, [p.message("en") for p in result.problems]
    return result.links[COMPARED].astype(str).reset_index(drop=True)


@pytest.fixture(scope="module")
def original(exports):
    path = exports / SEMRUSH
    return path.read_bytes().decode("utf-8"), table(import_files([(SEMRUSH, path)]))


@pytest.mark.parametrize("label", sorted(ENCODINGS))
@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_encoding_and_delimiter_variants(tmp_path, original, label, delimiter):
    text, expected = original
    codec, bom = ENCODINGS[label]
    path = tmp_path / "variant.csv"
    path.write_bytes(bom + rewrite(text, delimiter).encode(codec))
    result = import_files([("variant.csv", path)])
    (report,) = result.files
    assert report.format == "semrush"
    assert (report.encoding, report.bom, report.delimiter) == (codec, bool(bom), delimiter)
    assert report.rows == 10
    pd.testing.assert_frame_equal(table(result), expected)


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_endings_and_full_quoting(tmp_path, original, newline):
    text, expected = original
    path = tmp_path / "variant.csv"
    path.write_bytes(rewrite(text, ",", newline, quote_all=True).encode("utf-8"))
    pd.testing.assert_frame_equal(table(import_files([("variant.csv", path)])), expected)


def test_no_final_newline(tmp_path, original):
    text, expected = original
    path = tmp_path / "variant.csv"
    path.write_bytes(text.rstrip("\r\n").encode("utf-8"))
    pd.testing.assert_frame_equal(table(import_files([("variant.csv", path)])), expected)


def test_ahrefs_resaved_as_utf8_comma_without_quotes(tmp_path, exports):
    """Users open the UTF-16 file in a spreadsheet and save it as plain CSV: same header, same data."""
    raw = (exports / AHREFS).read_bytes().decode("utf-16")
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter="\t"))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "ahrefs.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    expected = import_files([(AHREFS, exports / AHREFS)])
    got = import_files([(AHREFS, path)])
    assert got.files[0].format == "ahrefs" and got.files[0].delimiter == ","
    assert got.files[0].rows == expected.files[0].rows == 2436
    pd.testing.assert_frame_equal(table(got), table(expected))


def test_ahrefs_from_bytes_equals_from_path(exports):
    data = (exports / AHREFS).read_bytes()
    pd.testing.assert_frame_equal(table(import_files([(AHREFS, data)])),
                                  table(import_files([(AHREFS, exports / AHREFS)])))


@pytest.mark.parametrize("codec,stray", [("cp1252", b"\x81"), ("utf-8", b"\xe9")])
def test_a_stray_byte_after_the_sample_is_replaced_and_noted(codec, stray):
    """Encoding is judged on the first 256 kB; a byte later on that does not fit is replaced."""
    rows = ["Bron URL;Doel URL;Ankertekst"] + [f"https://a{i}.nl/x;https://b.nl/;café {i}" for i in range(12000)]
    data = "\r\n".join(rows).encode(codec) + b"\r\nhttps://z.nl/;https://b.nl/;stray " + stray + b" byte\r\n"
    result = import_files([("x.csv", data)])
    report = result.files[0]
    assert (report.encoding, report.rows) == (codec, 12001)
    assert "replaced_characters" in report.notes
    assert result.links["anchor"].iloc[-1] == "stray \ufffd byte"
