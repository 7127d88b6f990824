"""repeated_sources on the sample profiles (against ground_truth.json) and on hand-made clusters."""

from __future__ import annotations

import json
from functools import cache

import pandas as pd
import pytest

from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.signals.repeated_sources import EXPLANATIONS, analyse_repetition, subnet_of
from linkwijzer.profile.importing.samples import SAMPLE_DIR, SAMPLES
from linkwijzer.profile.review.settings import ProfileSettings

TRUTH = json.loads((SAMPLE_DIR / "ground_truth.json").read_text(encoding="utf-8"))
HEALTHY = TRUTH["fietsenvandijk_ahrefs_backlinks.csv"]
OVER = TRUTH["snelle-ebikes_semrush_backlinks.csv"]
SITE = ProfileSettings(site="fietsenvandijk.nl", brand=("Fietsen van Dijk", "fietsenvandijk"))


@cache
def sample(sample_id: str):
    s = SAMPLES[sample_id]
    result = import_files([(p.name, p) for p in s.paths()])
    return result.links, result.aggregates, ProfileSettings(site=s.site, brand=s.brand, keywords=s.keywords,
                                                            topics=s.topics)


def frame(rows: list[dict]) -> pd.DataFrame:
    """Links from dicts with domain, and optionally ip, title, anchor, sitewide."""
    table = pd.DataFrame(rows)
    out = pd.DataFrame({"source_domain": pd.Categorical(table["domain"])})
    for column, name in (("ip", "source_ip"), ("title", "source_title"), ("anchor", "anchor")):
        given = table[column] if column in table else pd.Series(pd.NA, index=table.index)
        out[name] = given.astype("string")
    out["sitewide"] = pd.array(table["sitewide"] if "sitewide" in table else [pd.NA] * len(table), dtype="boolean")
    return out


def independent(n: int, **values) -> list[dict]:
    return [{"domain": f"los{i}.nl", "ip": f"10.{i // 200}.{i % 200}.1", "title": f"Eigen verhaal nummer {i}",
             "anchor": "Fietsen van Dijk", **values} for i in range(n)]


def test_subnets() -> None:
    assert subnet_of("194.71.126.7") == "194.71.126.0/24"
    assert subnet_of(" 2a00:1450:4001:81c::200e ") == "2a00:1450:4001::/48"
    # Addresses no web host has: placeholders, private, reserved and documentation ranges.
    for placeholder in ("255.255.255.255", "0.0.0.0", "10.1.2.3", "192.168.0.7", "127.0.0.1", "192.0.2.5",
                        "198.51.100.9", "203.0.113.1", "240.0.0.1", "2001:db8:1234:ffff::1", "::1"):
        assert subnet_of(placeholder) is None, placeholder
    assert subnet_of(None) is None and subnet_of("") is None


def test_over_optimised_network_on_two_subnets_with_shared_titles() -> None:
    links, aggregates, settings = sample("overoptimised")
    result = analyse_repetition(links, aggregates, settings, "nl")
    networks = result.networks
    subnets = networks[networks["kind"] == "subnet"].set_index("key")
    for name, network in OVER["network"].items():
        row = subnets.loc[network["subnet"]]
        assert row["domains"] == len(network["domains"]) and row["counted"]
        assert set(row["examples"].split(", ")) <= set(network["domains"])
    # "Every other referring domain has a /24 of its own."
    assert len(subnets) == 2
    titles = networks[networks["kind"] == "title"]
    shown = set(titles["key"].str.lower())
    assert {t.lower() for t in OVER["network_shared_titles"]} <= shown
    assert titles[titles["key"].str.lower().isin({t.lower() for t in OVER["network_shared_titles"]})]["counted"].all()
    network_domains = {d for n in OVER["network"].values() for d in n["domains"]}
    flagged = set(links.loc[result.in_network, "source_domain"].astype(str))
    assert network_domains <= flagged
    assert result.signal.level == "concern" and result.signal.value >= len(network_domains) / OVER["referring_domains"]
    assert result.top1_share == pytest.approx(OVER["top_domain_link_share"], abs=0.0001)
    # The top domains are the network's blogs, whose links are mostly its sitewide blogroll.
    assert result.signal.details["concentration_from_sitewide"]
    assert result.signal.details["sitewide_domains"] == OVER["sitewide_domains"]
    assert result.signal.details["sitewide_links"] == OVER["sitewide_links"]


def test_healthy_profile_has_no_network() -> None:
    links, aggregates, settings = sample("healthy")
    result = analyse_repetition(links, aggregates, settings, "en")
    assert result.signal.level == "ok"
    assert result.top1_share == pytest.approx(HEALTHY["top_domain_link_share"], abs=0.0001)
    assert len(result.concentration) == 20 and result.concentration["links"].is_monotonic_decreasing
    assert set(result.sitewide["domain"]) == set(HEALTHY["sitewide_partners"])
    assert (result.networks["kind"] != "subnet").all()
    # No IPs in an Ahrefs backlinks export: said, not hidden.
    assert "IP" in result.signal.why and result.signal.details["measured"] == {"subnets": False, "titles": True,
                                                                              "anchors": True}
    # Natural descriptive anchors repeat across domains: shown as evidence, never counted.
    anchors = result.networks[result.networks["kind"] == "anchor"]
    assert len(anchors) and not anchors["counted"].any() and (anchors["explanation"] == "anchor_evidence").all()


