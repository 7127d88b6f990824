"""A whole profile review: filters, every registered signal, the three conditions, and the outcome.

Pure orchestration: each signal lives in its own module and is listed in
``signals/registry.py``; this module runs them on the filtered links and turns their signals
into the calm, reasoned outcome the article asks for. Competitors are compared in
``comparison/``, which hands the result back through ``ProfileReview.with_competitors``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

import numpy as np
import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.profile.review.filters import Filters
from linkwijzer.profile.importing.importer import linking_domains
from linkwijzer.profile.review.outcome import CONDITIONS, Outcome, decide, rules
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.present.formatting import count
from linkwijzer.profile.signals.base import Inputs, Signal, SignalSpec, format_names, judge
from linkwijzer.profile.signals.boilerplate_placement import CONTENT_CLASSES
from linkwijzer.profile.signals.link_bursts import quality_trend
from linkwijzer.profile.signals.registry import SIGNALS

Progress = Callable[[float, str], None]
NATURAL_ANCHORS = ("branded", "naked_url", "generic", "image", "other", "partial")
AUTHORITY = ("domain_rating", "domain_ascore", "domain_authority", "trust_flow")
SMALL_SITE = 20  # below this on a 0–100 authority scale a site counts as small or little known


@dataclass
class ProfileReview:
    lang: str
    links: int
    referring_domains: int
    measured: dict[str, Any]
    """Signal id -> that signal's measurement (its tables, per-link columns and ``signal``)."""
    signals: list[Signal]
    quality: dict
    deviations: list[dict]
    verdict: Outcome
    competitors: tuple[str, ...] = ()
    """Names of the competitors compared with (none: the competitor condition was not tested)."""
    lost_links: int = 0
    """Links the export marks as lost; left out unless the filters include them."""
    lost_included: bool = False
    insufficient: str = ""
    """Why there is nothing to judge (``no_link_rows``, ``all_lost``, ``all_filtered``); empty when there is."""
    lacks: list[str] = field(default_factory=list)
    """Ids of the flagged signals, whose texts ``<id>.lacks`` say what the profile lacks: what to add."""
    reassurances: list[str] = field(default_factory=list)
    """Ids of the "not automatically a risk" notes that apply (texts ``review.reassure.<id>``)."""
    follow_mix: pd.DataFrame = field(default_factory=pd.DataFrame)
    table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    """The filtered links the review measured (the same object as the input when nothing was filtered)."""
    settings: ProfileSettings = field(default_factory=ProfileSettings)

    def signal(self, signal_id: str) -> Signal:
        return next(s for s in self.signals if s.id == signal_id)

    def with_competitors(self, names: tuple[str, ...], deviations: list[dict], held: bool) -> ProfileReview:
        """This review with the article's third condition decided by a comparison with ``names``."""
        conditions = {"quality_declining": self.verdict.conditions["quality_declining"], "competitor_deviation": held}
        verdict = self.verdict if self.insufficient else decide(self.signals, conditions)
        return replace(self, competitors=tuple(names), deviations=deviations, verdict=verdict)

    def classified(self) -> pd.DataFrame:
        """The measured links with what the review concluded per link, for the CSV export."""
        m = self.measured
        return self.table.assign(
            anchor_class=m["keyword_anchors"].classes, relevance=m["irrelevant_sources"].per_link,
            placement_class=m["boilerplate_placement"].placement,
            sitewide_or_template=m["boilerplate_placement"].sitewide,
            in_burst=m["link_bursts"].in_burst, in_network=m["repeated_sources"].in_network)

    @property
    def outcome(self) -> str:
        return self.verdict.outcome

    @property
    def limited(self) -> bool:
        """Most signals cannot be measured from these files (e.g. GSC only): the outcome says little."""
        return not self.insufficient and sum(s.level == "unknown" for s in self.signals) >= 3

    def notes(self) -> list[str]:
        """What a reader must know before the verdict, in ``lang``: lost links left out, little measurable.

        The page, the report, the CLI and the JSON all show these same sentences.
        """
        lang, out = self.lang, []
        if self.lost_links:
            live = self.links
            key = "review.lost.included" if self.lost_included else "review.lost.left_out"
            out.append(text(lang, key, lost=count(self.lost_links, lang), live=count(live, lang)))
        if self.insufficient:
            out.append(text(lang, f"review.insufficient.{self.insufficient}"))
        elif self.limited:
            files = ", ".join(format_names(self.table, lang)) or text(lang, "review.these_files")
            out.append(text(lang, "review.limited", files=files))
        return out

    def domain_table(self) -> pd.DataFrame:
        """One row per referring domain with what the review found about it (for picking disavow candidates)."""
        links = self.table
        if not len(links):
            return pd.DataFrame(columns=["domain", "links", "relevance", "in_network", "in_burst", "keyword_anchor"])
        m = self.measured
        per_link = pd.DataFrame({
            "domain": links["source_domain"].astype("object").to_numpy(),
            "in_network": m["repeated_sources"].in_network.to_numpy(bool),
            "in_burst": m["link_bursts"].in_burst.to_numpy(bool),
            "keyword_anchor": m["keyword_anchors"].classes.astype("object").isin(["exact", "compound"]).to_numpy(),
        })
        table = per_link.groupby("domain").agg(links=("domain", "size"), in_network=("in_network", "any"),
                                               in_burst=("in_burst", "any"), keyword_anchor=("keyword_anchor", "any"))
        labels = m["irrelevant_sources"].by_domain.set_index("domain")["label"].astype("object")
        table["relevance"] = labels.reindex(table.index).fillna("unclear")
        table["flags"] = (table["relevance"].eq("not_relevant").astype(int) + table["in_network"].astype(int)
                          + table["in_burst"].astype(int) + table["keyword_anchor"].astype(int))
        return table.reset_index().sort_values(["flags", "links"], ascending=False, ignore_index=True)

    def to_json(self) -> dict:
        """The JSON of ``linkwijzer profile --json``."""
        lang, m = self.lang, self.measured
        by_class = m["keyword_anchors"].by_class
        return {
            "links": self.links,
            "referring_domains": self.referring_domains,
            "lost_links": self.lost_links,
            "lost_included": self.lost_included,
            "anchor_mix": _mix(by_class, "class" if "class" in by_class else None),
            "placement_mix": _mix(m["boilerplate_placement"].mix, "placement"),
            "follow_mix": _mix(self.follow_mix, "rel"),
            "signals": [s.to_json() for s in self.signals],
            "conditions": {
                "several_signals": {"met": self.verdict.conditions["several_signals"],
                                    "flagged": list(self.verdict.flagged)},
                "quality_declining": {"met": self.verdict.conditions["quality_declining"], **self.quality},
                "competitor_deviation": {"met": self.verdict.conditions["competitor_deviation"],
                                         "competitors": list(self.competitors), "deviations": self.deviations},
            },
            "outcome": self.outcome,
            **({"insufficient": {"reason": self.insufficient,
                                 "what_to_upload": text(lang, f"review.insufficient.{self.insufficient}")}}
               if self.insufficient else {}),
            "limited_data": self.limited,
            "notes": self.notes(),
            "lacks": [text(lang, f"{x}.lacks") for x in self.lacks],
            "reassurances": [text(lang, f"review.reassure.{x}") for x in self.reassurances],
            "bursts": [b.__dict__ for b in m["link_bursts"].bursts],
            "suggested_keywords": m["keyword_anchors"].suggested_keywords,
        }


