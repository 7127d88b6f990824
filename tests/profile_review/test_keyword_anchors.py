"""Anchor classes and the keyword_anchors signal, on the sample profiles and on hand-made edge cases."""

from __future__ import annotations


import pandas as pd
import pytest

from linkwijzer.profile.signals.keyword_anchors import ANCHOR_CLASSES, Classifier, analyse_anchors
from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.importing.samples import SAMPLES
from tests.profile_review.samples import TRUTH, sample_links, sample_settings
from linkwijzer.profile.review.settings import ProfileSettings

LINK_FILES = {"healthy": "fietsenvandijk_ahrefs_backlinks.csv", "overoptimised": "snelle-ebikes_semrush_backlinks.csv",
              "competitor_fietsplein": "fietsplein_majestic_backlinks.csv",
              "competitor_ebikecentrum": "ebikecentrum_moz_inbound_links.csv"}




def truth_settings(sample: str) -> ProfileSettings:
    """The brand terms and money keywords the generator counted with (more keywords than the SampleSet's)."""
    truth = TRUTH[LINK_FILES[sample]]
    return sample_settings(sample, brand=tuple(truth["brand_terms"]), keywords=tuple(truth["money_keywords"]))


def links(*anchors, **columns) -> pd.DataFrame:
    """A hand-made link table: one link per anchor, each from its own domain unless given."""
    n = len(anchors)
    frame = {"source_url": [f"https://site{i}.nl/page" for i in range(n)],
             "source_domain": [f"site{i}.nl" for i in range(n)], "anchor": list(anchors)}
    frame.update(columns)
    return pd.DataFrame(frame)


FIETSEN = ProfileSettings(site="fietsenvandijk.nl", brand=("Fietsen van Dijk", "fietsenvandijk"),
                          keywords=("fietsenmaker utrecht", "e-bike kopen", "e-bike onderhoud", "bakfiets kopen"))


# -- the sample profiles ---------------------------------------------------------------------

@pytest.mark.parametrize("sample, level", [("healthy", "ok"), ("overoptimised", "concern"), ("own_list", "ok"),
                                           ("competitor_fietsplein", "ok"), ("competitor_ebikecentrum", "ok")])
def test_levels_with_the_sample_settings(sample: str, level: str) -> None:
    signal = analyse_anchors(sample_links(sample), sample_settings(sample), "en").signal
    assert signal.level == level, (signal.value, signal.why)


@pytest.mark.parametrize("sample", LINK_FILES)
def test_exact_match_domains_as_the_generator_counted_them(sample: str) -> None:
    truth = TRUTH[LINK_FILES[sample]]
    mix = analyse_anchors(sample_links(sample), truth_settings(sample), "en")
    exact = int(mix.by_class.at["exact", "domains"])
    if sample == "overoptimised":
        # The generator counts only the literal keyword; Linkwijzer also counts its plural
        # ("goedkope e-bikes" for "goedkope e-bike", 41 links on 25 domains): at most 6% more.
        assert truth["exact_match_domains"] <= exact <= truth["exact_match_domains"] * 1.06
    else:
        assert exact == truth["exact_match_domains"]
        assert mix.by_class.at["exact", "share_domains"] == pytest.approx(truth["exact_match_domain_share"], abs=5e-4)


@pytest.mark.parametrize("sample", LINK_FILES)
def test_link_counts_per_class_match_the_ground_truth(sample: str) -> None:
    truth = TRUTH[LINK_FILES[sample]]["anchor_classes_by_link"]
    got = analyse_anchors(sample_links(sample), truth_settings(sample), "en").by_class["links"]
    assert got["naked_url"] == truth["naked_url"] and got["generic"] == truth["generic"]
    # The brand family adds up exactly; within it the generator's labels differ on purpose:
    # "werkplaats van Fietsen van Dijk" has no keyword beside the brand (branded here, brand_keyword
    # there), and an image link with alt text "logo Fietsen van Dijk" is an image link here.
    assert got[["branded", "compound", "image"]].sum() == truth["branded"] + truth["brand_keyword"] + truth["image"]
    assert got[["exact", "partial", "other"]].sum() == truth["exact"] + truth["partial"] + truth["other"]


def test_overoptimised_value_and_example() -> None:
    signal = analyse_anchors(sample_links("overoptimised"), truth_settings("overoptimised"), "en").signal
    assert signal.value == pytest.approx(0.73, abs=0.03)
    assert "'e-bike kopen'" in signal.why and signal.why.startswith("73%")
    assert signal.threshold == {"watch": 0.15, "concern": 0.30}


