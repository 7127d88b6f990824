"""URL columns, vectorised: canonical URL, host, registrable domain and a key for de-duplication.

>>> normalise_url("HTTPS://www.Example.nl:443/pad/?utm_source=x&id=3#top")
'example.nl/pad?id=3'
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import tldextract

# Parameters that only say where a click came from (Google/Meta/Microsoft/Mailchimp/HubSpot/...
# campaign tagging); they never change the page, so two URLs that differ only in them are one.
TRACKING = r"utm_[a-z0-9_]*|gclid|gclsrc|dclid|gbraid|wbraid|fbclid|msclkid|yclid|twclid|ttclid|" \
           r"igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|spm"
_TRACKING_PARAM = re.compile(rf"^(?:{TRACKING})$", re.IGNORECASE)
_DEFAULT_PORTS = {"80", "443", ""}
# Below this share of distinct values a column is normalised per distinct value in Python;
# above it (source URLs are nearly all distinct) the vectorised path is cheaper.
DICTIONARY_SHARE = 0.25
_POOL = ThreadPoolExecutor(2, thread_name_prefix="linkwijzer-urls")


@cache
def extractor() -> tldextract.TLDExtract:
    # The public suffix list snapshot bundled with tldextract, never fetched: imports must work
    # offline and give the same domains on every machine. Private suffixes (blogspot.com,
    # github.io) count as registries, so each blog there is its own referring domain.
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), include_psl_private_domains=True)


@lru_cache(maxsize=1 << 18)  # the same hosts recur in every file of one profile
def registrable_domain(host: str) -> str:
    """The domain a registrant owns (``nieuws.bbc.co.uk`` -> ``bbc.co.uk``); IPs stay as they are."""
    if not host:
        return ""
    result = extractor()(host)
    return result.top_domain_under_public_suffix or host


def split_host(url: str) -> tuple[str, str]:
    """(lower-case host, with its port unless default; path and query), with or without scheme."""
    text = url.strip()
    if "://" not in text[:12]:
        text = "http://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host, port = (parts.hostname or ""), parts.port
    except ValueError:
        parts, host, port = None, "", None
    if parts is None:
        return "", ""
    host = host.rstrip(".")
    if port and str(port) not in _DEFAULT_PORTS:
        host = f"{host}:{port}"
    rest = parts.path.lstrip("/") + (f"?{parts.query}" if parts.query else "")
    return host, rest


def normalise_url(url: str) -> str:
    """The comparison form: no scheme, www, default port, fragment, tracking or trailing slash."""
    host, rest = split_host(url)
    return _host_key(host) + "/" + _clean_rest(rest) if host else url.strip().lower()


@dataclass
class UrlKey:
    """Comparison key of a URL column as two code arrays (host, rest) into distinct-value lists."""

    host_codes: np.ndarray  # int64 per row; -1 = no URL
    hosts: pa.Array  # host without www/default port
    rest_codes: np.ndarray
    rests: pa.Array  # path + cleaned query


@dataclass
class UrlColumn:
    url: pa.ChunkedArray | pa.DictionaryArray  # as written, http:// added where the scheme was missing
    host: pa.DictionaryArray  # lower-case host (port kept unless default)
    domain: pa.DictionaryArray  # registrable domain of the host
    key: UrlKey


def url_column(values: pa.ChunkedArray) -> UrlColumn:
    """Canonical URL, host, domain and comparison key of every row."""
    sample = values.slice(0, 20000).combine_chunks() if len(values) else pa.array([], pa.string())
    if len(sample.unique()) <= DICTIONARY_SHARE * max(len(sample), 1) or len(values) < 2000:
        return _by_distinct_value(_one_dictionary(pc.dictionary_encode(values)))
    # Not trimmed up front (a copy of every URL): cells with spaces around them take the
    # Python path in _prepare, which strips them.
    return _vectorised(values)


def comparable_keys(keys: list[UrlKey]) -> list[np.ndarray]:
    """One int64 per row, equal across all columns exactly when the normalised URLs are equal."""
    if not keys:
        return []
    if len(keys) == 1:  # codes are already shared: no remapping through the distinct values
        key = keys[0]
        width = len(key.rests) + 1
        return [np.where(key.host_codes >= 0, key.host_codes * width + key.rest_codes, -1)]
    host_global = _unify([k.hosts for k in keys])
    rest_global = _unify([k.rests for k in keys])
    width = max((len(g) for _, g in rest_global), default=1) + 1
    out = []
    for key, (host_map, _), (rest_map, _) in zip(keys, host_global, rest_global):
        valid = key.host_codes >= 0
        gh = host_map[np.maximum(key.host_codes, 0)] if len(host_map) else np.zeros(len(valid), np.int64)
        gr = rest_map[np.maximum(key.rest_codes, 0)] if len(rest_map) else np.zeros(len(valid), np.int64)
        out.append(np.where(valid, gh * width + gr, -1))
    return out


def _unify(parts: list[pa.Array]) -> list[tuple[np.ndarray, pa.Array]]:
    """Per part: a map from its local codes to codes shared by all parts."""
    if len(parts) == 1:
        return [(np.arange(len(parts[0]), dtype=np.int64), parts[0])]
    joined = pa.concat_arrays([p.cast(pa.string()) for p in parts]).dictionary_encode()
    codes = joined.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    out, start = [], 0
    for part in parts:
        out.append((codes[start:start + len(part)], joined.dictionary))
        start += len(part)
    return out


def _by_distinct_value(encoded: pa.DictionaryArray) -> UrlColumn:
    """Few distinct URLs (targets): normalise each one in Python, then spread by index."""
    distinct = [v.strip() for v in encoded.dictionary.to_pylist()]
    split = [split_host(v) for v in distinct]
    # Kept as a dictionary (few distinct values): cheap to build, a categorical in pandas.
    url = _unique_dictionary(encoded.indices, [_with_scheme(v) for v in distinct])
    host_keys, host_key_codes = _distinct([_host_key(h) for h, _ in split])
    rests, rest_codes = _distinct([_clean_rest(r) for _, r in split])
    # Per distinct URL its key codes (-1: no host), spread to the rows with Arrow's take.
    per_host = pa.array([int(k) if h else -1 for (h, _), k in zip(split, host_key_codes)], pa.int64())
    per_rest = pa.array(rest_codes, pa.int64())
    key = UrlKey(per_host.take(encoded.indices).fill_null(-1).to_numpy(zero_copy_only=False), host_keys,
                 per_rest.take(encoded.indices).fill_null(0).to_numpy(zero_copy_only=False), rests)
    return _finish(url, [h for h, _ in split], encoded.indices, key)


def _vectorised(values: pa.ChunkedArray) -> UrlColumn:
    """Mostly distinct URLs (sources): per-row work on two threads, then one hashing pass."""
    if len(values) >= 100_000:
        middle = len(values) // 2
        halves = list(_POOL.map(_prepare, (values.slice(0, middle), values.slice(middle))))
    else:
        halves = [_prepare(values)]
    url, hostport, rest = (pa.chunked_array([h[i] for h in halves]) for i in range(3))
    # Hashing the paths (Arrow, no GIL) overlaps the per-host Python work below.
    rests_job = _POOL.submit(lambda: _one_dictionary(pc.dictionary_encode(rest)))
    hosts = _one_dictionary(pc.dictionary_encode(hostport))
    distinct_hosts = [h.lower().rstrip(".") for h in hosts.dictionary.to_pylist()]
    host_keys, host_key_of = _distinct([_host_key(h) for h in distinct_hosts])
    # Per distinct host: its key code, -1 for "no host"; spread to rows with one take.
    per_host = pa.array([int(k) if h else None for h, k in zip(distinct_hosts, host_key_of)], pa.int64())
    key_hosts = per_host.take(hosts.indices).fill_null(-1).to_numpy(zero_copy_only=False)
    column = _finish(url, distinct_hosts, hosts.indices, None)
    rests = rests_job.result()
    rest_codes = rests.indices.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    column.key = UrlKey(key_hosts, host_keys, rest_codes, rests.dictionary)
    return column


def _prepare(values: pa.ChunkedArray) -> tuple[pa.Array, pa.Array, pa.Array]:
    """(URL with scheme, host[:port], path+query normalised) of every row; odd rows via Python."""
    values = values.combine_chunks()
    plain = pc.fill_null(pc.or_(pc.starts_with(values, "https://"), pc.starts_with(values, "http://")), True)
    if not pc.all(plain).as_py():
        bare = pc.and_(pc.invert(pc.fill_null(pc.match_substring(values, "://"), True)),
                       pc.greater(pc.binary_length(values), 0))
        values = pc.if_else(bare, pc.binary_join_element_wise("http://", pc.utf8_ltrim(values, "/"), ""), values)
        plain = pc.or_(pc.starts_with(values, "https://"), pc.starts_with(values, "http://"))
    # "https://host/rest" splits into "https:", "", host, rest. Taking parts 2 and 3 straight from
    # the split's flat values (numpy on its offsets) is cheaper than list_element or a regex.
    parts = pc.split_pattern(values, "/", max_splits=3)
    offsets = parts.offsets.to_numpy(zero_copy_only=False)
    count = np.diff(offsets)
    hostport = parts.values.take(pa.array(offsets[:-1] + 2, mask=count < 3))
    rest = pc.fill_null(pc.utf8_ltrim(parts.values.take(pa.array(offsets[:-1] + 3, mask=count < 4)), "/"), "")
    # Rows the fast path gets wrong go through Python: other schemes, userinfo, ports, upper
    # case, a query or fragment right after the host.
    odd = pc.fill_null(pc.match_substring_regex(hostport, r"[@:A-Z?#]|^$"), True)
    odd = pc.or_(odd, pc.invert(pc.fill_null(plain, False)))
    odd = pc.or_(odd, pc.or_(pc.ends_with(values, " "), pc.ends_with(values, "\t")))
    odd = pc.fill_null(pc.and_(odd, pc.is_valid(values)), False)
    query = pc.fill_null(pc.match_substring_regex(rest, r"[?#]"), False)
    rest = pc.ascii_rtrim(rest, "/")
    if pc.any(query).as_py():
        rest = pc.replace_with_mask(rest, query, _clean_rest_vectorised(pc.filter(rest, query)))
    if pc.any(odd).as_py():
        originals = pc.filter(values, odd).to_pylist()
        slow = [split_host(v) for v in originals]
        hostport = pc.replace_with_mask(hostport, odd, pa.array([h for h, _ in slow], pa.string()))
        rest = pc.replace_with_mask(rest, odd, pa.array([_clean_rest(r) for _, r in slow], pa.string()))
        values = pc.replace_with_mask(values, odd, pa.array([_with_scheme(v.strip()) for v in originals], pa.string()))
    return values, hostport, rest


def _one_dictionary(encoded) -> pa.DictionaryArray:
    """dictionary_encode of a chunked array shares one dictionary: join the chunks' indices."""
    if isinstance(encoded, pa.DictionaryArray):
        return encoded
    if encoded.num_chunks == 0:
        return pa.array([], pa.string()).dictionary_encode()
    indices = pa.concat_arrays([chunk.indices for chunk in encoded.chunks])
    return pa.DictionaryArray.from_arrays(indices, encoded.chunks[-1].dictionary)


