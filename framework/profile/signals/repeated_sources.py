"""Repeated sources: concentration, sitewide repetition, shared subnets and templated titles or anchors across domains.

>>> subnet_of("185.107.56.35"), subnet_of("2a01:7c8:aab0:1::5"), subnet_of("onbekend")
('185.107.56.0/24', '2a01:7c8:aab0::/48', None)
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkwijzer.present.formatting import count, percent
from linkwijzer.i18n import text
from linkwijzer.profile.signals.boilerplate_placement import template_links
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.present import charts
from linkwijzer.profile.signals.base import SignalSpec, Signal, level_for, thresholds
from linkwijzer.profile.importing.urls import registrable_domain

# A "network cluster" is a group of referring domains that share something independent sites
# rarely share: an IP subnet (/24, or /48 for IPv6) or an identical page title. Clusters with an
# innocent reading get an explanation instead of an escalation (SPEC): a shared platform or CDN,
# your own name in the title (site-info pages, your own login pages), or partner, credit and
# sister-site footers that carry only your name.
SIGNAL_ID = "repeated_sources"
KINDS = ("subnet", "title", "anchor")
EXPLANATIONS = ("shared_platform", "own_brand", "brand_template", "anchor_evidence")
NETWORK_COLUMNS = ("kind", "key", "domains", "links", "examples", "counted", "explanation")
IP_AGGREGATES = ("semrush_domains", "majestic_domains", "ahrefs_domains")
_URL_LIKE = r"(?:https?://|www\.|\b[a-z0-9-]+\.(?:nl|be|com|net|org|eu|de|io|info)\b)"


@dataclass
class Repetition:
    concentration: pd.DataFrame
    """Top 20 domains by links: ``domain, links, link_share, sitewide_links``."""
    top1_share: float
    top10_share: float
    sitewide: pd.DataFrame
    """Top 20 domains with sitewide/template links: ``domain, links, sitewide_links, only_template``."""
    networks: pd.DataFrame
    """Clusters: ``kind`` (subnet/title/anchor), ``key``, ``domains``, ``links``, ``examples``,
    ``counted`` (in the signal) and ``explanation`` (an id from ``EXPLANATIONS`` when not counted)."""
    in_network: pd.Series
    """Per link (aligned to ``links.index``): its domain sits in a counted cluster."""
    signal: Signal
    group: pd.Series = None
    """Per link: the counted cluster its domain belongs to, as ``kind:key`` (``subnet:203.0.113.0/24``), or empty."""


@lru_cache(maxsize=200_000)
def host_address(ip: str) -> bool:
    """Can this be a web host's public address? Exports write placeholders (Semrush: 255.255.255.255
    for "unknown") and sometimes private, reserved or documentation addresses: none of them may
    make domains look like one network.

    >>> [host_address(a) for a in ("93.184.216.34", "255.255.255.255", "0.0.0.0", "10.1.2.3", "192.0.2.7")]
    [True, False, False, False, False]
    """
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return False
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_unspecified)


def subnet_of(ip: object) -> str | None:
    """The /24 (IPv4) or /48 (IPv6) an address belongs to; ``None`` when it is no host's address."""
    if not host_address(str(ip)):
        return None
    address = ipaddress.ip_address(str(ip).strip())
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def analyse_repetition(links: pd.DataFrame, aggregates: dict[str, pd.DataFrame] | None,
                       settings: ProfileSettings, lang: str) -> Repetition:
    """Concentration, sitewide repetition and network clusters, and the ``repeated_sources`` signal."""
    limits = thresholds(SIGNAL_ID)
    cut = {"watch": limits["watch"], "concern": limits["concern"]}
    aggregates = aggregates or {}
    codes, names = _domain_codes(links)
    sitewide = template_links(links).to_numpy(bool) if len(links) else np.zeros(0, bool)
    has = codes >= 0
    per_domain = np.bincount(codes[has], minlength=len(names))
    template_per_domain = np.bincount(codes[has], sitewide[has], minlength=len(names)).astype(np.int64)
    only_template = (template_per_domain == per_domain) & (per_domain > 0)
    brand = _brand_pattern(settings)
    credit = _phrases(limits["credit_anchors"])
    branded = _per_unique(links, "anchor", lambda a: _matches(a, brand) | _matches(a, _URL_LIKE) | _matches(a, credit))
    concentration, top1, top10, from_sitewide = _concentration(names, per_domain, template_per_domain, limits)
    sitewide_table = _sitewide_table(names, per_domain, template_per_domain, only_template)

    # Subnets: per link where exported, else from the domain-level exports (domain -> IP).
    names, subnets = _subnets(links, codes, names, aggregates)
    universe = len(names)
    only_template = np.concatenate([only_template, np.zeros(universe - len(only_template), bool)])
    known_subnets = np.array([s is not None for s in subnets], bool)
    clusters: list[dict] = []
    subnet_keys, subnet_names = pd.factorize(pd.Series(subnets, dtype="object"))
    link_subnets = np.where(has, np.append(subnet_keys, -1)[np.where(has, codes, len(subnet_keys))], -1)
    for key, members, rows in _shared(subnet_keys, np.arange(universe), limits["min_subnet_domains"], link_subnets):
        subnet = str(subnet_names[key])
        platform = _on_platform(subnet, tuple(limits["shared_platforms"]))
        clusters.append(_cluster("subnet", subnet, members, rows, names, only_template, branded, limits,
                                 "shared_platform" if platform else None))
    # Identical titles and anchors across domains.
    for kind, column, minimum in (("title", "source_title", limits["min_title_domains"]),
                                  ("anchor", "anchor", limits["min_anchor_domains"])):
        keys, shown, own = _text_keys(links, column, kind, limits, brand)
        for key, members, rows in _shared(keys, codes, minimum, keys):
            given = "anchor_evidence" if kind == "anchor" else ("own_brand" if own[key] else None)
            clusters.append(_cluster(kind, shown(key), members, rows, names, only_template, branded, limits, given))
    ahrefs_only = [] if known_subnets.any() else _ahrefs_subnets(aggregates, limits)
    networks = _networks_table(clusters + ahrefs_only, int(limits["max_clusters"]))

    counted = np.zeros(universe, bool)
    group_of = np.full(universe + 1, None, dtype=object)  # the extra slot: links without a domain
    for cluster in clusters:
        if cluster["counted"]:
            counted[cluster["members"]] = True
            fresh = cluster["members"][group_of[cluster["members"]] == None]  # noqa: E711 - numpy comparison
            group_of[fresh] = f"{cluster['kind']}:{cluster['key']}"
    unnamed = sum(c["domains"] for c in ahrefs_only if c["counted"])
    in_network = pd.Series(np.where(has, counted[np.maximum(codes, 0)], False), index=links.index, name="in_network")
    measured = {"subnets": bool(known_subnets.any()) or "ahrefs_ips" in aggregates,
                "titles": _filled(links, "source_title"), "anchors": _filled(links, "anchor")}
    details = {"domains": universe, "network_domains": int(counted.sum()) + unnamed,
               "clusters": int(sum(c["counted"] for c in clusters + ahrefs_only)),
               "explained_clusters": sum(not c["counted"] and c["kind"] != "anchor" for c in clusters + ahrefs_only),
               "anchor_clusters": int(sum(c["kind"] == "anchor" for c in clusters)),
               "top1_share": top1, "top10_share": top10, "concentration_from_sitewide": from_sitewide,
               "sitewide_domains": int((template_per_domain > 0).sum()), "sitewide_links": int(sitewide.sum()),
               "measured": measured}
    missing = "".join(text(lang, f"repeated_sources.missing.{m}") for m in ("subnets", "titles") if not measured[m])
    if not (measured["subnets"] or measured["titles"]) or not universe:
        value, why = None, text(lang, "repeated_sources.why.unmeasurable", top10=percent(top10, lang))
    else:
        value = min(details["network_domains"] / universe, 1.0)
        key = "repeated_sources.why.found" if details["clusters"] else "repeated_sources.why.none_found"
        why = text(lang, key, share=percent(value, lang), domains=count(details["network_domains"], lang),
                   clusters=details["clusters"], explained=details["explained_clusters"],
                   min_subnet=int(limits["min_subnet_domains"]),
                   min_title=int(limits["min_title_domains"]), missing=missing)
    signal = Signal(SIGNAL_ID, level_for(value, **cut), value, cut, why, details)
    group = pd.Series(group_of[np.where(has, codes, universe)], index=links.index, name="repeated_group", dtype=object)
    return Repetition(concentration, top1, top10, sitewide_table, networks, in_network, signal, group)


