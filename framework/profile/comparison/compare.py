"""Competitor comparison: each profile's mixes side by side, where yours clearly deviates, and the link gap."""

# The article: compare with competitors on content, not on counts — which kinds of platforms link
# to them, in which context, around which topics. So every measure here is a share of referring
# domains or a rate normalised per month, the deviation rules (thresholds/deviation.toml) only
# speak when the own value lies clearly outside the competitors' range, and the link gap lists
# where competitors are mentioned with the context of those mentions, not how many links they have.

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from linkwijzer.datafiles import DataFileError, load_toml
from linkwijzer.present import formatting
from linkwijzer.i18n import has_text, text
from linkwijzer.profile.signals.boilerplate_placement import CLASSES as PLACEMENT_CLASSES
from linkwijzer.profile.comparison.platforms import classify_platforms
from linkwijzer.profile.review.run import Filters, ProfileReview, review_profile
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.profile.importing.urls import registrable_domain

OWN = "own"
"""The user's profile is always under this name; its domain is in the profile's ``site``."""
MIXES = ("anchor_mix", "placement_mix", "follow_mix", "relevance_mix", "platform_mix")
VELOCITY = ("new_domains_per_month", "new_domains_last_12_months", "growth_per_month", "peak_ratio")
MAX_COMPETITORS = 5
MIN_COVERAGE = 0.5  # a mix measured on fewer than half of the referring domains is not compared
RULES_FILE = Path(__file__).with_name("deviation.toml")
GAP_COLUMNS = ["domain", "competitors", "platform", "links", "anchor", "title", "url", "relevance"]
Data = tuple[pd.DataFrame, "dict[str, pd.DataFrame] | None"]


@dataclass
class ProfileMixes:
    """One profile's measures; every mix is ``{class: share of referring domains}``, empty when unmeasurable."""

    site: str
    links: int
    referring_domains: int
    mixes: dict[str, dict[str, float]]
    velocity: dict[str, float | None]
    coverage: dict[str, float]
    """Per mix, the share of referring domains (links for follow_mix, velocity) the file lets us measure."""
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    """``period, new_domains, share``: new referring domains per month and as a share of the profile (for the chart)."""

    def value(self, measure: str) -> float | None:
        mix, _, key = measure.partition(".")
        source = self.velocity if mix == "velocity" else self.mixes.get(mix, {})
        return source.get(key)

    def to_json(self) -> dict:
        return {"site": self.site, "links": self.links, "referring_domains": self.referring_domains,
                **{m: {k: round(v, 4) for k, v in self.mixes[m].items()} for m in MIXES},
                "velocity": {k: None if v is None else round(v, 4) for k, v in self.velocity.items()},
                "coverage": {k: round(v, 4) for k, v in self.coverage.items()}}


@dataclass(frozen=True)
class Deviation:
    measure: str
    own: float
    competitors: dict[str, float | None]
    level: str
    """``watch`` or ``concern`` (concern only for measures that mirror a risk signal)."""
    direction: str
    """``above`` or ``below`` the competitors' range."""
    range: tuple[float, float]
    risk: bool
    """The measure mirrors one of the article's risk signals and counts for ``competitor_deviation``."""
    why: str

    def to_json(self) -> dict:
        return {"measure": self.measure, "own": round(self.own, 4),
                "competitors": {n: None if v is None else round(v, 4) for n, v in self.competitors.items()},
                "level": self.level, "direction": self.direction, "range": [round(x, 4) for x in self.range],
                "risk": self.risk, "why": self.why}