def _finish(url, distinct_hosts: list[str], indices: pa.Array, key: UrlKey | None) -> UrlColumn:
    """Hosts and domains as dictionary arrays (pandas categoricals), worked out per distinct host.

    ``indices`` points every row at its entry of ``distinct_hosts`` (null: no URL).
    """
    host_values = sorted(set(distinct_hosts) - {""})
    domain_by_host = {h: registrable_domain(h) for h in host_values}
    domain_values = sorted(set(domain_by_host.values()))
    host_code = {h: i for i, h in enumerate(host_values)}
    domain_code = {d: i for i, d in enumerate(domain_values)}
    # Per distinct host: its category codes; the empty host is no host (null), not a category "".
    host_of = pa.array([host_code.get(h) for h in distinct_hosts], pa.int32())
    domain_of = pa.array([domain_code[domain_by_host[h]] if h else None for h in distinct_hosts], pa.int32())
    host = pa.DictionaryArray.from_arrays(host_of.take(indices), pa.array(host_values, pa.string()))
    domain = pa.DictionaryArray.from_arrays(domain_of.take(indices), pa.array(domain_values, pa.string()))
    return UrlColumn(url, host, domain, key)


def _unique_dictionary(indices: pa.Array, values: list[str]) -> pa.DictionaryArray:
    """A dictionary array over ``values``, which may repeat (a scheme was added): merge repeats."""
    distinct, position = np.unique(np.array(values + [""], dtype=object), return_inverse=True)
    codes = position[:-1].astype(np.int32)
    mapped = pa.array(codes, pa.int32()).take(indices) if len(values) else indices
    return pa.DictionaryArray.from_arrays(mapped, pa.array(list(distinct), pa.string()))


