"""A whole profile review: filters, the five signals, the three conditions, and the outcome.

Pure orchestration: each measurement lives in its own module (anchor_mix, relevance,
link_velocity, placement_mix, repeated_sources); this module runs them on the filtered links
and turns their signals into the calm, reasoned outcome the article asks for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

import numpy as np
import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.profile.signals.keyword_anchors import AnchorMix, analyse_anchors
from linkwijzer.profile.signals.link_bursts import Velocity, analyse_velocity, quality_trend
from linkwijzer.profile.review.outcome import Outcome, decide, rules
from linkwijzer.profile.signals.boilerplate_placement import CONTENT_CLASSES, PlacementMix, analyse_placement
from linkwijzer.profile.signals.irrelevant_sources import Relevance, analyse_relevance
from linkwijzer.profile.signals.repeated_sources import Repetition, analyse_repetition
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.profile.signals.base import SIGNAL_IDS, Signal

Progress = Callable[[float, str], None]
NATURAL_ANCHORS = ("branded", "naked_url", "generic", "image", "other", "partial")
AUTHORITY = ("domain_rating", "domain_ascore", "domain_authority", "trust_flow")
SMALL_SITE = 20  # below this on a 0–100 authority scale a site counts as small or little known


@dataclass(frozen=True)
class Filters:
    """What the page's filters narrow the profile to; every chart and signal uses the same links."""

    start: date | None = None
    end: date | None = None
    follow_only: bool = False
    include_lost: bool = True

    def apply(self, links: pd.DataFrame) -> pd.DataFrame:
        keep = np.ones(len(links), bool)
        if (self.start or self.end) and "first_seen" in links:
            seen = links["first_seen"]
            if self.start:
                keep &= (seen >= pd.Timestamp(self.start)).fillna(False).to_numpy(bool)
            if self.end:
                keep &= (seen < pd.Timestamp(self.end) + pd.Timedelta(days=1)).fillna(False).to_numpy(bool)
        if self.follow_only and "nofollow" in links:
            keep &= ~links["nofollow"].fillna(False).to_numpy(bool)
        if not self.include_lost and "lost" in links:
            keep &= ~links["lost"].fillna(False).to_numpy(bool)
        return links if keep.all() else links[keep]


