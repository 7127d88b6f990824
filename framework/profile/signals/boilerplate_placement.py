"""Placement mix: where links sit on the linking page, from what the export states, and the boilerplate signal.

>>> CLASSES[-2:]
('boilerplate', 'unknown')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from linkwijzer.present.formatting import count, percent
from linkwijzer.i18n import text
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.present import charts
from linkwijzer.profile.signals.base import SignalSpec, Signal, level_for, thresholds

# Exports say little about placement, and this module says no more than they do: Ahrefs
# ``Content`` tells whether a link is in the main content block (false = outside it, position
# not stated: ``boilerplate``, never guessed as "footer"); ``Links in group`` in the hundreds
# marks a template link; Semrush only states ``Sitewide``; other exports state nothing
# (``unknown``). The live check later fills ``placement`` with exact classes, which win.
SIGNAL_ID = "boilerplate_placement"
PLACEMENTS = ("content", "content_list", "navigation", "header", "footer", "sidebar", "comments", "unknown")
# Outside the main content, position not stated (Ahrefs Content=false, Semrush Sitewide=true).
BOILERPLATE = "boilerplate"
CLASSES = (*PLACEMENTS[:-1], BOILERPLATE, "unknown")
CONTENT_CLASSES = ("content", "content_list")
BOILERPLATE_CLASSES = ("navigation", "header", "footer", "sidebar", "comments", BOILERPLATE)
_UNKNOWN = CLASSES.index("unknown")
_BOILERPLATE = CLASSES.index(BOILERPLATE)


@dataclass
class PlacementMix:
    placement: pd.Series
    """Per link (aligned to ``links.index``): one of ``CLASSES``."""
    sitewide: pd.Series
    """Per link: a sitewide or template link (vendor flag, or Ahrefs ``Links in group`` at the threshold)."""
    mix: pd.DataFrame
    """One row per class: ``placement, links, domains, main_domains, link_share, domain_share``.
    ``domains`` counts domains with any link of the class (they overlap); ``main_domains``
    counts each domain once, under the class holding most of its links (they add up)."""
    sitewide_domains: pd.DataFrame
    """Top 20 domains with sitewide/template links: ``domain, links, sitewide_links, only_boilerplate``."""
    signal: Signal


def analyse_placement(links: pd.DataFrame, settings: ProfileSettings, lang: str) -> PlacementMix:
    """Classify every link's placement, count the mix per domain and per link, and judge it."""
    limits = thresholds(SIGNAL_ID)
    cut = {"watch": limits["watch"], "concern": limits["concern"]}
    group = _links_in_group(links)
    sitewide, sitewide_stated = _sitewide(links, group, limits["template_links_in_group"])
    classes = _classes(links, group, sitewide)
    domains, names = _domains(links)
    n_domains = len(names)

    # Per link: known content (not a template link), known boilerplate, or unknown.
    is_content = np.isin(classes, [CLASSES.index(c) for c in CONTENT_CLASSES]) & ~sitewide
    is_boilerplate = np.isin(classes, [CLASSES.index(c) for c in BOILERPLATE_CLASSES]) | sitewide
    has = domains >= 0
    per_domain = np.bincount(domains[has], minlength=n_domains)
    content_domains = np.bincount(domains[has], is_content[has], minlength=n_domains) > 0
    boilerplate_links = np.bincount(domains[has], is_boilerplate[has], minlength=n_domains)
    only_boilerplate = (boilerplate_links == per_domain) & (per_domain > 0)
    stated_domains = np.bincount(domains[has], sitewide_stated[has], minlength=n_domains) > 0
    sitewide_per_domain = np.bincount(domains[has], sitewide[has], minlength=n_domains).astype(np.int64)

    mix = _mix(classes, domains, n_domains)
    table = _sitewide_table(names, per_domain, sitewide_per_domain, only_boilerplate)
    known = int((content_domains | only_boilerplate).sum())
    details = {"domains": n_domains, "known_domains": known, "boilerplate_domains": int(only_boilerplate.sum()),
               "content_domains": int(content_domains.sum()), "sitewide_links": int(sitewide.sum()),
               "sitewide_domains": int((sitewide_per_domain > 0).sum()),
               "unknown_links": int((classes == _UNKNOWN).sum()), "links": int(len(links))}
    context = _context(links)
    if context is not None:
        # Weak evidence only, never a class: navigation links usually have no text around them,
        # links in comments or text widgets do. Shown so a reader can weigh "boilerplate".
        details["boilerplate_with_context"] = int((is_boilerplate & context).sum())
        details["content_without_context"] = int((is_content & ~context).sum())
    minimum = limits["min_known_domains"]
    if n_domains and known / n_domains >= minimum:
        value = only_boilerplate.sum() / known
        details["mode"] = "placement"
        why = text(lang, "boilerplate_placement.why.measured", share=percent(value, lang), domains=count(only_boilerplate.sum(), lang),
                   known=count(known, lang), links=count(is_boilerplate.sum(), lang))
    elif n_domains and stated_domains.mean() >= minimum:
        # Only "sitewide or not" is known (Semrush): domains linking only sitewide are a lower
        # bound of the boilerplate share, because the other links' position is not stated.
        value = only_boilerplate.sum() / n_domains
        details["mode"] = "sitewide"
        why = text(lang, "boilerplate_placement.why.sitewide_only", share=percent(value, lang),
                   domains=count(only_boilerplate.sum(), lang),
                   links=count(sitewide.sum(), lang), sitewide_domains=count(details["sitewide_domains"], lang))
    else:
        value = None
        details["mode"] = "unknown"
        why = text(lang, "boilerplate_placement.why.unknown", share=percent(1 - known / n_domains if n_domains else 1, lang))
    level = level_for(value, **cut)
    placement = pd.Series(pd.Categorical.from_codes(classes, CLASSES), index=links.index, name="placement")
    return PlacementMix(placement, pd.Series(sitewide, index=links.index, name="sitewide"), mix, table,
                        Signal(SIGNAL_ID, level, None if value is None else float(value), cut, why, details))