def _domain_codes(links: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    column = links["source_domain"] if "source_domain" in links else pd.Series([None] * len(links), dtype="object")
    codes, names = pd.factorize(column.astype("category").cat.remove_unused_categories())
    return codes.astype(np.int64), [str(n) for n in names]


def _per_unique(links: pd.DataFrame, column: str, test) -> np.ndarray:
    """A string test run once per distinct value (a million links have far fewer), per link."""
    if column not in links or not len(links):
        return np.zeros(len(links), bool)
    codes, uniques = pd.factorize(links[column])
    return np.append(test(_tidy(uniques)), False)[codes]  # code -1 (missing) -> False


def _tidy(values) -> pa.Array:
    """Lower case, one kind of dash and quote, single spaces: how a template repeats a text.

    Arrow's kernels (RE2) do this in C++: a million links can carry half a million titles.
    """
    array = pa.array(np.asarray(values, dtype=object), type=pa.string(), from_pandas=True)
    array = pc.utf8_lower(array)
    array = pc.replace_substring_regex(array, "[\u2012-\u2015]", "-")
    array = pc.replace_substring_regex(array, "[\u2018\u2019\u201c\u201d]", "'")
    # Runs of white space, or one that is not a plain space: a single space is no match (fast).
    array = pc.replace_substring_regex(array, r"[\t\n\v\f\r \x{a0}]{2,}|[\t\n\v\f\r\x{a0}]", " ")
    return pc.utf8_trim(array, characters=" .,;:!?-|")


def _matches(values: pa.Array, pattern: str) -> np.ndarray:
    return pc.fill_null(pc.match_substring_regex(values, pattern), False).to_numpy(zero_copy_only=False)


def _brand_pattern(settings: ProfileSettings) -> str:
    terms = [t for t in (*settings.brand_terms(), settings.domain) if t]
    return _phrases(terms) if terms else r"[^\s\S]"  # a character that is neither: never matches


def _phrases(terms) -> str:
    """Whole words or phrases (RE2 has no look-behind: the neighbours are matched instead)."""
    return r"(?:^|[^\w-])(?:" + "|".join(re.escape(str(t).lower()) for t in terms) + r")(?:$|[^\w-])"


def _concentration(names, per_domain, template, limits) -> tuple[pd.DataFrame, float, float, bool]:
    total = max(int(per_domain.sum()), 1)
    order = np.lexsort((np.asarray(names, dtype=object), -per_domain))[:20]
    table = pd.DataFrame({"domain": [names[i] for i in order], "links": per_domain[order],
                          "link_share": per_domain[order] / total, "sitewide_links": template[order]})
    top10 = order[:10]
    top10_links = int(per_domain[top10].sum())
    from_sitewide = bool(top10_links and template[top10].sum() / top10_links > limits["sitewide_concentration_share"])
    top1 = float(per_domain[order[0]] / total) if len(order) else 0.0
    return table, top1, float(top10_links / total), from_sitewide


def _sitewide_table(names, per_domain, template, only) -> pd.DataFrame:
    top = np.flatnonzero(template > 0)
    top = top[np.lexsort((np.asarray(names, dtype=object)[top], -template[top]))][:20]
    return pd.DataFrame({"domain": [names[i] for i in top], "links": per_domain[top],
                         "sitewide_links": template[top], "only_template": only[top]})


def _subnets(links, codes, names, aggregates) -> tuple[list[str], np.ndarray]:
    """The /24 or /48 per referring domain (``None`` when unknown).

    The referring domains are those of the links; a domain-level export only lends them its
    IPs (links filtered to a period must not meet domains from outside it). Without any links
    the domain-level export's own domains are the profile.
    """
    names = list(names)
    ips: list[object] = [None] * len(names)
    if "source_ip" in links and links["source_ip"].notna().any():
        given = pd.Series(links["source_ip"].to_numpy(object)).groupby(codes).first()
        for code, ip in given[given.index >= 0].items():
            ips[code] = ip if isinstance(ip, str) and host_address(ip) else None
    index = {n: i for i, n in enumerate(names)}
    grow = not names
    for name in IP_AGGREGATES:
        table = aggregates.get(name)
        if table is None or "domain" not in table or "ip" not in table:
            continue
        for domain, ip in zip(table["domain"].astype(str), table["ip"]):
            key = _registrable(domain.strip().lower())
            if key not in index and grow:
                index[key] = len(names)
                names.append(key)
                ips.append(None)
            if key in index and ips[index[key]] is None and isinstance(ip, str) and host_address(ip):
                ips[index[key]] = ip
    return names, _subnet_column(np.array(ips, dtype=object))


def _subnet_column(ips: np.ndarray) -> np.ndarray:
    """``subnet_of`` for many addresses: plain IPv4 by string work in C++, the rest one by one."""
    subnets = np.full(len(ips), None, dtype=object)
    text = pc.utf8_trim_whitespace(pa.array(ips, type=pa.string(), from_pandas=True))
    v4 = _matches(text, r"^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$")
    prefix = pc.replace_substring_regex(text, r"\.\d+$", ".0/24").to_numpy(zero_copy_only=False)
    subnets[v4] = prefix[v4]
    for i in np.flatnonzero(~v4 & pc.is_valid(text).to_numpy(zero_copy_only=False)):
        subnets[i] = subnet_of(ips[i])
    return subnets


@lru_cache(maxsize=200_000)
def _registrable(domain: str) -> str:
    return registrable_domain(domain)


def _on_platform(subnet: str, platforms: tuple[str, ...]) -> bool:
    network = ipaddress.ip_network(subnet)
    return any(network.version == p.version and network.subnet_of(p) for p in _networks(platforms))


@lru_cache(maxsize=4)
def _networks(platforms: tuple[str, ...]):
    return tuple(ipaddress.ip_network(p, strict=False) for p in platforms)


def _text_keys(links, column, kind, limits, brand):
    """Per link the code of its tidied title or anchor (-1 when it cannot mean a template), a
    function giving a key's text as first written, and per key whether it names your brand."""
    if column not in links or not len(links):
        return np.full(len(links), -1), str, np.zeros(0, bool)
    codes, uniques = pd.factorize(links[column])
    tidy = _tidy(uniques)
    words = pc.fill_null(pc.count_substring(tidy, " "), 0).to_numpy(zero_copy_only=False) + 1
    if kind == "title":
        length = pc.fill_null(pc.utf8_length(tidy), 0).to_numpy(zero_copy_only=False)
        usable = (length >= limits["min_title_chars"]) & (words >= limits["min_title_words"])
        usable &= ~_isin(tidy, limits["generic_titles"])
    else:  # anchors: your name, URLs and generic phrases are not templates of a network
        usable = (words >= limits["min_anchor_words"]) & ~_isin(tidy, limits["generic_anchors"])
        usable &= ~_matches(tidy, brand) & ~_matches(tidy, _URL_LIKE)
    encoded = pc.dictionary_encode(tidy)
    keys = np.where(usable, encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), -1)
    first = np.full(len(encoded.dictionary) + 1, -1, np.int64)
    first[keys[::-1]] = np.arange(len(keys))[::-1]  # the first original spelling of each key wins
    own = _matches(encoded.dictionary, brand)
    return np.append(keys, -1)[codes], lambda key: str(uniques[first[key]]), own