@dataclass
class ProfileReview:
    lang: str
    links: int
    referring_domains: int
    anchors: AnchorMix
    relevance: Relevance
    velocity: Velocity
    placement: PlacementMix
    repetition: Repetition
    signals: list[Signal]
    quality: dict
    deviations: list[dict]
    verdict: Outcome
    lacks: list[str] = field(default_factory=list)
    """Ids of what the profile lacks (texts ``review.lacks.<id>``): what to add, not only what to remove."""
    reassurances: list[str] = field(default_factory=list)
    """Ids of the "not automatically a risk" notes that apply (texts ``review.reassure.<id>``)."""
    follow_mix: pd.DataFrame = field(default_factory=pd.DataFrame)
    table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    """The filtered links the review measured (the same object as the input when nothing was filtered)."""
    settings: ProfileSettings = field(default_factory=ProfileSettings)

    def classified(self) -> pd.DataFrame:
        """The measured links with what the review concluded per link, for the CSV export."""
        return self.table.assign(
            anchor_class=self.anchors.classes, relevance=self.relevance.per_link,
            placement_class=self.placement.placement, sitewide_or_template=self.placement.sitewide,
            in_burst=self.velocity.in_burst, in_network=self.repetition.in_network)

    @property
    def outcome(self) -> str:
        return self.verdict.outcome

    @property
    def limited(self) -> bool:
        """Most signals cannot be measured from these files (e.g. GSC only): the outcome says little."""
        return sum(s.level == "unknown" for s in self.signals) >= 3

    def domain_table(self) -> pd.DataFrame:
        """One row per referring domain with what the review found about it (for picking disavow candidates)."""
        links = self.table
        if not len(links):
            return pd.DataFrame(columns=["domain", "links", "relevance", "in_network", "in_burst", "keyword_anchor"])
        per_link = pd.DataFrame({
            "domain": links["source_domain"].astype("object").to_numpy(),
            "in_network": self.repetition.in_network.to_numpy(bool),
            "in_burst": self.velocity.in_burst.to_numpy(bool),
            "keyword_anchor": self.anchors.classes.astype("object").isin(["exact", "compound"]).to_numpy(),
        })
        table = per_link.groupby("domain").agg(links=("domain", "size"), in_network=("in_network", "any"),
                                               in_burst=("in_burst", "any"), keyword_anchor=("keyword_anchor", "any"))
        labels = self.relevance.by_domain.set_index("domain")["label"].astype("object")
        table["relevance"] = labels.reindex(table.index).fillna("unclear")
        table["flags"] = (table["relevance"].eq("not_relevant").astype(int) + table["in_network"].astype(int)
                          + table["in_burst"].astype(int) + table["keyword_anchor"].astype(int))
        return table.reset_index().sort_values(["flags", "links"], ascending=False, ignore_index=True)

    def to_json(self) -> dict:
        """The JSON of ``linkwijzer profile --json``."""
        lang = self.lang
        return {
            "links": self.links,
            "referring_domains": self.referring_domains,
            "anchor_mix": _mix(self.anchors.by_class, "class" if "class" in self.anchors.by_class else None),
            "placement_mix": _mix(self.placement.mix, "placement"),
            "follow_mix": _mix(self.follow_mix, "rel"),
            "signals": [s.to_json() for s in self.signals],
            "conditions": {
                "several_signals": {"met": self.verdict.conditions["several_signals"],
                                    "flagged": list(self.verdict.flagged)},
                "quality_declining": {"met": self.verdict.conditions["quality_declining"], **self.quality},
                "competitor_deviation": {"met": self.verdict.conditions["competitor_deviation"],
                                         "deviations": self.deviations},
            },
            "outcome": self.outcome,
            "limited_data": self.limited,
            "lacks": [text(lang, f"review.lacks.{x}") for x in self.lacks],
            "reassurances": [text(lang, f"review.reassure.{x}") for x in self.reassurances],
            "bursts": [b.__dict__ for b in self.velocity.bursts],
            "suggested_keywords": self.anchors.suggested_keywords,
        }


def review_profile(links: pd.DataFrame, aggregates: dict[str, pd.DataFrame] | None, settings: ProfileSettings,
                   lang: str = "nl", *, filters: Filters = Filters(),
                   competitors: dict[str, pd.DataFrame] | None = None,
                   progress: Progress | None = None) -> ProfileReview:
    """Run every measurement on the filtered links and decide the outcome."""
    step = progress or (lambda fraction, stage: None)
    links = filters.apply(links)
    step(0.05, text(lang, "review.progress.anchors"))
    anchors = analyse_anchors(links, settings, lang)
    step(0.25, text(lang, "review.progress.relevance"))
    relevance = analyse_relevance(links, settings, lang)
    step(0.5, text(lang, "review.progress.velocity"))
    velocity = analyse_velocity(links, settings, lang)
    step(0.65, text(lang, "review.progress.placement"))
    placement = analyse_placement(links, settings, lang)
    step(0.8, text(lang, "review.progress.repetition"))
    repetition = analyse_repetition(links, aggregates, settings, lang)
    signals = [relevance.signal, anchors.signal, velocity.signal, placement.signal, repetition.signal]
    signals.sort(key=lambda s: SIGNAL_IDS.index(s.id))
    quality = _quality(links, anchors, relevance, placement)
    conditions = {"quality_declining": quality.get("declining", False), "competitor_deviation": False}
    review = ProfileReview(
        lang=lang, links=len(links),
        referring_domains=int(links["source_domain"].nunique()) if "source_domain" in links else 0,
        anchors=anchors, relevance=relevance, velocity=velocity, placement=placement, repetition=repetition,
        signals=signals, quality=quality, deviations=[], verdict=decide(signals, conditions),
        follow_mix=_follow_mix(links), table=links, settings=settings)
    if competitors:
        step(0.9, text(lang, "review.progress.competitors"))
        from linkwijzer.profile.comparison.compare import compare_with, deviation_held  # compare imports this module

        comparison = compare_with(review, competitors, lang, filters=filters, own_aggregates=aggregates)
        review.deviations = [d.to_json() for d in comparison.deviations]
        review.verdict = decide(signals, {**conditions, "competitor_deviation": deviation_held(comparison)})
    review.lacks = _lacks(signals)
    review.reassurances = _reassurances(links, review)
    step(1.0, text(lang, "review.progress.done"))
    return review