def template_links(links: pd.DataFrame) -> pd.Series:
    """Per link: a sitewide or template link, by the same rule the placement signal uses."""
    minimum = thresholds(SIGNAL_ID)["template_links_in_group"]
    return pd.Series(_sitewide(links, _links_in_group(links), minimum)[0], index=links.index, name="sitewide")


def _context(links: pd.DataFrame) -> np.ndarray | None:
    """Per link: text on either side of it (Ahrefs Left/Right context); ``None`` when not exported."""
    sides = [links[c] for c in ("left_context", "right_context") if c in links and links[c].notna().any()]
    if not sides:
        return None
    return np.logical_or.reduce([side.fillna("").astype(str).str.strip().str.len().to_numpy() > 0 for side in sides])


def _links_in_group(links: pd.DataFrame) -> np.ndarray:
    if "links_in_group" not in links:
        return np.full(len(links), np.nan)
    return pd.to_numeric(links["links_in_group"], errors="coerce").to_numpy(float, na_value=np.nan)


def _sitewide(links: pd.DataFrame, group: np.ndarray, minimum: float) -> tuple[np.ndarray, np.ndarray]:
    """Per link: a template link, and whether the export said anything about it at all."""
    flag = links["sitewide"] if "sitewide" in links else pd.Series(pd.NA, index=links.index, dtype="boolean")
    flag = flag.astype("boolean")
    stated = flag.notna().to_numpy() | ~np.isnan(group)
    sitewide = flag.to_numpy(bool, na_value=False) | (np.nan_to_num(group) >= minimum)
    placement = links["placement"] if "placement" in links else None
    if placement is not None:
        sitewide |= (placement.astype("object") == "sitewide").to_numpy(bool)
    return sitewide, stated


