"""Several files become one table; links that differ only in URL spelling are folded and counted."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pyarrow as pa

from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.importing.urls import comparable_keys, normalise_url, url_column

SEMRUSH = "semrush_backlinks_2026_19col.csv"


@pytest.mark.parametrize("a,b", [
    ("https://www.example.nl/pad/", "http://example.nl/pad"),
    ("HTTPS://Example.NL:443/pad", "https://example.nl/pad/"),
    ("http://example.nl:80/pad#reacties", "https://example.nl/pad"),
    ("https://example.nl/pad?utm_source=nieuwsbrief&utm_medium=mail", "https://example.nl/pad"),
    ("https://example.nl/pad?id=3&gclid=abc&fbclid=x", "https://example.nl/pad?id=3"),
    ("https://example.nl/pad/?msclkid=1#top", "example.nl/pad"),
    ("https://example.nl", "https://www.example.nl/"),
])
def test_same_link_spelled_differently(a, b):
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize("a,b", [
    ("https://example.nl/pad", "https://example.nl/Pad"),  # paths are case-sensitive
    ("https://example.nl/pad?id=3", "https://example.nl/pad?id=4"),
    ("https://example.nl:8080/pad", "https://example.nl/pad"),
    ("https://blog.example.nl/pad", "https://example.nl/pad"),
])
def test_different_links_stay_apart(a, b):
    assert normalise_url(a) != normalise_url(b)


def _respell(url: str, variant: int) -> str:
    """The same URL as another tool might write it."""
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    host = host[4:] if host.startswith("www.") else "www." + host
    scheme = "http" if scheme == "https" else "https"
    path = path.rstrip("/") if path.endswith("/") else path + ("/" if path and "?" not in path else "")
    tail = ["", "#reacties", "?utm_source=nieuwsbrief" if "?" not in path else "&utm_campaign=x"][variant % 3]
    return f"{scheme}://{host.upper() if variant % 2 else host}{slash}{path}{tail}"


def test_two_files_with_the_same_links_fold(exports, tmp_path):
    text = (exports / SEMRUSH).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    source, target = header.index("Source url"), header.index("Target url")
    respelled = [[*r] for r in body[:500]]
    for i, row in enumerate(respelled):
        row[source] = _respell(row[source], i)
        row[target] = _respell(row[target], i + 1)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *respelled])
    (tmp_path / "b.csv").write_text(out.getvalue(), encoding="utf-8")

    alone = import_files([("a.csv", exports / SEMRUSH)])
    both = import_files([("a.csv", exports / SEMRUSH), ("b.csv", tmp_path / "b.csv")])
    assert len(both.links) == len(alone.links)
    assert both.duplicates_removed == alone.duplicates_removed + 500
    assert set(both.links["source_file"].unique()) == {"a.csv"}, "the first file's rows are kept"
    assert both.summary()["duplicates_removed"] == both.duplicates_removed


def test_the_same_file_twice_folds_completely(exports):
    data = (exports / SEMRUSH).read_bytes()
    once = import_files([("a.csv", data)])
    twice = import_files([("a.csv", data), ("b.csv", data)])
    assert len(twice.links) == len(once.links)
    assert twice.duplicates_removed == once.duplicates_removed + sum(f.rows for f in once.files)
    assert [f.rows for f in twice.files] == [7235, 7235]


def test_different_vendors_merge_into_one_table(exports):
    result = import_files([(p, exports / p) for p in (SEMRUSH, "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv",
                                                      "gsc_latest_links_2020_crlf.csv")])
    links = result.links
    assert set(links["source_file"].unique()) == {SEMRUSH, "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv",
                                                  "gsc_latest_links_2020_crlf.csv"}
    assert str(links["first_seen"].dtype).startswith("datetime64")
    assert links.loc[links["source_file"] == SEMRUSH, "domain_rating"].isna().all()
    assert links.loc[links["source_file"] != SEMRUSH, "page_ascore"].isna().all()
    assert str(links["source_domain"].dtype) == "category" and str(links["placement"].dtype) == "category"
    assert set(links["placement"].dropna().unique()) <= {"content", "image", "sitewide", "frame", "form", "unknown"}
    extras = [c for c in links if c.startswith("extra:")]
    assert list(links.columns).index("source_file") < list(links.columns).index(extras[0])


URLS = st.builds(
    lambda scheme, www, host, port, path, slash, query, frag: (
        f"{scheme}{www}{host}{port}/{path}{slash}{query}{frag}"),
    st.sampled_from(["https://", "http://", "HTTP://", ""]),
    st.sampled_from(["", "www.", "WWW."]),
    st.sampled_from(["example.nl", "Blog.Example.nl", "fietsen.co.uk", "a.b.blogspot.com", "192.168.0.1"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.sampled_from(["", "pad", "Pad/sub", "a b", "ä/ö", "x;y"]),
    st.sampled_from(["", "/", "//"]),
    st.sampled_from(["", "?id=1", "?utm_source=x", "?id=1&utm_medium=y&gclid=z", "?", "?fbclid=1&utm_x=2"]),
    st.sampled_from(["", "#top", "#"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(URLS, min_size=1, max_size=40))
def test_vectorised_and_per_value_paths_agree(urls):
    """Sources (mostly distinct) take the Arrow path, targets the per-value path: same answers."""
    from linkwijzer.profile.importing import urls as module

    column = pa.chunked_array([pa.array(urls, pa.string())])
    fast = module._vectorised(column)
    slow = module._by_distinct_value(column.combine_chunks().dictionary_encode())
    fast_key, slow_key = comparable_keys([fast.key, slow.key])
    assert fast.host.to_pylist() == slow.host.to_pylist()
    assert fast.domain.to_pylist() == slow.domain.to_pylist()
    for i in range(len(urls)):
        for j in range(len(urls)):
            assert (fast_key[i] == fast_key[j]) == (slow_key[i] == slow_key[j]), (urls[i], urls[j])
            assert (fast_key[i] == fast_key[j]) == (normalise_url(urls[i]) == normalise_url(urls[j])), (urls[i], urls[j])
    assert pa.chunked_array([fast.url]).to_pylist() == slow.url.cast(pa.string()).to_pylist()


def test_public_url_column_helper():
    column = url_column(pa.chunked_array([["nieuws.bbc.co.uk/a", "https://x.github.io/b"]]))
    assert column.host.to_pylist() == ["nieuws.bbc.co.uk", "x.github.io"]
    assert column.domain.to_pylist() == ["bbc.co.uk", "x.github.io"]


def test_spaces_around_urls_do_not_matter():
    urls = [" https://www.a.nl/x ", "https://a.nl/x", "\thttp://a.nl/x/\t"] + [f"https://h{i}.nl/p" for i in range(3000)]
    column = url_column(pa.chunked_array([urls]))
    keys = comparable_keys([column.key])[0]
    assert keys[0] == keys[1] == keys[2]
    assert column.url.to_pylist()[:3] == ["https://www.a.nl/x", "https://a.nl/x", "http://a.nl/x/"]
    assert column.host.to_pylist()[:3] == ["www.a.nl", "a.nl", "a.nl"]


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 60), st.sets(st.integers(0, 59), max_size=60))
def test_dropping_rows_by_slices_equals_a_filter(rows, drop):
    from linkwijzer.profile.importing.importer import _without_rows
    import numpy as np

    table = pa.table({"n": list(range(rows)), "s": [str(i) for i in range(rows)]})
    drop = np.array(sorted(d for d in drop if d < rows), dtype=np.int64)
    keep = np.ones(rows, bool)
    keep[drop] = False
    assert _without_rows(table, drop).to_pydict() == table.filter(pa.array(keep)).to_pydict()
