"""Platform types of referring domains (news, blog, directory, forum, social, gov_edu, shop, other) from hosts, paths and titles."""

# The article asks which KINDS of platforms link to a site, not how many links it has. Every
# rule and word list lives in data/platforms.toml with its reasoning. The work is done once per
# distinct host, URL and title with Arrow's RE2 kernels (exports repeat them a lot: one sitewide
# link is thousands of rows), and the per-domain vote is a numpy bincount, so a million links
# take about a second.

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkwijzer.datafiles import DataFileError, load_toml

PLATFORM_TYPES = ("news", "blog", "directory", "forum", "social", "gov_edu", "shop", "other")
DATA = Path(__file__).with_name("data") / "platforms.toml"
_OTHER = PLATFORM_TYPES.index("other")
_SCHEME_AND_HOST = r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[^/?#]*"


@dataclass(frozen=True)
class Rules:
    order: tuple[str, ...]
    host_weight: float
    min_score: float
    known: dict[str, str]
    host: dict[str, str]
    path: dict[str, str]
    title: dict[str, str]
    page_types: dict[str, str]
    """Per type one alternation of its patterns (``a|b|c``), ready for Arrow; types without patterns are absent."""


@cache
def rules() -> Rules:
    """The classification rules of ``data/platforms.toml``, checked so a typo names its key."""
    data = load_toml(DATA)
    order = tuple(data.get("order", ()))
    if sorted(order) != sorted(t for t in PLATFORM_TYPES if t != "other"):
        raise DataFileError(DATA, "order", f"must list each of {', '.join(PLATFORM_TYPES[:-1])} once")
    for key, value in data.get("known", {}).items():
        if value not in PLATFORM_TYPES:
            raise DataFileError(DATA, f"known.{key}", f"{value!r} is not one of {', '.join(PLATFORM_TYPES)}")
    for key, value in data.get("page_types", {}).items():
        if value not in PLATFORM_TYPES:
            raise DataFileError(DATA, f"page_types.{key}", f"{value!r} is not a platform type")

    def patterns(section: str) -> dict[str, str]:
        out = {}
        for kind, items in data.get(section, {}).items():
            if kind not in PLATFORM_TYPES:
                raise DataFileError(DATA, f"{section}.{kind}", "is not a platform type")
            if items:
                out[kind] = "|".join(f"(?:{p})" for p in items)
        return out

    return Rules(order, float(data["host_weight"]), float(data["min_score"]),
                 {k.lower(): v for k, v in data.get("known", {}).items()},
                 patterns("host"), patterns("path"), patterns("title"),
                 {k.lower(): v for k, v in data.get("page_types", {}).items()})


@dataclass
class Platforms:
    by_domain: pd.DataFrame
    """One row per referring domain: ``domain, platform, pages, score, evidence`` (``known``, ``host``,
    ``pages``, ``host+pages`` or empty for ``other``)."""
    per_link: pd.Series
    """The platform type of each link's referring domain, aligned to the links (categorical)."""

    def mix(self) -> pd.DataFrame:
        """Per platform type: ``domains`` and ``share_domains`` (each domain counted once; the shares add up to 1)."""
        counts = self.by_domain["platform"].value_counts().reindex(PLATFORM_TYPES, fill_value=0)
        total = max(int(counts.sum()), 1)
        return pd.DataFrame({"domains": counts.astype(int), "share_domains": counts / total},
                            index=pd.Index(PLATFORM_TYPES, name="platform"))


def classify_platforms(links: pd.DataFrame) -> Platforms:
    """The platform type of every referring domain, from its host names, its linking pages' paths and titles.

    >>> links = pd.DataFrame({"source_url": ["https://www.bakfietsforum.nl/t/1", "https://joost.nl/2025/03/band/",
    ...                                      "https://www.gids-utrecht.nl/bedrijf/x-1", "https://www.kapper.nl/"]})
    >>> classify_platforms(links).per_link.tolist()
    ['forum', 'blog', 'directory', 'other']
    """
    r = rules()
    n = len(links)
    if not n or "source_url" not in links:
        empty = pd.DataFrame({"domain": pd.Series(dtype=object), "platform": pd.Series(dtype=object),
                              "pages": pd.Series(dtype=int), "score": pd.Series(dtype=float),
                              "evidence": pd.Series(dtype=object)})
        return Platforms(empty, pd.Series(pd.Categorical([None] * n, categories=PLATFORM_TYPES), index=links.index))
    urls = _strings(links["source_url"])
    url_codes, url_values = _encode(urls)
    # A page is a distinct URL; its first row lends it the domain, host and title.
    pages, first = np.unique(url_codes, return_index=True)
    domains = links["source_domain"] if "source_domain" in links else _hosts(urls)
    dom_codes, dom_names = _codes(domains)
    page_dom = dom_codes[first]
    kinds = [t for t in PLATFORM_TYPES if t != "other"]

    host_hits = _host_hits(links, urls, first, kinds, r)  # pages x kinds, booleans
    page_kind = _page_kinds(links, url_values, pages, first, kinds, r)  # per page: index into PLATFORM_TYPES
    n_dom = len(dom_names)
    per_dom_pages = np.maximum(np.bincount(page_dom, minlength=n_dom), 1).astype(float)
    host_share = np.column_stack([np.bincount(page_dom, weights=host_hits[:, j], minlength=n_dom)
                                  for j in range(len(kinds))]) / per_dom_pages[:, None]
    page_share = np.column_stack([np.bincount(page_dom, weights=page_kind == PLATFORM_TYPES.index(k), minlength=n_dom)
                                  for k in kinds]) / per_dom_pages[:, None]
    scores = r.host_weight * host_share + page_share
    # Ties go to the first type in `order`: look at the columns in that order, argmax takes the first.
    ranked = np.asarray([kinds.index(t) for t in r.order])
    best = ranked[np.argmax(scores[:, ranked], axis=1)]
    rows = np.arange(n_dom)
    best_score = scores[rows, best]
    kind_ids = np.asarray([PLATFORM_TYPES.index(k) for k in kinds])
    platform = np.where(best_score >= r.min_score, kind_ids[best], _OTHER)
    by_host, by_pages = host_share[rows, best] > 0, page_share[rows, best] > 0
    evidence = np.where(by_host & by_pages, "host+pages", np.where(by_host, "host", "pages"))
    names = np.asarray(dom_names, dtype=object)
    known = pd.Series(names).str.lower().map(r.known).to_numpy(dtype=object)
    is_known = pd.notna(known)
    platform = np.where(is_known, [PLATFORM_TYPES.index(k) if isinstance(k, str) else _OTHER for k in known], platform)
    evidence = np.where(is_known, "known", np.where(platform == _OTHER, "", evidence))
    by_domain = pd.DataFrame({"domain": names, "platform": np.asarray(PLATFORM_TYPES, dtype=object)[platform],
                              "pages": np.bincount(page_dom, minlength=n_dom), "score": np.round(best_score, 3),
                              "evidence": evidence})
    link_codes = np.where(dom_codes >= 0, platform[np.maximum(dom_codes, 0)], -1)
    per_link = pd.Series(pd.Categorical.from_codes(link_codes, categories=PLATFORM_TYPES), index=links.index,
                         name="platform_type")
    return Platforms(by_domain[by_domain["domain"] != ""].reset_index(drop=True), per_link)


def _strings(column: pd.Series) -> pa.ChunkedArray:
    """A text column as Arrow strings; an Arrow-backed column (what the importer makes) is shared, not copied."""
    if hasattr(column.array, "__arrow_array__") and not isinstance(column.dtype, pd.CategoricalDtype):
        values = column.array.__arrow_array__()
        values = values if isinstance(values, pa.ChunkedArray) else pa.chunked_array([values])
    else:  # plain object columns, as hand-made frames have
        values = pa.chunked_array([pa.array([None if v is None or v != v else str(v) for v in column],
                                            type=pa.large_string())])
    return pc.fill_null(values.cast(pa.large_string()), "")


def _encode(values: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    encoded = pc.dictionary_encode(values.combine_chunks() if values.num_chunks != 1 else values.chunk(0))
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), encoded.dictionary


def _codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(np.int64), [str(c) for c in column.cat.categories]
    codes, names = pd.factorize(column.astype("object").fillna(""), use_na_sentinel=False)
    return codes.astype(np.int64), [str(n) for n in names]


def _hosts(urls: pa.ChunkedArray) -> pd.Series:
    hosts = pc.extract_regex(urls, r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?(?:www\d?\.)?(?P<host>[^/?#:]*)")
    return pd.Series(pc.utf8_lower(pc.struct_field(hosts, [0])).to_pylist(), dtype=object)


def _matches(values: pa.Array, pattern: str | None) -> np.ndarray:
    if not pattern or not len(values):
        return np.zeros(len(values), bool)
    hit = pc.match_substring_regex(values, pattern, ignore_case=True)
    return pc.fill_null(hit, False).to_numpy(zero_copy_only=False).astype(bool)


def _host_hits(links: pd.DataFrame, urls: pa.ChunkedArray, first: np.ndarray, kinds: list[str], r: Rules) -> np.ndarray:
    """Per page and type: does the page's host name carry the type's words."""
    if "source_host" in links:
        codes, names = _codes(links["source_host"])
        host_values = pa.array(names, type=pa.large_string())
    else:
        codes, host_values = _encode(pa.chunked_array([pa.array(_hosts(urls).tolist(), type=pa.large_string())]))
    page_hosts = codes[first]
    out = np.zeros((len(first), len(kinds)))
    for j, kind in enumerate(kinds):
        hit = _matches(host_values, r.host.get(kind))
        out[:, j] = np.where(page_hosts >= 0, hit[np.maximum(page_hosts, 0)], False) if len(hit) else 0
    return out


def _page_kinds(links: pd.DataFrame, url_values: pa.Array, pages: np.ndarray, first: np.ndarray,
                kinds: list[str], r: Rules) -> np.ndarray:
    """One type per page: from its URL path, else its title, else the export's page type; ``other`` when none says."""
    paths = pc.replace_substring_regex(url_values, _SCHEME_AND_HOST, "")
    kind = np.full(len(pages), _OTHER)
    by_path = _first_kind(paths, r.path, r.order)[pages]
    kind = np.where(by_path != _OTHER, by_path, kind)
    if "source_title" in links and links["source_title"].notna().any():
        title_codes, title_values = _encode(_strings(links["source_title"]))
        by_title = _first_kind(title_values, r.title, r.order)[title_codes[first]]
        kind = np.where(kind == _OTHER, by_title, kind)
    if "page_type" in links and r.page_types:
        codes, names = _codes(links["page_type"])
        table = np.asarray([PLATFORM_TYPES.index(r.page_types.get(n.lower(), "other")) for n in names] + [_OTHER])
        kind = np.where(kind == _OTHER, table[codes[first]], kind)  # code -1 (missing) reads the last entry
    return kind


def _first_kind(values: pa.Array, patterns: dict[str, str], order: tuple[str, ...]) -> np.ndarray:
    """Per distinct value the first type in ``order`` whose patterns match, else ``other``."""
    out = np.full(len(values), _OTHER, dtype=np.int64)
    for kind in reversed(order):  # reversed: an earlier type overwrites a later one
        out = np.where(_matches(values, patterns.get(kind)), PLATFORM_TYPES.index(kind), out)
    return out


__all__ = ["PLATFORM_TYPES", "Platforms", "classify_platforms", "rules"]