@dataclass
class Comparison:
    lang: str
    profiles: dict[str, ProfileMixes]
    """``own`` first, then the competitors in the order given."""
    deviations: list[Deviation]
    link_gap: pd.DataFrame
    """One row per gap domain (GAP_COLUMNS; ``competitors`` is a list of names), most competitors and links first."""
    reviews: dict[str, ProfileReview] = field(default_factory=dict, repr=False)

    @property
    def competitors(self) -> list[str]:
        return [n for n in self.profiles if n != OWN]

    def measures(self) -> list[str]:
        """Every measure any profile has, mix by mix, in a stable order."""
        out = []
        for mix in MIXES:
            keys = dict.fromkeys(k for p in self.profiles.values() for k in p.mixes[mix])
            out += [f"{mix}.{k}" for k in keys]
        return out + [f"velocity.{k}" for k in VELOCITY]

    def to_json(self) -> dict:
        """Exactly what ``linkwijzer compare --json`` prints."""
        gap = [{**row, "links": int(row["links"])} for row in
               self.link_gap.astype(object).where(self.link_gap.notna(), None).to_dict("records")]
        return {"profiles": {n: p.to_json() for n, p in self.profiles.items()},
                "deviations": [d.to_json() for d in self.deviations], "link_gap": gap}

    def link_gap_frame(self, lang: str | None = None) -> pd.DataFrame:
        """The link gap for a spreadsheet: competitor names joined, platform types in words when ``lang`` is given."""
        frame = self.link_gap.assign(competitors=self.link_gap["competitors"].map(", ".join))
        if lang:
            frame["platform"] = frame["platform"].map(lambda p: text(lang, f"compare.platform.{p}"))
        return frame

    def link_gap_csv(self, lang: str) -> bytes:
        from linkwijzer.present.spreadsheet import safe_csv_frame

        return safe_csv_frame(self.link_gap_frame(lang), {c: text(lang, f"compare.csv.{c}") for c in GAP_COLUMNS})

    def link_gap_by_platform(self) -> pd.Series:
        return self.link_gap["platform"].value_counts()


@cache
def rules() -> dict:
    data = load_toml(RULES_FILE)
    for name, section in {"default": data.get("default", {}), **data.get("measures", {})}.items():
        if section.get("direction", "either") not in ("above", "below", "either"):
            raise DataFileError(RULES_FILE, f"{name}.direction", "must be above, below or either")
        for key in {"margin", "factor", "concern_margin", "concern_factor"} & set(section):
            if isinstance(section[key], bool) or not isinstance(section[key], (int, float)) or section[key] < 0:
                raise DataFileError(RULES_FILE, f"{name}.{key}", "must be a non-negative number")
    return data


def rule_for(measure: str) -> dict:
    """The measure's own section, else its mix's, on top of [default]."""
    measures = rules().get("measures", {})
    return {**rules()["default"], **measures.get(measure.partition(".")[0], {}), **measures.get(measure, {})}


def competitor_settings(links: pd.DataFrame, settings: ProfileSettings, name: str = "") -> ProfileSettings:
    """A competitor's settings: its site from its target URLs (or its name, if that is a domain), the brand
    from that domain, and the user's keywords, topics and relevance verdicts, so every profile is read alike."""
    site = ""
    if "target_url" in links and links["target_url"].notna().any():
        hosts = links["target_url"].astype("object").dropna().str.extract(r"^(?:[a-z]+://)?([^/:?#]+)", expand=False)
        site = str(hosts.str.lower().mode().iat[0]) if hosts.notna().any() else ""
    if not site and "." in name:
        site = name
    return ProfileSettings(site=site, keywords=settings.keywords, topics=settings.topics,
                           relevance_overrides=dict(settings.relevance_overrides))


def compare_profiles(own: Data, competitors: dict[str, Data], settings: ProfileSettings, lang: str = "nl", *,
                     filters: Filters = Filters(), progress: Callable[[float, str], None] | None = None) -> Comparison:
    """Review every profile (the same filters for all) and compare them; ``own`` is ``(links, aggregates)``."""
    _check(competitors)
    (progress or (lambda fraction, stage: None))(0.0, text(lang, "compare.progress.own"))
    own_review = review_profile(own[0], own[1], settings, lang, filters=filters)
    return compare_with(own_review, competitors, lang, filters=filters, own_aggregates=own[1], progress=progress)