def _isin(values: pa.Array, words: list[str]) -> np.ndarray:
    return pc.fill_null(pc.is_in(values, value_set=pa.array(words, pa.string())), False).to_numpy(zero_copy_only=False)


def _shared(keys: np.ndarray, codes: np.ndarray, minimum: float, row_keys: np.ndarray):
    """(key, member domain codes, link rows) for every key that at least ``minimum`` domains share.

    ``keys``/``codes`` pair a key with a domain (per link, or per domain for subnets);
    ``row_keys`` is the key of every link. One sort instead of a pass per cluster: a million
    links can form hundreds of clusters.
    """
    ok = (keys >= 0) & (codes >= 0)
    if not ok.any():
        return []
    width = int(codes[ok].max()) + 1
    pairs = np.sort(keys[ok].astype(np.int64) * width + codes[ok])  # sort + mask: cheaper than np.unique here
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]]
    pair_keys, pair_domains = pairs // width, pairs % width
    counts = np.bincount(pair_keys)
    big = np.flatnonzero(counts >= minimum)
    if not len(big):
        return []
    starts = np.searchsorted(pair_keys, big)
    order = np.argsort(row_keys, kind="stable")
    ordered = row_keys[order]
    lo, hi = np.searchsorted(ordered, big, "left"), np.searchsorted(ordered, big, "right")
    return [(int(key), pair_domains[start:start + counts[key]], order[a:b])
            for key, start, a, b in zip(big, starts, lo, hi)]


