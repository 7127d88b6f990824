"""Platform types of referring domains: hosts, paths, titles and the export's page type, Dutch and English."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from linkwijzer.profile.comparison import platforms
from linkwijzer.profile.comparison.platforms import PLATFORM_TYPES, classify_platforms

from tests.compare.helpers import data


def kinds(urls, titles=None, **columns) -> dict[str, str]:
    frame = pd.DataFrame({"source_url": urls, **({"source_title": titles} if titles else {}), **columns})
    result = classify_platforms(frame)
    return dict(zip(result.by_domain["domain"], result.by_domain["platform"]))


@pytest.mark.parametrize("url, expected", [
    ("https://www.amersfoortcourant.nl/2024/06/wachttijden", "news"),
    ("https://www.zuilenpost.nl/over-ons/", "news"),
    ("https://www.mkb-utrecht-nieuws.nl/interview", "news"),
    ("https://www.bakfietsforum.nl/", "forum"),
    ("https://forum.fietsers.nl/", "forum"),
    ("https://www.mijnfietsblog.nl/", "blog"),
    ("https://www.bedrijvengids-zeist.nl/", "directory"),
    ("https://www.openingstijden-woerden.nl/", "directory"),
    ("https://www.winkelgids-breukelen.nl/", "directory"),  # a shop guide, not a shop
    ("https://www.gemeente-houten.nl/", "gov_edu"),
    ("https://www.obs-de-linde.nl/", "gov_edu"),
    ("https://www.cs.stanford.edu/", "gov_edu"),
    ("https://www.ox.ac.uk/", "gov_edu"),
    ("https://www.fietsshop-utrecht.nl/", "shop"),
    ("https://www.kapsalon-post.nl/", "other"),  # a surname, not a local paper
    ("https://www.kapsalonkarin.nl/bereikbaarheid/", "other"),
])
def test_host_names(url, expected):
    assert list(kinds([url]).values()) == [expected]


@pytest.mark.parametrize("url, expected", [
    ("https://www.kapper.nl/forum/threads/welke-fiets.123/", "forum"),
    ("https://www.velopraat.nl/viewtopic.php?t=5", "forum"),
    ("https://joosttrapt.nl/2025/03/een-lekke-band-plakken/", "blog"),
    ("https://stadse-fietstas.nl/page/3/", "blog"),
    ("https://www.ergens.nl/nieuws/2024/02/nieuwe-stalling", "news"),
    ("https://www.ergens.nl/bedrijf/fietsen-van-dijk-utrecht-347985", "directory"),
    ("https://www.polderbike.de/de/dealers/utrecht/fietsen-van-dijk", "directory"),
    ("https://www.ergens.nl/reviews/fietsen-van-dijk", "directory"),
    ("https://www.ergens.nl/product/e-bike-x1", "shop"),
])
def test_url_paths(url, expected):
    assert list(kinds([url]).values()) == [expected]


def test_titles_and_page_types_speak_when_the_path_does_not():
    got = kinds(["https://a.nl/x", "https://b.nl/y", "https://c.nl/z", "https://d.nl/q"],
                ["Alle links | Linkdirectory", "Het fietsforum voor iedereen", "Over ons", "Over ons"],
                page_type=[None, None, "forum", "homepage"])
    assert got == {"a.nl": "directory", "b.nl": "forum", "c.nl": "forum", "d.nl": "other"}


def test_known_platforms_by_registrable_domain():
    frame = pd.DataFrame({"source_url": ["https://nl.linkedin.com/in/jan", "https://www.reddit.com/r/fietsen/x"],
                          "source_domain": ["linkedin.com", "reddit.com"]})
    result = classify_platforms(frame)
    assert dict(zip(result.by_domain["domain"], result.by_domain["platform"])) == {"linkedin.com": "social",
                                                                                  "reddit.com": "forum"}
    assert set(result.by_domain["evidence"]) == {"known"}


def test_pages_can_outvote_the_host_name():
    # "winkel" in the name, but every linking page is a review listing: it lists shops
    urls = [f"https://www.kiesjewinkel.nl/reviews/shop-{i}" for i in range(3)]
    assert kinds(urls) == {"kiesjewinkel.nl": "directory"}


def test_one_type_per_domain_and_per_link_aligned():
    frame = pd.DataFrame({"source_url": ["https://a-forum.nl/t/1", "https://a-forum.nl/t/2", "https://kapper.nl/"],
                          "source_domain": pd.Categorical(["a-forum.nl", "a-forum.nl", "kapper.nl"])},
                         index=[10, 20, 30])
    result = classify_platforms(frame)
    assert result.per_link.index.tolist() == [10, 20, 30]
    assert result.per_link.tolist() == ["forum", "forum", "other"]
    assert result.by_domain.set_index("domain").at["a-forum.nl", "pages"] == 2
    mix = result.mix()
    assert list(mix.index) == list(PLATFORM_TYPES)
    assert mix["share_domains"].sum() == pytest.approx(1.0)
    assert mix.at["forum", "domains"] == 1


def test_empty_and_missing_values():
    assert len(classify_platforms(pd.DataFrame({"source_url": pd.Series(dtype=object)})).by_domain) == 0
    result = classify_platforms(pd.DataFrame({"source_url": ["https://x.nl/blog/a", None]}))
    assert result.per_link.iloc[0] == "blog"


def test_samples_show_the_kinds_the_generator_built():
    # fietsplein: more editorial news and blog mentions; ebikecentrum: many directories and forums
    mixes = {s: classify_platforms(data(s)[0]).mix()["share_domains"]
             for s in ("healthy", "competitor_fietsplein", "competitor_ebikecentrum")}
    plein, centrum = mixes["competitor_fietsplein"], mixes["competitor_ebikecentrum"]
    assert plein["news"] > 2 * centrum["news"] and plein["blog"] > centrum["blog"]
    assert centrum["directory"] > 2 * plein["directory"] and centrum["forum"] > 2 * plein["forum"]
    healthy = mixes["healthy"]
    assert healthy[["news", "blog", "directory", "forum", "gov_edu"]].min() > 0.03
    assert healthy["other"] < 0.35  # local businesses and clubs: normal, not the bulk


def test_gsc_only_links_are_classified_from_paths():
    mix = classify_platforms(data("gsc")[0]).mix()["share_domains"]
    assert mix["blog"] > 0.2 and mix["forum"] > 0.02


def test_rules_file_is_checked(data_file, tmp_path):
    bad = tmp_path / "platforms.toml"
    bad.write_text('order = ["news"]\nhost_weight = 1\nmin_score = 0.4\n', encoding="utf-8")
    load = data_file(platforms, "DATA", bad, platforms.rules)
    with pytest.raises(ValueError, match="order"):
        load()


def test_many_links_by_distinct_value():
    n = 300_000
    rng = np.random.default_rng(1)
    domains = np.array([f"site{i}.nl" for i in range(3000)])
    pick = domains[rng.integers(0, len(domains), n)]
    paths = np.array(["/forum/threads/", "/2024/05/", "/bedrijf/", "/over-ons/"])[rng.integers(0, 4, n)]
    urls = pd.Series([f"https://www.{d}{p}{i}" for i, (d, p) in enumerate(zip(pick, paths))], dtype="str")
    frame = pd.DataFrame({"source_url": urls, "source_domain": pd.Categorical(pick),
                          "source_title": pd.Series(["Een titel"] * n, dtype="str")})
    start = time.perf_counter()
    result = classify_platforms(frame)
    assert time.perf_counter() - start < 5  # about 0.5 s here; a million distinct URLs take about 1.5 s
    assert len(result.by_domain) == 3000
