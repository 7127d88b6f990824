"""Impossible values in a real export (issue 14): they are emptied and noted, never a crash or a ten-thousand-year chart."""

from __future__ import annotations

import time

import pandas as pd

from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.outputs.report import profile_report_html
from linkwijzer.profile.review.run import review_profile
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.resources import sample_dir

SAMPLE = sample_dir() / "fietsenvandijk_ahrefs_backlinks.csv"  # a real-format Ahrefs export (UTF-16 TSV)


def edited(tmp_path, changes: dict[tuple[int, str], str]):
    frame = pd.read_csv(SAMPLE, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False)
    for (row, column), value in changes.items():
        frame.loc[row, column] = value
    path = tmp_path / "ahrefs.csv"
    frame.to_csv(path, sep="\t", encoding="utf-16", index=False)
    return path


def test_numbers_too_wide_negative_infinite_or_hex_are_emptied_and_noted(tmp_path):
    path = edited(tmp_path, {(0, "External links"): "99999999999999999999999", (1, "External links"): "-5",
                             (2, "External links"): "inf", (3, "External links"): "0x10",
                             (4, "Domain rating"): "-inf", (5, "Domain rating"): "nan"})
    result = import_files([(path.name, path)], lang="en")
    assert not result.problems
    links = result.links
    assert len(links) > 3000
    assert "implausible_numbers" in result.files[0].notes
    assert links["external_links"].dropna().between(0, 2 ** 53).all()
    assert pd.Series(links["domain_rating"]).dropna().abs().lt(float("inf")).all()


def test_dates_from_1900_or_9999_are_named_and_the_report_is_written(tmp_path):
    path = edited(tmp_path, {(0, "First seen"): "9999-12-31 00:00:00", (1, "First seen"): "1900-01-01 00:00:00"})
    result = import_files([(path.name, path)], lang="nl")
    assert len(result.files[0].unreadable_dates) >= 2
    first_seen = result.links["first_seen"].dropna()
    assert first_seen.min().year >= 1995 and first_seen.max().year <= pd.Timestamp.now().year + 1
    started = time.perf_counter()
    review = review_profile(result.links, result.aggregates, ProfileSettings(site="fietsenvandijk.nl"), "nl")
    html = profile_report_html(review, "nl", site="fietsenvandijk.nl", files=result.files)
    assert "<svg" in html and time.perf_counter() - started < 30


def test_a_header_of_200000_columns_is_refused_in_seconds():
    header = ",".join(chr(97 + i % 26) for i in range(200_000))
    data = (header + "\n" + ",".join("1" for _ in range(200_000)) + "\n").encode()
    started = time.perf_counter()
    result = import_files([("wide.csv", data)], lang="en")
    assert time.perf_counter() - started < 5
    assert [p.code for p in result.problems] == ["too_many_columns"]
    assert "columns" in result.problems[0].message("en") and len(result.problems[0].message("en")) < 400


def test_a_10_mb_line_is_read_in_seconds():
    data = ("Bron URL,Doel URL,Ankertekst\nhttps://a.nl/p,https://fietsenvandijk.nl/," + "x" * 10_000_000 + "\n").encode()
    started = time.perf_counter()
    result = import_files([("long.csv", data)], lang="en")
    assert time.perf_counter() - started < 10
    assert not result.problems and len(result.links) == 1


def test_an_unclosed_quote_folds_no_rows_and_is_named_by_line():
    rows = ["Bron URL,Doel URL,Ankertekst"]
    anchors = ['"kapot anker' if i == 10 else f"anker {i}" for i in range(40)]
    rows += [f"https://site{i}.nl/p,https://fietsenvandijk.nl/,{anchor}" for i, anchor in enumerate(anchors)]
    result = import_files([("quote.csv", ("\n".join(rows) + "\n").encode())], lang="en")
    report = result.files[0]
    assert len(result.links) == 39, "the 29 rows after the broken one are kept, not folded into its anchor"
    assert not result.links["anchor"].astype(str).str.contains("\n").any()
    assert report.skipped == [{"row": 12, "code": "quote"}]