def compare_with(own: ProfileReview, competitors: dict[str, Data | pd.DataFrame], lang: str = "nl", *,
                 filters: Filters = Filters(), own_aggregates: dict | None = None,
                 progress: Callable[[float, str], None] | None = None) -> Comparison:
    """Review each competitor the way ``own`` was reviewed (its keywords and topics, the same filters) and
    compare; a competitor is ``(links, aggregates)`` or just its links."""
    _check(competitors)
    step, total = progress or (lambda fraction, stage: None), len(competitors) + 2
    data = {n: v if isinstance(v, tuple) else (v, None) for n, v in competitors.items()}
    reviews = {}
    for i, (name, (links, aggregates)) in enumerate(data.items()):
        step((i + 1) / total, text(lang, "compare.progress.competitor", name=name))
        reviews[name] = review_profile(links, aggregates, competitor_settings(links, own.settings, name), lang,
                                       filters=filters)
    step((total - 1) / total, text(lang, "compare.progress.gap"))
    comparison = compare_reviews(own, reviews, lang, aggregates={OWN: own_aggregates, **{n: d[1] for n, d in data.items()}})
    step(1.0, text(lang, "compare.progress.done"))
    return comparison


def review_with_competitors(links: pd.DataFrame, aggregates: dict | None, settings: ProfileSettings,
                            competitors: dict[str, Data | pd.DataFrame], lang: str = "nl", *,
                            filters: Filters = Filters(), progress: Callable[[float, str], None] | None = None,
                            reclaim_rows: int = 0) -> ProfileReview:
    """A profile review whose third condition ("deviates from direct competitors") was tested."""
    own = review_profile(links, aggregates, settings, lang, filters=filters, reclaim_rows=reclaim_rows)
    return apply_comparison(own, compare_with(own, competitors, lang, filters=filters, own_aggregates=aggregates,
                                              progress=progress))


def apply_comparison(own: ProfileReview, comparison: Comparison) -> ProfileReview:
    """``own`` with the competitor condition as ``comparison`` decides it (the compare page hands this on)."""
    names = tuple(n for n in comparison.profiles if n != OWN)
    return own.with_competitors(names, [d.to_json() for d in comparison.deviations], deviation_held(comparison))


def _check(competitors: dict) -> None:
    if not 1 <= len(competitors) <= MAX_COMPETITORS:
        raise ValueError(f"compare with 1 to {MAX_COMPETITORS} competitors, not {len(competitors)}")
    if OWN in competitors:
        raise ValueError(f"{OWN!r} is the name of your own profile; give the competitor another name")


def compare_reviews(own: ProfileReview, competitors: dict[str, ProfileReview], lang: str = "nl", *,
                    aggregates: dict[str, dict | None] | None = None) -> Comparison:
    """Compare reviews that already ran (the profile page keeps them cached)."""
    reviews = {OWN: own, **competitors}
    end = max((r.table["first_seen"].max() for r in reviews.values()
               if "first_seen" in r.table and r.table["first_seen"].notna().any()), default=None)
    platforms = {n: classify_platforms(r.table) for n, r in reviews.items()}
    profiles = {n: _mixes(r, platforms[n], end) for n, r in reviews.items()}
    comparison = Comparison(lang, profiles, [], pd.DataFrame(columns=GAP_COLUMNS), reviews)
    comparison.deviations = _deviations(comparison, lang)
    comparison.link_gap = _link_gap(reviews, platforms, aggregates or {})
    return comparison


def deviation_held(comparison: Comparison) -> bool:
    """The article's condition "the profile clearly deviates from direct competitors" (rules: [condition])."""
    limits = rules()["condition"]
    risky = [d for d in comparison.deviations if d.risk]
    concern = sum(d.level == "concern" for d in risky)
    mixes = {d.measure.partition(".")[0] for d in risky}
    return concern >= limits["min_concern"] or len(mixes) >= limits["min_watch_mixes"]