def _cluster(kind, key, members, rows, names, only_template, branded, limits, explanation) -> dict:
    """One cluster; partner, credit and sister-site footers (every domain links only from
    templates, mostly with your name or URL as anchor) are explained rather than counted."""
    if explanation is None and len(rows) and only_template[members].all() \
            and branded[rows].mean() >= limits["brand_template_share"]:
        explanation = "brand_template"
    examples = ", ".join(sorted(names[i] for i in members[:50])[:5])  # a few names show the kind; 50 bound the cost
    return {"kind": kind, "key": key, "domains": int(len(members)), "links": int(len(rows)), "examples": examples,
            "counted": explanation is None, "explanation": explanation, "members": members}


def _ahrefs_subnets(aggregates, limits) -> list[dict]:
    """Ahrefs' referring-IPs export counts domains per subnet without naming them."""
    table = aggregates.get("ahrefs_ips")
    if table is None or "subnet" not in table or "ref_domains" not in table:
        return []
    out = []
    for subnet, domains, links in zip(table["subnet"], pd.to_numeric(table["ref_domains"], errors="coerce"),
                                      table.get("links", pd.Series([0] * len(table)))):
        key = subnet_of(str(subnet).split("/")[0])
        if key and domains == domains and domains >= limits["min_subnet_domains"]:
            platform = _on_platform(key, tuple(limits["shared_platforms"]))
            out.append({"kind": "subnet", "key": key, "domains": int(domains), "links": int(links or 0),
                        "examples": "", "counted": not platform,
                        "explanation": "shared_platform" if platform else None, "members": np.zeros(0, int)})
    return out