def test_gsc_measures_concentration_and_says_what_it_cannot() -> None:
    links, aggregates, settings = sample("gsc")
    for lang in ("nl", "en"):
        result = analyse_repetition(links, aggregates, settings, lang)
        assert result.signal.level == "unknown" and result.signal.value is None
        assert "{" not in result.signal.why and "IP" in result.signal.why
        assert 0 < result.top10_share < 1 and len(result.concentration) == 20


def test_clusters_with_an_innocent_reading_are_explained_not_counted() -> None:
    rows = independent(60)
    # Sister sites of one owner on one /24, linking only from their footer with the brand name.
    rows += [{"domain": f"zus{i}.nl", "ip": f"81.4.100.{i}", "title": f"Zustersite {i} van de groep",
              "anchor": "Fietsen van Dijk", "sitewide": True} for i in range(8)]
    # Many unrelated sites behind Cloudflare.
    rows += [{"domain": f"cf{i}.nl", "ip": f"104.21.7.{i}", "title": f"Cloudflare klant {i}", "anchor": "lees meer"}
             for i in range(7)]
    # Site-info pages generated about the user's own domain.
    rows += [{"domain": f"info{i}.com", "ip": f"11.{i}.0.1", "title": "fietsenvandijk.nl | Site info",
              "anchor": "fietsenvandijk.nl"} for i in range(6)]
    result = analyse_repetition(frame(rows), {}, SITE, "nl")
    explained = dict(zip(result.networks["key"], result.networks["explanation"]))
    assert explained["81.4.100.0/24"] == "brand_template"
    assert explained["104.21.7.0/24"] == "shared_platform"
    assert explained["fietsenvandijk.nl | Site info"] == "own_brand"
    assert not result.networks["counted"].any() and set(result.networks["explanation"]) <= set(EXPLANATIONS)
    assert result.signal.value == 0 and result.signal.level == "ok"
    assert result.signal.details["explained_clusters"] == 3


def test_a_real_network_is_counted() -> None:
    rows = independent(80)
    # Same /24, sitewide links, but with keyword anchors: not a partner footer.
    rows += [{"domain": f"net{i}.nl", "ip": f"185.107.56.{i}", "title": f"Blog {i} over fietsen en meer",
              "anchor": "e-bike kopen", "sitewide": True} for i in range(6)]
    # Clones with one page title and no IPs in the export for them.
    rows += [{"domain": f"kloon{i}.nl", "title": "Goedkope e-bike kopen? Let hier op!", "anchor": "goedkope e-bike"}
             for i in range(9)]
    links = frame(rows)
    result = analyse_repetition(links, None, SITE, "en")
    counted = result.networks[result.networks["counted"]]
    assert set(counted["kind"]) == {"subnet", "title"}
    assert result.signal.details["network_domains"] == 15
    assert result.signal.value == pytest.approx(15 / 95) and result.signal.level == "concern"
    assert result.in_network.sum() == 15 and result.in_network.index.equals(links.index)


def test_ips_from_domain_exports_and_ipv6() -> None:
    links = frame(independent(40, ip=None))
    aggregates = {"semrush_domains": pd.DataFrame({
        "domain": [f"los{i}.nl" for i in range(40)] + ["only-in-refdomains.nl"],
        "ip": [f"2a01:7c8:aab0:{i}::1" if i < 5 else f"20.{i}.1.1" for i in range(40)] + ["2a01:7c8:aab0:99::9"]})}
    result = analyse_repetition(links, aggregates, SITE, "nl")
    row = result.networks.set_index("key").loc["2a01:7c8:aab0::/48"]
    # The links' domains are the profile (a filtered period must not meet domains from outside
    # it): the export only lends them IPs.
    assert row["domains"] == 5 and row["counted"]
    assert result.signal.details["domains"] == 40
    assert result.signal.level == "watch"  # 5 of 40
    # Without links, the referring-domains export is the profile.
    alone = analyse_repetition(links.iloc[:0], aggregates, SITE, "nl")
    assert alone.signal.details["domains"] == 41 and alone.networks.iloc[0]["domains"] == 6


def test_ahrefs_referring_ips_export_counts_unnamed_domains() -> None:
    links = frame(independent(50, ip=None, title=None))
    aggregates = {"ahrefs_ips": pd.DataFrame({"subnet": ["185.107.56.0/24", "104.16.1.0/24", "9.9.9.0/24"],
                                              "ref_domains": [12, 40, 1], "links": [300, 80, 1]})}
    result = analyse_repetition(links, aggregates, SITE, "en")
    assert result.signal.details["network_domains"] == 12 and result.signal.level == "concern"
    assert result.networks.set_index("key").loc["104.16.1.0/24", "explanation"] == "shared_platform"


@pytest.mark.parametrize("links", [
    frame([{"domain": "a.nl", "ip": "1.2.3.4", "title": "Een titel van een pagina", "anchor": "x"}]),
    frame([{"domain": "a.nl"}]).iloc[:0],
    pd.DataFrame({"source_domain": pd.Categorical(["a.nl", "b.nl"])}),
], ids=["one_link", "empty", "domains_only"])
def test_edge_cases(links: pd.DataFrame) -> None:
    for lang in ("nl", "en"):
        result = analyse_repetition(links, {}, ProfileSettings(), lang)
        assert result.signal.why and "{" not in result.signal.why
        assert result.signal.level in ("ok", "unknown") and result.in_network.index.equals(links.index)