def measure_label(measure: str, lang: str) -> str:
    """``anchor_mix.exact`` in words: the mix and the class, in the interface's own names for them."""
    mix, _, key = measure.partition(".")
    names = {"anchor_mix": f"keyword_anchors.class.{key}", "placement_mix": f"boilerplate_placement.class.{key}",
             "follow_mix": f"ui.review.rel.{key}", "relevance_mix": f"irrelevant_sources.label.{key}",
             "platform_mix": f"compare.platform.{key}", "velocity": f"compare.velocity.{key}"}
    label = text(lang, names[mix]) if mix in names and has_text(lang, names[mix]) else key
    return f"{text(lang, f'compare.mix.{mix}')}: {label}" if has_text(lang, f"compare.mix.{mix}") else measure


def _mixes(review: ProfileReview, platforms, end) -> ProfileMixes:
    links = review.table
    domains = links["source_domain"] if "source_domain" in links else pd.Series(dtype=object)
    total = max(review.referring_domains, 1)
    mixes, coverage = {}, {}
    with_anchor = domains[review.measured["keyword_anchors"].classes.notna().to_numpy()].nunique() if len(links) else 0
    coverage["anchor_mix"] = with_anchor / total
    by_class = review.measured["keyword_anchors"].by_class
    mixes["anchor_mix"] = ({str(k): float(v) for k, v in by_class["share_domains"].items()}
                           if coverage["anchor_mix"] >= MIN_COVERAGE else {})
    placement = review.measured["boilerplate_placement"].mix.set_index("placement")["main_domains"]
    known = placement.drop("unknown", errors="ignore")
    coverage["placement_mix"] = float(known.sum() / max(placement.sum(), 1))
    mixes["placement_mix"] = ({c: float(known.get(c, 0) / max(known.sum(), 1)) for c in PLACEMENT_CLASSES
                               if c != "unknown"} if coverage["placement_mix"] >= MIN_COVERAGE else {})
    mixes["follow_mix"], coverage["follow_mix"] = _follow_mix(review)
    distribution = review.measured["irrelevant_sources"].distribution
    mixes["relevance_mix"] = {str(k): float(v) for k, v in distribution["share_domains"].items()} if len(links) else {}
    coverage["relevance_mix"] = 1.0 if len(links) else 0.0
    mixes["platform_mix"] = ({str(k): float(v) for k, v in platforms.mix()["share_domains"].items()}
                             if len(platforms.by_domain) else {})
    coverage["platform_mix"] = 1.0 if len(platforms.by_domain) else 0.0
    velocity, monthly, coverage["velocity"] = _velocity(review, end)
    return ProfileMixes(review.settings.domain, review.links, review.referring_domains, mixes, velocity, coverage,
                        monthly)


def _follow_mix(review: ProfileReview) -> tuple[dict[str, float], float]:
    """The review's follow mix (share of referring domains with at least one such link); a rel column the export
    leaves empty (Majestic and Moz have no sponsored/ugc) is left out rather than read as "none"."""
    links, mix = review.table, review.follow_mix
    stated = [n for n in ("nofollow", "sponsored", "ugc") if n in links and links[n].notna().any()]
    coverage = float(links[stated].notna().any(axis=1).mean()) if stated and len(links) else 0.0
    if coverage < MIN_COVERAGE or not len(mix):
        return {}, coverage
    keep = mix[mix["rel"].isin(["follow", *stated])]
    return {str(r): float(v) for r, v in zip(keep["rel"], keep["share_domains"])}, coverage