def _distinct(keys: list[str]) -> tuple[pa.Array, np.ndarray]:
    values, codes = np.unique(np.array(keys, dtype=object), return_inverse=True) if keys else ([], np.array([], np.int64))
    return pa.array(list(values), pa.string()), np.asarray(codes, dtype=np.int64)


def _with_scheme(url: str) -> str:
    # Moz writes URLs without a scheme; http:// lets every later step parse and fetch them
    # (servers redirect to https where they serve it).
    return url if "://" in url[:12] or not url.strip() else "http://" + url.lstrip("/")


def _host_key(host: str) -> str:
    host = host.lower().rstrip(".")
    for port in (":80", ":443"):
        if host.endswith(port):
            host = host[: -len(port)]
    return host[4:] if host.startswith("www.") else host


def _clean_rest(rest: str) -> str:
    """Path and query without fragment, tracking parameters or trailing slashes."""
    rest = rest.split("#", 1)[0]
    path, _, query = rest.partition("?")
    kept = [p for p in query.split("&") if p and not _TRACKING_PARAM.match(p.split("=", 1)[0])]
    return path.rstrip("/") + ("?" + "&".join(kept) if kept else "")


def _clean_rest_vectorised(rest: pa.Array) -> pa.Array:
    rest = pc.replace_substring_regex(rest, r"#.*$", "")
    # RE2 has no look-ahead: a match eats the '&' after it, so adjacent parameters need a second
    # pass; three passes cover all but pathological URLs, which only fold less.
    tracking = rf"(?i)([?&])(?:{TRACKING})(?:=[^&]*)?(?:&|$)"
    for _ in range(3):
        if not pc.any(pc.match_substring_regex(rest, tracking)).as_py():
            break
        rest = pc.replace_substring_regex(rest, tracking, r"\1")
    rest = pc.replace_substring_regex(rest, r"&&+", "&")
    rest = pc.replace_substring_regex(rest, r"\?&+", "?")
    rest = pc.replace_substring_regex(rest, r"[?&]+$", "")
    return pc.replace_substring_regex(rest, r"/+(\?|$)", r"\1")


__all__ = ["UrlColumn", "UrlKey", "url_column", "comparable_keys", "normalise_url", "registrable_domain", "split_host", "TRACKING"]