def test_gsc_has_no_anchors_so_the_signal_is_unknown() -> None:
    from linkwijzer.profile.signals.base import Inputs, judge
    from linkwijzer.profile.signals.keyword_anchors import SIGNAL

    mix = judge(SIGNAL, Inputs(sample_links("gsc"), {}, sample_settings("gsc"), "en"))
    assert mix.classes.isna().all() and mix.by_class["links"].sum() == 0
    assert mix.signal.level == "unknown" and mix.signal.value is None
    assert "Search Console" in mix.signal.why


def test_merged_gsc_and_ahrefs_classify_only_the_file_with_anchors() -> None:
    paths = SAMPLES["healthy"].paths() + SAMPLES["gsc"].paths()[:1]
    merged = import_files([(p.name, p) for p in paths]).links
    mix = analyse_anchors(merged, sample_settings("healthy"), "en")
    from_gsc = merged["source_file"].astype(str).str.contains("gsc")
    assert mix.classes[from_gsc].isna().all() and mix.classes[~from_gsc].notna().all()


def test_classes_are_categorical_and_aligned() -> None:
    frame = sample_links("healthy").iloc[::7]
    mix = analyse_anchors(frame, sample_settings("healthy"), "nl")
    assert mix.classes.index.equals(frame.index)
    assert list(mix.classes.cat.categories) == list(ANCHOR_CLASSES)
    assert len(mix.top_anchors) <= 25 and mix.top_anchors["domains"].is_monotonic_decreasing
    assert list(mix.top_anchors.columns) == ["anchor", "class", "links", "domains"]


# -- the rules, one by one ----------------------------------------------------------------------

@pytest.mark.parametrize("anchor", ["klik hier", "Klik hier!", "lees meer", "meer info", "deze website", "website",
                                    "bekijk", "bron", "link", "hier", "click here", "Read more", "this website",
                                    "here", "source", "visit site", "»", "→"])
def test_generic_phrases_in_dutch_and_english(anchor: str) -> None:
    assert Classifier(FIETSEN.brand_terms(), FIETSEN.keywords)(anchor) == "generic"


@pytest.mark.parametrize("anchor, expected", [
    ("fietsenvandijk", "branded"), ("Fietsen van Dijk", "branded"), ("FIETSEN VAN DIJK", "branded"),
    ("Fietsen-van-Dijk", "branded"), ("Van Dijk Fietsen", "branded"), ("Fietsen van Dijk Utrecht", "branded"),
    ("e-bikes bij Fietsen van Dijk", "compound"), ("FietsenVanDijk bakfietsen", "compound"),
    ("fietsenvandijk.nl", "naked_url"), ("https://www.fietsenvandijk.nl/e-bikes/", "naked_url"),
    ("www.fietsenvandijk.nl", "naked_url"), ("http://example.com", "naked_url"),
    ("e-bike kopen", "exact"), ("E-bikes kopen", "exact"), ("fietsenmaker utrecht", "exact"),
    ("e-bike winkel Utrecht", "partial"), ("onderhoud van je e-bike", "partial"), ("e-bikes", "partial"),
    ("onze vaste fietsenmaker", "other"), ("Utrecht", "other"), ("de werkplaats", "other"),
    ("", "image"), ("  ", "image"), ('"  "', "image"),
])
def test_classification_rules(anchor: str, expected: str) -> None:
    assert Classifier(FIETSEN.brand_terms(), FIETSEN.keywords)(anchor) == expected


def test_brand_defaults_from_the_site() -> None:
    settings = ProfileSettings(site="https://www.fietsenvandijk.nl/", keywords=("e-bike kopen",))
    mix = analyse_anchors(links("Fietsen van Dijk", "fietsenvandijk", "FIETSEN VAN DIJK"), settings, "en")
    assert mix.classes.tolist() == ["branded"] * 3


def test_image_links_and_empty_anchors_are_image() -> None:
    frame = links("Fietsen van Dijk logo", None, "", link_type=["image", "text", "text"])
    mix = analyse_anchors(frame, FIETSEN, "en")
    assert mix.classes.tolist() == ["image", "image", "image"]
    assert mix.signal.level == "ok" and mix.signal.value == 0