def _velocity(review: ProfileReview, end) -> tuple[dict[str, float | None], pd.DataFrame, float]:
    """New referring domains per month, from the first dated month to the comparison's common last month."""
    monthly = review.measured["link_bursts"].monthly
    links = review.table
    dated = float(links["first_seen"].notna().mean()) if "first_seen" in links and len(links) else 0.0
    if not len(monthly) or end is None or dated < MIN_COVERAGE:
        return dict.fromkeys(VELOCITY), pd.DataFrame(columns=["period", "new_domains", "share"]), dated
    months = pd.date_range(monthly["period"].min(), pd.Timestamp(end).to_period("M").to_timestamp(), freq="MS")
    counts = monthly.set_index("period")["new_domains"].reindex(months, fill_value=0).astype(float)
    last = counts.iloc[-12:]
    median = float(counts.median())
    total = max(review.referring_domains, 1)
    values = {"new_domains_per_month": median, "new_domains_last_12_months": float(last.mean()),
              "growth_per_month": float(last.mean() / total), "peak_ratio": float(counts.max() / max(median, 1.0))}
    frame = pd.DataFrame({"period": months, "new_domains": counts.to_numpy(), "share": counts.to_numpy() / total})
    return values, frame, dated


def _deviations(comparison: Comparison, lang: str) -> list[Deviation]:
    own = comparison.profiles[OWN]
    out = []
    for measure in comparison.measures():
        rule = rule_for(measure)
        theirs = {n: comparison.profiles[n].value(measure) for n in comparison.competitors}
        values = [v for v in theirs.values() if v is not None]
        mine = own.value(measure)
        if mine is None or not values:
            continue
        low, high = min(values), max(values)
        sides = ("above", "below") if rule["direction"] == "either" else (rule["direction"],)
        for side in sides:
            gap, ratio = (mine - high, mine / high if high > 0 else np.inf) if side == "above" else \
                (low - mine, low / mine if mine > 0 else np.inf)
            if gap < rule["margin"] or ratio < rule["factor"]:
                continue
            severe = rule["risk"] and gap >= rule["concern_margin"] and ratio >= rule["concern_factor"]
            level = "concern" if severe else "watch"
            why = text(lang, f"compare.why.{side}", measure=measure_label(measure, lang),
                       own=format_value(measure, mine, lang), low=format_value(measure, low, lang),
                       high=format_value(measure, high, lang))
            if rule["risk"]:
                why += " " + text(lang, f"compare.risk.{measure.partition('.')[0]}")
            out.append(Deviation(measure, mine, theirs, level, side, (low, high), bool(rule["risk"]), why))
    order = {"concern": 0, "watch": 1}
    return sorted(out, key=lambda d: (order[d.level], not d.risk))


def format_value(measure: str, value: float | None, lang: str, digits: int = 1) -> str:
    """A share as a percentage, a velocity count or ratio as a number; Dutch decimal comma. ``None`` -> "–"."""
    if value is None:
        return "–"
    if measure.startswith("velocity.") and measure != "velocity.growth_per_month":
        return formatting.number(value, lang, 1, fixed=True)
    return formatting.percent(value, lang, digits)