def review_profile(links: pd.DataFrame, aggregates: dict[str, pd.DataFrame] | None, settings: ProfileSettings,
                   lang: str = "nl", *, filters: Filters = Filters(), progress: Progress | None = None,
                   registry: tuple[SignalSpec, ...] = SIGNALS, reclaim_rows: int = 0) -> ProfileReview:
    """Run every registered signal on the filtered links and decide the outcome."""
    step = progress or (lambda fraction, stage: None)
    loaded = links
    links = filters.apply(links)
    inputs = Inputs(links, aggregates or {}, settings, lang)
    measured = {}
    for number, spec in enumerate(registry):
        step(0.05 + 0.85 * number / len(registry), text(lang, f"{spec.id}.progress"))
        measured[spec.id] = judge(spec, inputs)
    signals = [measured[spec.id].signal for spec in registry]
    quality = _quality(links, measured)
    conditions = {"quality_declining": quality.get("declining", False), "competitor_deviation": False}
    insufficient = _insufficient(loaded, links, reclaim_rows)
    verdict = (Outcome("insufficient", {c: False for c in CONDITIONS}, ()) if insufficient
               else decide(signals, conditions))
    domains = int(links["source_domain"].nunique()) if len(links) and "source_domain" in links else \
        len(linking_domains(links, aggregates or {}))  # domains-only files still count their domains
    lost = int(loaded["lost"].sum()) if "lost" in loaded and len(loaded) else 0
    review = ProfileReview(
        lang=lang, links=len(links), referring_domains=domains, measured=measured, signals=signals, quality=quality,
        deviations=[], verdict=verdict, lost_links=lost, lost_included=filters.include_lost,
        insufficient=insufficient, follow_mix=_follow_mix(links), table=links, settings=settings)
    review.lacks = [s.id for s in signals if s.level in ("watch", "concern")]
    review.reassurances = _reassurances(links, review)
    step(1.0, text(lang, "review.progress.done"))
    return review