def _quality(links, anchors: AnchorMix, relevance: Relevance, placement: PlacementMix) -> dict:
    """The article's "quality of new links declining": relevant, in content, natural anchor — recent vs earlier."""
    if "first_seen" not in links or not len(links):
        return {"declining": False}
    flags = pd.DataFrame({
        "relevant": relevance.per_link.astype("object").ne("not_relevant").to_numpy(),
        "content": placement.placement.astype("object").isin(CONTENT_CLASSES + ("unknown",)).to_numpy(),
        "natural": anchors.classes.astype("object").isin(NATURAL_ANCHORS).to_numpy()
        | anchors.classes.isna().to_numpy(),
    }, index=links.index)
    return quality_trend(flags, links["first_seen"], domains=links["source_domain"])


def _follow_mix(links: pd.DataFrame) -> pd.DataFrame:
    """Links and domains per rel value; one link may be nofollow and sponsored at once, so rows overlap."""
    rows = []
    domains = links["source_domain"] if "source_domain" in links else pd.Series(index=links.index, dtype=object)
    flags = {name: links[name].fillna(False).to_numpy(bool) for name in ("nofollow", "sponsored", "ugc") if name in links}
    known = np.zeros(len(links), bool)
    for name in ("nofollow", "sponsored", "ugc"):
        if name in links:
            known |= links[name].notna().to_numpy()
    if not known.any():
        return pd.DataFrame(columns=["rel", "links", "domains", "share_links", "share_domains"])
    marked = np.zeros(len(links), bool)
    for value in flags.values():
        marked |= value
    total_domains = max(domains[known].nunique(), 1)
    for name, mask in (("follow", known & ~marked), *((n, known & f) for n, f in flags.items())):
        rows.append({"rel": name, "links": int(mask.sum()), "domains": int(domains[mask].nunique()),
                     "share_links": float(mask.sum() / known.sum()),
                     "share_domains": float(domains[mask].nunique() / total_domains)})
    return pd.DataFrame(rows)


def _lacks(signals: list[Signal]) -> list[str]:
    lacking = {"irrelevant_sources": "relevant_context", "boilerplate_placement": "editorial_mentions",
               "keyword_anchors": "natural_variation", "repeated_sources": "varied_sources",
               "link_bursts": "steady_growth"}
    return [lacking[s.id] for s in signals if s.level in ("watch", "concern")]


def _reassurances(links: pd.DataFrame, review: ProfileReview) -> list[str]:
    notes = []
    r = rules()
    mix = review.follow_mix.set_index("rel") if len(review.follow_mix) else None
    if mix is not None and "nofollow" in mix.index and r["nofollow_mix_low"] <= mix.at["nofollow", "share_links"] <= r["nofollow_mix_high"]:
        notes.append("nofollow_mix")
    authority = next((c for c in AUTHORITY if c in links and links[c].notna().any()), None)
    if authority:
        per_domain = links.groupby("source_domain", observed=True)[authority].max()
        if (per_domain < SMALL_SITE).mean() >= 0.2:
            notes.append("small_sites")
    irrelevant = review.relevance.signal
    if irrelevant.level == "ok" and (review.relevance.by_domain["label"] == "not_relevant").any():
        notes.append("few_irrelevant")
    if mix is not None and "sponsored" in mix.index and 0 < mix.at["sponsored", "share_domains"] < 0.05:
        notes.append("occasional_paid")
    networks = review.repetition.networks
    if len(networks) and networks["explanation"].notna().any():
        notes.append("explained_templates")
    return notes


def _mix(table: pd.DataFrame, key: str | None) -> dict:
    if table is None or not len(table):
        return {}
    frame = table.reset_index() if key is None else table
    key = key or frame.columns[0]
    numeric = [c for c in frame.columns if c != key and pd.api.types.is_numeric_dtype(frame[c])]
    return {str(row[key]): {c: (round(float(row[c]), 4) if isinstance(row[c], float) else int(row[c]))
                            for c in numeric} for _, row in frame.iterrows()}