def _link_gap(reviews: dict[str, ProfileReview], platforms: dict, aggregates: dict) -> pd.DataFrame:
    """Domains that link to enough competitors and not to you, with the context of their links."""
    names = [n for n in reviews if n != OWN]
    need = min(rules()["link_gap"]["min_competitors"], len(names))
    sites = {r.settings.domain for r in reviews.values() if r.settings.domain}
    own = set(_domains(reviews[OWN].table, aggregates.get(OWN))) | sites
    # First which domains are in the gap (sets of distinct domains: cheap), then the context of
    # only their links, so a million-link competitor costs no more than its distinct domains.
    live, linking = {}, {}
    for name in names:
        links = reviews[name].table
        if "source_domain" in links and len(links):
            live[name] = ~links["lost"].fillna(False).to_numpy(bool) if "lost" in links else np.ones(len(links), bool)
        linking[name] = set(links["source_domain"][live[name]].dropna().astype(str).unique()) if name in live else set()
        linking[name] |= set(_domains(links.iloc[:0], aggregates.get(name)))  # e.g. GSC top linking sites
    found: dict[str, list[str]] = {}
    for name in names:
        for domain in linking[name] - own:
            found.setdefault(domain, []).append(name)
    gap = {d: c for d, c in found.items() if len(c) >= need}
    if not gap:
        return pd.DataFrame(columns=GAP_COLUMNS)
    rows = []
    for name in live:
        links = reviews[name].table
        rows_of = live[name] & links["source_domain"].isin(list(gap)).to_numpy(bool)
        part = pd.DataFrame({"domain": links["source_domain"].astype("object").to_numpy()[rows_of]})
        for column, source in (("anchor", "anchor"), ("title", "source_title"), ("url", "source_url"),
                               ("seen", "first_seen")):
            part[column] = links[source][rows_of].to_numpy() if source in links else None
        rows.append(part.assign(competitor=name))
    data = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["domain", "url", "title", "anchor",
                                                                                 "seen", "competitor"])
    table = pd.DataFrame({"competitors": pd.Series(gap)})
    table["count"] = table["competitors"].map(len)
    table["links"] = data.groupby("domain")["url"].count().reindex(table.index, fill_value=0)
    # The context comes from one competitor's links (the first with page titles): its most used
    # anchor there, and the title and URL of its most recent link with that anchor.
    data = data.assign(titled=data["title"].notna(), rank=data["competitor"].map({n: i for i, n in enumerate(names)}))
    shown = data.sort_values(["titled", "rank"], ascending=[False, True]).drop_duplicates("domain")
    data = data[data["competitor"].eq(data["domain"].map(shown.set_index("domain")["competitor"]))]
    counts = data.dropna(subset=["anchor"]).groupby(["domain", "anchor"], sort=False).size()
    top = counts.sort_values(ascending=False).reset_index().drop_duplicates("domain").set_index("domain")["anchor"] \
        if len(counts) else pd.Series(dtype=object)
    table["anchor"] = top.reindex(table.index)
    data = data.assign(top=data["anchor"].eq(data["domain"].map(top)))
    example = data.sort_values(["titled", "top", "seen"], ascending=False, na_position="last")
    example = example.drop_duplicates("domain").set_index("domain")
    table["url"] = example["url"].reindex(table.index)
    table["title"] = example["title"].reindex(table.index)
    table["platform"] = _lookup(table.index, [platforms[n].by_domain for n in names], "platform", "other")
    table["relevance"] = _lookup(table.index, [reviews[n].measured["irrelevant_sources"].by_domain for n in names], "label", "unclear")
    table = table.rename_axis("domain").reset_index()
    table = table.sort_values(["count", "links", "domain"], ascending=[False, False, True], ignore_index=True)
    return table[GAP_COLUMNS].astype({"links": int})


def _domains(links: pd.DataFrame, aggregates: dict | None) -> list[str]:
    found = list(links["source_domain"].astype("object").dropna().unique()) if "source_domain" in links else []
    for table in (aggregates or {}).values():
        if isinstance(table, pd.DataFrame) and "domain" in table:
            found += [registrable_domain(str(d).lower()) for d in table["domain"].dropna().unique()]
    return found


def _lookup(index: pd.Index, tables: list[pd.DataFrame], column: str, default: str) -> np.ndarray:
    """The first table (competitor) that knows the domain gives its value."""
    out = pd.Series(np.nan, index=index, dtype=object)
    for table in tables:
        if len(table):
            out = out.fillna(table.drop_duplicates("domain").set_index("domain")[column].astype(object).reindex(index))
    return out.fillna(default).to_numpy(dtype=object)


__all__ = ["OWN", "MIXES", "VELOCITY", "MAX_COMPETITORS", "Comparison", "ProfileMixes", "Deviation", "compare_profiles",
           "compare_with", "compare_reviews", "review_with_competitors", "apply_comparison", "competitor_settings", "deviation_held", "format_value", "measure_label", "rules"]