def _insufficient(loaded: pd.DataFrame, links: pd.DataFrame, reclaim_rows: int = 0) -> str:
    """Why there is nothing to judge: only a reclaim list, no link rows at all, only lost ones, or none in the filters."""
    if len(links):
        return ""
    if not len(loaded):
        return "reclaim_only" if reclaim_rows else "no_link_rows"
    if "lost" in loaded and bool(loaded["lost"].all()):
        return "all_lost"
    return "all_filtered"


def _quality(links, measured: dict[str, Any]) -> dict:
    """The article's "quality of new links declining": relevant, in content, natural anchor — recent vs earlier.

    Only what was measured counts: a trait whose signal is unknown says nothing about quality, and
    with none measured the trend is not measured either.
    """
    if "first_seen" not in links or not len(links):
        return {"declining": False, "measured": False}
    known = {spec_id for spec_id, m in measured.items() if m.signal.level != "unknown"}
    traits = {}
    if "irrelevant_sources" in known:
        traits["relevant"] = measured["irrelevant_sources"].per_link.astype("object").ne("not_relevant").to_numpy()
    if "boilerplate_placement" in known:
        placement = measured["boilerplate_placement"].placement.astype("object")
        traits["content"] = placement.isin(CONTENT_CLASSES + ("unknown",)).to_numpy()
    if "keyword_anchors" in known:
        classes = measured["keyword_anchors"].classes
        traits["natural"] = classes.astype("object").isin(NATURAL_ANCHORS).to_numpy() | classes.isna().to_numpy()
    if not traits:
        return {"declining": False, "measured": False}
    trend = quality_trend(pd.DataFrame(traits, index=links.index), links["first_seen"], domains=links["source_domain"])
    return {**trend, "measured": True, "traits": sorted(traits)}


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
    relevance = review.measured["irrelevant_sources"]
    if relevance.signal.level == "ok" and (relevance.by_domain["label"] == "not_relevant").any():
        notes.append("few_irrelevant")
    if mix is not None and "sponsored" in mix.index and 0 < mix.at["sponsored", "share_domains"] < 0.05:
        notes.append("occasional_paid")
    networks = review.measured["repeated_sources"].networks
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