def test_one_link() -> None:
    mix = analyse_anchors(links("e-bike kopen"), FIETSEN, "nl")
    assert mix.classes.tolist() == ["exact"]
    assert mix.signal.value == 1.0 and mix.signal.level == "concern"
    assert mix.signal.why.startswith("100% van de verwijzende domeinen")


def test_no_anchor_column_at_all() -> None:
    frame = links("x").drop(columns="anchor")
    mix = analyse_anchors(frame, FIETSEN, "en")
    assert mix.classes.isna().all() and mix.signal.level == "unknown"


def test_an_empty_table() -> None:
    mix = analyse_anchors(links(), FIETSEN, "en")
    assert len(mix.classes) == 0 and mix.signal.level == "unknown" and mix.top_anchors.empty


def test_shares_count_each_domain_once() -> None:
    # one sitewide footer link on 1,000 pages of one site is one domain, not a thousand votes
    footer = pd.DataFrame({"source_domain": ["footer.nl"] * 1000, "anchor": ["e-bike kopen"] * 1000})
    rest = links("Fietsen van Dijk", "fietsenvandijk.nl", "klik hier")
    mix = analyse_anchors(pd.concat([footer, rest], ignore_index=True), FIETSEN, "en")
    assert mix.by_class.at["exact", "links"] == 1000 and mix.by_class.at["exact", "domains"] == 1
    assert mix.signal.value == pytest.approx(0.25)
    assert mix.by_class["share_links"].sum() == pytest.approx(1.0)


def test_compound_counts_half() -> None:
    mix = analyse_anchors(links("e-bikes bij Fietsen van Dijk", "Fietsen van Dijk"), FIETSEN, "en")
    assert mix.signal.value == pytest.approx(0.25)


def test_without_keywords_suggestions_appear_and_the_signal_is_unknown() -> None:
    settings = sample_settings("overoptimised", keywords=())
    mix = analyse_anchors(sample_links("overoptimised"), settings, "en")
    assert mix.signal.level == "unknown" and mix.signal.value is None
    assert 0 < len(mix.suggested_keywords) <= 10
    assert {"e-bike kopen", "goedkope e-bike", "elektrische fiets kopen"} <= set(mix.suggested_keywords)
    assert not any("snelle" in s for s in mix.suggested_keywords)  # never the brand
    assert mix.suggested_keywords[0] in mix.signal.why
    assert mix.signal.details["suggested_keywords"] == mix.suggested_keywords


def test_suggestions_leave_out_stopwords_generic_phrases_and_urls() -> None:
    frame = links("de beste fietsenmaker", "fietsenmaker in Zeist", "klik hier", "www.voorbeeld.nl", "fietsenmaker")
    mix = analyse_anchors(frame, ProfileSettings(site="voorbeeld.nl"), "en")
    assert mix.suggested_keywords[0] == "fietsenmaker"
    assert not {"klik", "hier", "de", "www.voorbeeld.nl", "beste"} & set(mix.suggested_keywords)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("sample, keywords", [("healthy", None), ("overoptimised", ()), ("gsc", None),
                                              ("competitor_fietsplein", None)])
def test_why_is_filled_in_both_languages(lang: str, sample: str, keywords) -> None:
    settings = sample_settings(sample) if keywords is None else sample_settings(sample, keywords=keywords)
    why = analyse_anchors(sample_links(sample), settings, lang).signal.why
    assert why and "{" not in why and "}" not in why


def test_suggestions_are_never_brands_prices_addresses_or_buttons() -> None:
    """What real exports put in 'other' anchors that is no keyword: the site's own name (also spelled
    apart), prices, pieces of addresses, and buttons in the languages real profiles carry."""
    anchors = (["Meilleurs Agents"] * 3 + ["meilleursagents"] * 2 + ["71 00 each"] * 3 + ["https t me boost"] * 3
               + ["visiter le site"] * 3 + ["weiterlesen"] * 3 + ["read original article"] * 3 + ["leggi di più"] * 2
               + ["prix immobilier paris"] * 4 + ["estimation appartement"] * 2)
    frame = links(*anchors, target_url=["https://www.meilleursagents.com/prix"] * len(anchors))
    mix = analyse_anchors(frame, ProfileSettings(site="example.org"), "en")
    suggested = mix.suggested_keywords
    assert suggested[0] == "prix immobilier paris"  # ranked by referring domains
    assert "estimation appartement" in suggested
    banned = ("meilleurs", "agents", "71", "00", "each", "https", "visiter", "weiterlesen", "original", "leggi")
    assert not [s for s in suggested if any(word in s.split() for word in banned)], suggested
