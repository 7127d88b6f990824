"""Fuzzing the importer: whatever the bytes, the answer is a result or a named problem, never a crash.

import_files turns an unexpected exception into the problem code "internal"; any such problem
here is a bug. Cases that found bugs are kept below as explicit tests.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.importing.problems import PROBLEM_CODES
from tests.profile.conftest import EXPORTS

# pyarrow reports some failures inside callbacks as "Exception ignored" on stderr: that is a
# traceback reaching the CLI, so here it fails the test.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
EXAMPLES = int(os.environ.get("LINKWIJZER_FUZZ_EXAMPLES", "120"))
# Derandomized in CI, so a submission lands or fails on its own code; LINKWIJZER_FUZZ_RANDOM=1 (with more
# examples) explores new inputs, and every case found that way is kept as an explicit test.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=os.environ.get("LINKWIJZER_FUZZ_RANDOM") != "1")
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]


def check(data: bytes) -> None:
    result = import_files([("fuzz.csv", data)], lang="en", max_bytes=1 << 22)
    codes = [p.code for p in result.problems]
    assert "internal" not in codes, [p.message("en") for p in result.problems]
    assert set(codes) <= set(PROBLEM_CODES)
    json.dumps(result.summary())  # plain JSON, no default= needed
    result.summary_text("nl")
    if result.files:
        assert len(result.links) + sum(len(t) for t in result.aggregates.values()) >= 0


def _real(name: str) -> str:
    path = EXPORTS / name
    if not path.exists():
        return ""
    raw = path.read_bytes()
    return raw.decode("utf-16") if raw.startswith(b"\xff\xfe") else raw.decode("utf-8-sig")


REAL = {name: _real(name) for name in (
    "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv", "semrush_backlinks_2026_19col.csv",
    "semrush_backlink_audit_2026.csv", "gsc_latest_links_2020_crlf.csv", "gsc_top_linking_text_2026.csv",
    "majestic_refdomains_historic_2013.csv", "semrush_backlinks_legacy_2018_18col.csv")}
REAL = {k: v for k, v in REAL.items() if v}
HEADS = {name: text.splitlines()[:12] for name, text in REAL.items()}


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(st.binary(max_size=600), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04"]))
def test_random_bytes_behind_a_bom_or_magic(data, prefix):
    check(prefix + data)


@pytest.mark.skipif(not REAL, reason="real exports not available")
@FUZZ
@given(st.data())
def test_mutated_real_headers(data):
    name = data.draw(st.sampled_from(sorted(HEADS)))
    lines = HEADS[name]
    delimiter = "\t" if "\t" in lines[0] else ","
    header = lines[0].split(delimiter)
    mutation = data.draw(st.sampled_from(["drop", "duplicate", "shuffle", "case", "quote", "blank", "junk", "none"]))
    if mutation == "drop" and len(header) > 1:
        del header[data.draw(st.integers(0, len(header) - 1))]
    elif mutation == "duplicate":
        header.append(data.draw(st.sampled_from(header)))
    elif mutation == "shuffle":
        header = data.draw(st.permutations(header))
    elif mutation == "case":
        header = [h.upper() if data.draw(st.booleans()) else h.lower() for h in header]
    elif mutation == "quote":
        header = [f'"{h}"' if not h.startswith('"') else h.strip('"') for h in header]
    elif mutation == "blank":
        header[data.draw(st.integers(0, len(header) - 1))] = ""
    elif mutation == "junk":
        header[data.draw(st.integers(0, len(header) - 1))] = data.draw(st.text(max_size=12))
    body = lines[1:data.draw(st.integers(1, len(lines)))]
    if data.draw(st.booleans()):
        body = [data.draw(st.sampled_from([delimiter, ",", ";", "\t", '"'])).join(
            data.draw(st.lists(st.text(max_size=20), max_size=len(header) + 2))) for _ in range(3)] + body
    text = "\n".join([delimiter.join(header), *body])
    newline = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    check(text.replace("\n", newline).encode(data.draw(st.sampled_from(CODECS)), errors="replace"))


@pytest.mark.skipif(not REAL, reason="real exports not available")
@FUZZ
@given(st.sampled_from(sorted(REAL)), st.floats(0, 1), st.sampled_from(CODECS))
def test_truncated_real_files(name, fraction, codec):
    raw = REAL[name][:6000].encode(codec, errors="replace")
    check(raw[: int(len(raw) * fraction)])


CELLS = st.one_of(st.text(max_size=15), st.sampled_from(
    ["https://a.nl/x", "http://b.co.uk", "www.c.nl/p?utm_source=1", "2025-01-02", "31/12/2025 10:00", "25-11-2026",
     "1.240", "--", "true", "Yes", '"', '""', "\x00", "\ufeff", "ä", "\u2028"]))


@FUZZ
@given(st.lists(st.sampled_from(["Source url", "Target url", "Anchor", "Bron URL", "Doel URL", "Ankertekst",
                                 "Eerst gezien", "Linking page", "Last crawled", "Site", "Linking pages", "Rank",
                                 "Link text", "Toxic Score", "x", ""]), min_size=1, max_size=6),
       st.lists(st.lists(CELLS, max_size=7), max_size=8), st.sampled_from([",", ";", "\t"]),
       st.sampled_from(CODECS))
def test_csv_like_text(header, rows, delimiter, codec):
    text = "\n".join(delimiter.join(r) for r in [header, *rows])
    check(text.encode(codec, errors="replace"))


# ---- cases the fuzzing found, kept as plain tests -------------------------------------------

@pytest.mark.parametrize("data", [
    b"",  # empty
    b"\xff\xfe",  # a BOM and nothing else
    b"\xfe\xff\x00",  # a UTF-16 BE BOM and half a character
    b"Linking page\n",  # GSC header, no rows
    b"Rank,Link text\n1,\n",  # GSC anchors with an empty text
    b"Source url,Target url,Page ascore\n,,\n",  # a row of empty cells
    b"Bron URL\nhttps://a.nl\n\x00\n",  # a NUL byte in a row
    b"Site,Linking pages,Target pages\nx.nl,abc,1\n",  # a count that is no number
    "Bron URL;Eerst gezien\nhttps://a.nl;31-02-2025\n".encode("cp1252"),  # a day that does not exist
    b'Linking page,Last crawled\n"https://a.nl/x,2020-01-01\n',  # an unclosed quote on the only row
    b"a,b\n\r\n\r",  # only line breaks after the header
    # cut off inside a character, on a row too short: pyarrow could not even report the bad row
    ("Page score,Page trust score,Source title,Source url,Target url,Anchor,External links,Internal links,"
     "Nofollow,Text,Frame,Form,Image,Sitewide,First seen,Last seen,New link,Lost link\r\n"
     "83,82,Paris \u2014 Wikip\u00e9").encode()[:-1],
])
def test_found_by_fuzzing(data):
    check(data)


NUMBERS = st.one_of(st.integers(min_value=-(10 ** 30), max_value=10 ** 30).map(str),
                    st.floats(allow_nan=True, allow_infinity=True).map(str),
                    st.sampled_from(["0x10", "1e400", "-0", "１２３", "1.234.567", "1,5", "٣", "", " ", "NaN", "-inf"]),
                    st.text(alphabet="0123456789.,-+eExX ", max_size=25))


@FUZZ
@given(st.lists(NUMBERS, min_size=4, max_size=4))
def test_generated_numbers_in_a_real_export(values):
    """Whatever sits in the numeric columns, a number read is finite and a count is not negative."""
    import pandas as pd

    frame = _sample_frame().copy()
    for row, value in enumerate(values):
        frame.loc[row, ["External links", "Domain rating", "Page traffic", "Linked domains"]] = value
    data = frame.to_csv(sep="\t", index=False).encode("utf-16")
    result = import_files([("ahrefs.csv", data)], lang="en")
    assert not result.problems, [p.message("en") for p in result.problems]
    links = result.links
    for column in ("external_links", "domain_rating", "page_traffic", "linked_domains"):
        if column in links:
            numbers = pd.to_numeric(pd.Series(links[column]), errors="coerce").dropna()
            assert numbers.abs().lt(float("inf")).all()
            if column != "domain_rating":
                assert numbers.ge(0).all()


def _sample_frame():
    import pandas as pd

    from linkwijzer.resources import sample_dir

    global _SAMPLE
    try:
        return _SAMPLE
    except NameError:
        path = sample_dir() / "fietsenvandijk_ahrefs_backlinks.csv"
        _SAMPLE = pd.read_csv(path, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False).head(50)
        return _SAMPLE