def _classes(links: pd.DataFrame, group: np.ndarray, sitewide: np.ndarray) -> np.ndarray:
    """Class index per link: a stated position wins; then template links and Ahrefs Content=false
    are boilerplate of unstated position; everything else stays unknown."""
    n = len(links)
    if "placement" not in links:
        return np.where(sitewide, _BOILERPLATE, _UNKNOWN).astype(np.int8)
    stated = links["placement"].astype("category")
    lookup = np.array([CLASSES.index(c) if c in CLASSES and c != "unknown" else -1
                       for c in stated.cat.categories.astype(str)] + [-1], np.int8)
    codes = stated.cat.codes.to_numpy()
    classes = lookup[codes]  # code -1 (missing) hits the trailing -1
    classes = np.where((classes < 0) & sitewide, _BOILERPLATE, classes)
    # Ahrefs states Content for every link: in a file that states it, a link without it is
    # outside the main content. A file states it when any row is content or has Links in group.
    if "source_file" in links and n:
        files = links["source_file"].astype("category").cat.codes.to_numpy()
        content = classes == CLASSES.index("content")
        marks = content | ~np.isnan(group)
        ok = files >= 0
        states = np.bincount(files[ok], marks[ok], minlength=files.max() + 1) > 0
        file_states = np.zeros(n, bool)
        file_states[ok] = states[files[ok]]
        classes = np.where((classes < 0) & file_states, _BOILERPLATE, classes)
    return np.where(classes < 0, _UNKNOWN, classes).astype(np.int8)


def _domains(links: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Referring domain codes per link (-1 = none) and the names of the domains that occur."""
    column = links["source_domain"] if "source_domain" in links else pd.Series([None] * len(links), dtype="object")
    codes, names = pd.factorize(column.astype("category").cat.remove_unused_categories(), sort=False)
    return codes.astype(np.int64), np.asarray(names.astype(str))


def _mix(classes: np.ndarray, domains: np.ndarray, n_domains: int) -> pd.DataFrame:
    k = len(CLASSES)
    has = domains >= 0
    counts = np.bincount(domains[has] * k + classes[has], minlength=n_domains * k).reshape(n_domains, k)
    main = np.bincount(counts.argmax(axis=1), minlength=k) if n_domains else np.zeros(k, np.int64)
    links = np.bincount(classes, minlength=k)
    with_class = (counts > 0).sum(axis=0)
    total_links, total_domains = max(int(links.sum()), 1), max(n_domains, 1)
    return pd.DataFrame({"placement": CLASSES, "links": links, "domains": with_class, "main_domains": main,
                         "link_share": links / total_links, "domain_share": with_class / total_domains})


def _sitewide_table(names: np.ndarray, per_domain: np.ndarray, sitewide: np.ndarray, only: np.ndarray) -> pd.DataFrame:
    top = np.flatnonzero(sitewide > 0)
    top = top[np.lexsort((names[top], -sitewide[top]))][:20]
    return pd.DataFrame({"domain": names[top], "links": per_domain[top], "sitewide_links": sitewide[top],
                         "only_boilerplate": only[top]})




def _charts(measured: PlacementMix, lang: str) -> list:
    if not measured.mix["links"].sum():
        return []
    return [("wide", charts.placement_chart(measured.mix, lang))]


def _tables(measured: PlacementMix, lang: str) -> list:
    return [(text(lang, "boilerplate_placement.chart.sitewide_note"), measured.sitewide_domains)] if len(measured.sitewide_domains) else []


SIGNAL = SignalSpec(
    id=SIGNAL_ID, needs=(("placement", "sitewide", "links_in_group"),),
    measure=lambda inputs: analyse_placement(inputs.links, inputs.settings, inputs.lang),
    charts=_charts, tables=_tables)

__all__ = ["SIGNAL", "analyse_placement", "template_links", "PlacementMix", "PLACEMENTS", "CLASSES", "CONTENT_CLASSES",
           "BOILERPLATE_CLASSES",
           "BOILERPLATE", "SIGNAL_ID"]