def _networks_table(clusters: list[dict], limit: int) -> pd.DataFrame:
    # Counted first; subnets (the strongest evidence, and few) before titles, anchors last.
    rows = sorted(clusters, key=lambda c: (not c["counted"], KINDS.index(c["kind"]), -c["domains"], c["key"]))[:limit]
    table = pd.DataFrame([{c: r[c] for c in NETWORK_COLUMNS} for r in rows], columns=list(NETWORK_COLUMNS))
    table["explanation"] = table["explanation"].astype(object).where(table["explanation"].notna(), None)
    return table


def _filled(links: pd.DataFrame, column: str) -> bool:
    return column in links and bool(links[column].notna().any())




def _charts(measured: Repetition, lang: str) -> list:
    if not len(measured.concentration):
        return []
    return [("half", charts.concentration_chart(measured.concentration, lang))]


def _tables(measured: Repetition, lang: str) -> list:
    return [("", measured.networks)] if len(measured.networks) else []


SIGNAL = SignalSpec(
    id=SIGNAL_ID, needs=(("source_domain",),),
    measure=lambda inputs: analyse_repetition(inputs.links, inputs.aggregates, inputs.settings, inputs.lang),
    charts=_charts, tables=_tables,
    in_report=False)  # its table of networks says more than a chart on paper

__all__ = ["SIGNAL", "analyse_repetition", "subnet_of", "Repetition", "KINDS", "EXPLANATIONS", "SIGNAL_ID"]
