"""The importer's public shape: API, result summary (the CLI's JSON), texts and the formats file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import linkwijzer.profile.importing.importer as importer
from linkwijzer.datafiles import DataFileError
from linkwijzer.i18n import LANGUAGES, catalogue as texts, text
from linkwijzer.profile.importing.formats import AGGREGATE_NAMES, FORMAT_NAMES, catalogue
from linkwijzer.profile.importing.problems import PROBLEM_CODES, ImportProblem

SEMRUSH = "semrush_backlinks_legacy_2018_18col.csv"
CORE = ["source_url", "source_host", "source_domain", "target_url", "anchor", "first_seen", "last_seen", "lost",
        "nofollow", "sponsored", "ugc", "placement", "sitewide", "link_type", "source_title", "left_context",
        "right_context", "source_ip", "language"]


def test_public_names():
    assert set(importer.__all__) >= {"import_files", "read_header", "propose_mapping", "ImportResult",
                                     "FileReport", "HeaderInfo", "ImportProblem"}
    for name in importer.__all__:
        assert getattr(importer, name).__doc__, name


def test_summary_is_the_cli_json(exports):
    result = importer.import_files([(SEMRUSH, exports / SEMRUSH), ("leeg.csv", b"")], lang="en")
    summary = result.summary()
    assert json.loads(json.dumps(summary)) == summary
    assert {"files", "links", "referring_domains", "duplicates_removed"} <= summary.keys()
    (file,) = summary["files"]
    assert {"name", "format", "encoding", "rows", "skipped"} <= file.keys()
    assert (file["name"], file["format"], file["encoding"], file["rows"]) == (SEMRUSH, "semrush", "utf-8", 10)
    assert summary["links"] == len(result.links) == 10 - summary["duplicates_removed"]
    assert summary["referring_domains"] == result.referring_domains == result.links["source_domain"].nunique()
    assert summary["problems"] == [{"file": "leeg.csv", "code": "empty", "row": None,
                                    "message": "leeg.csv: the file is empty."}]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_summary_text(exports, lang):
    result = importer.import_files([(SEMRUSH, exports / SEMRUSH)], lang=lang)
    out = result.summary_text(lang)
    first, last = out.splitlines()[0], out.splitlines()[-1]
    assert SEMRUSH in first and text(lang, "import.format.semrush") in first and "UTF-8" in first and "10" in first
    assert str(len(result.links)) in last and str(result.referring_domains) in last


def test_canonical_columns_and_types(exports):
    links = importer.import_files([(SEMRUSH, exports / SEMRUSH)]).links
    assert list(links.columns[:len(CORE)]) == CORE
    assert links["lost"].dtype == bool
    assert str(links["nofollow"].dtype) == "boolean" and str(links["sponsored"].dtype) == "boolean"
    assert str(links["first_seen"].dtype).startswith("datetime64")
    for column in ("source_host", "source_domain", "target_url", "placement", "link_type", "source_file", "source_format"):
        assert isinstance(links[column].dtype, pd.CategoricalDtype), column
    assert links["source_url"].dtype == "str"


def test_empty_result_has_the_canonical_columns():
    result = importer.import_files([("leeg.csv", b"")])
    assert list(result.links.columns) == [*CORE, "source_file", "source_format"] and len(result.links) == 0
    assert result.referring_domains == 0 and result.links["lost"].dtype == bool
    assert result.summary()["files"] == [] and result.summary()["links"] == 0


def test_progress_is_reported(exports):
    seen = []
    importer.import_files([(SEMRUSH, exports / SEMRUSH)], lang="nl", progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(SEMRUSH in m for _, m in seen) and seen[-1][1] == text("nl", "import.progress.done")


def test_every_code_and_name_has_texts_in_both_languages():
    keys = [f"import.problem.{c}" for c in PROBLEM_CODES]
    keys += [f"import.format.{n}" for n in (*FORMAT_NAMES, *AGGREGATE_NAMES)]
    keys += [f"import.format.{f.name}" for f in catalogue().formats]
    keys += [f"import.note.{n}" for f in catalogue().formats for n in f.notes]
    keys += [f"import.skip.{c}" for c in ("fields", "no_source_url", "bad_source_url")]
    keys += [f"import.note.{n}" for n in ("generic_mapping", "replaced_characters")]
    keys += [f"import.field.{n}" for n in catalogue().generic_aliases]
    for lang in LANGUAGES:
        missing = [k for k in keys if k not in texts(lang)]
        assert not missing, (lang, missing)


def test_problem_messages_fill_every_placeholder():
    params = {"size": "3 GB", "limit": "2 GB", "detail": "x", "found": "comma", "header": "tab", "columns": "A",
              "format": "semrush", "expected": 3, "actual": 2}
    for code in PROBLEM_CODES:
        for lang in LANGUAGES:
            message = ImportProblem(code, "f.csv", row=7, **params).message(lang)
            assert "{" not in message and message.startswith("f.csv: ") and "7" in message


def test_unknown_problem_code_is_a_programming_error():
    with pytest.raises(ValueError):
        ImportProblem("nonsense")


def test_formats_file_names_and_checks(tmp_path):
    names = {f.name for f in catalogue().formats}
    assert names <= set(FORMAT_NAMES) | set(AGGREGATE_NAMES)
    assert set(FORMAT_NAMES) - {"generic"} <= names
    assert {f.name for f in catalogue().formats if f.kind == "aggregate"} <= set(AGGREGATE_NAMES)
    broken = tmp_path / "formats.toml"
    source = Path(importer.__file__).with_name("formats.toml").read_text(encoding="utf-8")
    broken.write_text(source.replace('source_url = "Referring page URL"', 'source_link = "Referring page URL"', 1))
    with pytest.raises(DataFileError, match="source_link"):
        catalogue.__wrapped__(broken)


def test_every_vendor_layout_is_detected_from_its_own_column_names():
    from linkwijzer.profile.importing.formats import detect

    for fmt in catalogue().formats:
        header = [names[0].replace("*", "example.com") for names in fmt.columns.values()]
        header += [g[0] for g in fmt.signature]
        found = detect(list(dict.fromkeys(header))).format
        assert found is not None and found.name == fmt.name, fmt.layout
