"""Link velocity: new links and referring domains per week and month, and bursts against the profile's own rate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from linkwijzer.present.formatting import count, number, percent
from linkwijzer.i18n import text
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.present import charts
from linkwijzer.profile.signals.base import SignalSpec, Signal, level_for, thresholds

SIGNAL_ID = "link_bursts"
COLUMNS = ("period", "new_links", "new_domains", "baseline", "upper")
_MAD_SCALE = 1.4826  # MAD x 1.4826 estimates the standard deviation of normal noise
_NO_DAY = np.iinfo(np.int64).min


@dataclass(frozen=True)
class Burst:
    """Weeks in which far more referring domains arrived than the profile's own normal rate."""

    start: str
    """Monday of the first burst week (ISO): the date the user marks as explained."""
    end: str
    """The last day a new link was first seen in the last burst week (ISO)."""
    new_domains: int
    """Referring domains first seen in the burst weeks."""
    new_links: int
    """Links first seen in the burst weeks (shown beside the domains, not counted as votes)."""
    expected_domains: float
    """What the normal rate would have brought in those weeks."""
    explained: bool
    """The user gave a cause (campaign, press, viral), or the links came through a redirect: then
    it does not count for the signal."""
    cause: str = ""
    """Why it is explained: ``user`` (marked as explained) or ``redirect`` (arrived through a redirect chain)."""
    redirect_from: str = ""
    """For ``redirect``: the domain most of the burst's links were redirected from (a domain move)."""
    redirect_share: float = 0.0
    """Share of the burst's links that arrived through a redirect chain."""


@dataclass
class Velocity:
    weekly: pd.DataFrame
    """One row per week (Monday), zero weeks included: ``period, new_links, new_domains,
    baseline, upper, burst``; ``baseline``/``upper`` are the normal band of new domains."""
    monthly: pd.DataFrame
    """The same per calendar month (``period`` = the 1st), without the ``burst`` column."""
    bursts: list[Burst]
    in_burst: pd.Series
    """Per link (aligned to ``links.index``): first seen in a burst week."""
    signal: Signal


def analyse_velocity(links: pd.DataFrame, settings: ProfileSettings, lang: str) -> Velocity:
    """Weekly and monthly arrivals, the bursts in them, and the ``link_bursts`` signal."""
    limits = thresholds(SIGNAL_ID)
    cut = {"watch": limits["watch"], "concern": limits["concern"]}
    days, domains = _days(links), _domain_codes(links)
    dated = days != _NO_DAY
    in_burst = pd.Series(False, index=links.index, name="in_burst")
    empty = pd.DataFrame({c: pd.Series(dtype="datetime64[s]" if c == "period" else float) for c in COLUMNS})
    if not dated.any():
        why = text(lang, "link_bursts.why.no_dates")
        signal = Signal(SIGNAL_ID, "unknown", None, cut, why, {"dated_links": 0, "undated_links": len(links)})
        return Velocity(empty.assign(burst=False), empty.copy(), [], in_burst, signal)

    # A domain is new in the period of its earliest first-seen date.
    first_day = pd.Series(days[dated]).groupby(domains[dated]).min()
    first_day = first_day[first_day.index >= 0].to_numpy()
    weekly = _weekly(days[dated], first_day)
    monthly = _monthly(days[dated], first_day)
    for table, window in ((weekly, limits["window_weeks"]), (monthly, limits["window_months"])):
        table["baseline"], table["upper"] = _band(table["new_domains"].to_numpy(float), window, limits["k"])
    details = {"dated_links": int(dated.sum()), "undated_links": int((~dated).sum()),
               "dated_domains": int(len(first_day)), "weeks": int(len(weekly)),
               "median_week_domains": float(weekly["new_domains"].median())}
    if len(weekly) < limits["min_weeks"]:
        weekly["burst"] = False
        why = text(lang, "link_bursts.why.short_history", weeks=len(weekly), min_weeks=int(limits["min_weeks"]))
        return Velocity(weekly, monthly, [], in_burst, Signal(SIGNAL_ID, "unknown", None, cut, why, details))

    flagged = (weekly["new_domains"] > weekly["upper"]) & (weekly["new_domains"] >= limits["min_week_domains"])
    runs = _runs(np.flatnonzero(flagged.to_numpy()), int(limits["merge_gap_weeks"]))
    weekly["burst"] = False
    monday0 = _monday(days[dated].min())
    last_day = pd.Series(days[dated]).groupby((days[dated] - monday0) // 7).max()
    explained_days = _explained_days(settings.explained_bursts)
    via, origin = _redirects(links)
    week_of_link = np.full(len(links), -1)
    week_of_link[dated] = (days[dated] - monday0) // 7
    bursts = []
    for first, last in runs:
        weekly.loc[first:last, "burst"] = True
        rows = weekly.iloc[first:last + 1]
        start = monday0 + 7 * first
        # A marked date anywhere in the burst's weeks explains it: a re-import can move the
        # first burst week by a week, and the user's word should survive that.
        cause = "user" if any(start <= d < monday0 + 7 * (last + 1) for d in explained_days) else ""
        inside = (week_of_link >= first) & (week_of_link <= last)
        share = float(via[inside].mean()) if inside.any() else 0.0
        source = ""
        if share >= limits["redirect_share"]:
            # A domain move: the old domain's links reach the site through its redirects, and a
            # tool discovers them all at once. They are not new links.
            moved = pd.Series(origin[inside & via]).value_counts()
            source = str(moved.index[0]) if len(moved) else ""
            cause = cause or "redirect"
        bursts.append(Burst(_iso(start), _iso(int(last_day.get(last, start))), int(rows["new_domains"].sum()),
                            int(rows["new_links"].sum()), round(float(rows["baseline"].sum()), 1), bool(cause),
                            cause, source, round(share, 4)))
    burst_weeks = weekly["burst"].to_numpy()
    in_burst.iloc[np.flatnonzero(dated)] = burst_weeks[(days[dated] - monday0) // 7]

    outside = int(weekly.loc[~weekly["burst"], "new_domains"].sum())
    details["baseline_domains"] = outside
    if bursts and outside < limits["min_baseline_domains"]:
        why = text(lang, "link_bursts.why.no_baseline", share=percent(1 - outside / len(first_day), lang))
        return Velocity(weekly, monthly, bursts, in_burst, Signal(SIGNAL_ID, "unknown", None, cut, why, details))
    unexplained = [b for b in bursts if not b.explained]
    excess = sum(max(b.new_domains - b.expected_domains, 0.0) for b in unexplained)
    value = excess / len(first_day) if len(first_day) else 0.0
    level = level_for(value, **cut)
    details.update(bursts=len(bursts), explained=len(bursts) - len(unexplained), excess_domains=round(excess, 1))
    return Velocity(weekly, monthly, bursts, in_burst,
                    Signal(SIGNAL_ID, level, value, cut, _why(lang, bursts, unexplained, value, details), details))


def quality_trend(flags: pd.DataFrame, first_seen: pd.Series, months: int = 6, *,
                  domains: pd.Series | None = None, column: str | None = None) -> dict:
    """Is the share of "good" NEW links lower in the last ``months`` months than before?

    ``flags`` holds boolean columns (e.g. relevant, in content, natural anchor); a link is good
    when ``column`` is true, or when all columns are true. The recent period ends at the latest
    first-seen date. With ``domains`` (``source_domain``) each domain counts once per period,
    with the share of its links that are good (SPEC: shares per referring domain).
    """
    limits = thresholds(SIGNAL_ID)
    good = (flags[column] if column else flags.all(axis=1)).fillna(False).to_numpy(bool)
    seen = pd.to_datetime(first_seen)
    dated = seen.notna().to_numpy()
    out = {"months": months, "recent_share": None, "earlier_share": None, "recent_links": 0, "earlier_links": 0,
           "recent_domains": 0, "earlier_domains": 0, "declining": False, "enough_data": False}
    if not dated.any():
        return out
    cutoff = seen[dated].max() - pd.DateOffset(months=months)
    recent = (seen > cutoff).to_numpy() & dated
    earlier = ~recent & dated
    key = (domains.astype("object").to_numpy() if domains is not None else np.arange(len(flags)))
    for name, mask in (("recent", recent), ("earlier", earlier)):
        per_domain = pd.Series(good[mask]).groupby(key[mask]).mean()
        out[f"{name}_links"] = int(mask.sum())
        out[f"{name}_domains"] = int(len(per_domain))
        out[f"{name}_share"] = round(float(per_domain.mean()), 4) if len(per_domain) else None
    enough = min(out["recent_domains"], out["earlier_domains"]) >= limits["quality_min_domains"]
    if enough:
        out["declining"] = bool(out["earlier_share"] - out["recent_share"] >= limits["quality_min_drop"])
    out["enough_data"] = bool(enough)
    return out


def _days(links: pd.DataFrame) -> np.ndarray:
    """First-seen dates as whole days since 1970 (int64); missing dates as ``_NO_DAY``."""
    if "first_seen" not in links:
        return np.full(len(links), _NO_DAY, np.int64)
    values = pd.to_datetime(links["first_seen"], errors="coerce").to_numpy("datetime64[ns]")
    days = values.astype("datetime64[D]").astype(np.int64)
    days[np.isnat(values)] = _NO_DAY
    return days


def _domain_codes(links: pd.DataFrame) -> np.ndarray:
    column = links["source_domain"] if "source_domain" in links else pd.Series([None] * len(links))
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(np.int64)
    return pd.factorize(column)[0].astype(np.int64)  # missing domain -> -1, dropped later


def _monday(day: int) -> int:
    return int(day - (day + 3) % 7)  # 1970-01-01 was a Thursday


def _weekly(link_days: np.ndarray, domain_days: np.ndarray) -> pd.DataFrame:
    monday0 = _monday(link_days.min())
    weeks = (link_days.max() - monday0) // 7 + 1
    return pd.DataFrame({
        "period": (np.arange(weeks) * 7 + monday0).astype("datetime64[D]").astype("datetime64[s]"),
        "new_links": np.bincount((link_days - monday0) // 7, minlength=weeks),
        "new_domains": np.bincount((domain_days - monday0) // 7, minlength=weeks)})


def _monthly(link_days: np.ndarray, domain_days: np.ndarray) -> pd.DataFrame:
    link_months = link_days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    domain_months = domain_days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    first = link_months.min()
    count = link_months.max() - first + 1
    return pd.DataFrame({
        "period": (np.arange(count) + first).astype("datetime64[M]").astype("datetime64[s]"),
        "new_links": np.bincount(link_months - first, minlength=count),
        "new_domains": np.bincount(domain_months - first, minlength=count)})


def _band(counts: np.ndarray, window: int, k: float) -> tuple[np.ndarray, np.ndarray]:
    """Rolling median and median + k x robust spread over a centred window (shorter at the ends)."""
    half = int(window) // 2
    padded = np.concatenate([np.full(half, np.nan), counts, np.full(half, np.nan)])
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1)
    median = np.nanmedian(windows, axis=1)
    mad = np.nanmedian(np.abs(windows - median[:, None]), axis=1)
    # Counts are at least Poisson-noisy: sqrt(median) (and 1 when the median is 0) is the floor.
    spread = np.maximum(_MAD_SCALE * mad, np.sqrt(np.maximum(median, 1.0)))
    return median, median + k * spread


def _runs(weeks: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Flagged week numbers as (first, last) runs; runs at most ``gap`` weeks apart merge."""
    if not len(weeks):
        return []
    breaks = np.flatnonzero(np.diff(weeks) > gap + 1)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(weeks) - 1]])
    return [(int(weeks[s]), int(weeks[e])) for s, e in zip(starts, ends)]


def _redirects(links: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per link: did it arrive through a redirect chain, and the registrable domain the chain starts at."""
    n = len(links)
    if "redirect_chain" not in links or not links["redirect_chain"].notna().any():
        return np.zeros(n, bool), np.full(n, "", dtype=object)
    chains = links["redirect_chain"].astype("string").fillna("").str.strip()
    codes, distinct = pd.factorize(chains)
    origins = np.array([_chain_origin(str(chain)) for chain in distinct] + [""], dtype=object)
    via = (chains != "").to_numpy(bool)
    return via, origins[np.where(codes >= 0, codes, len(distinct))]


def redirect_origins(links: pd.DataFrame) -> list[str]:
    """The domains the links' redirect chains start at, most links first (old domains of a move)."""
    via, origin = _redirects(links)
    counts = pd.Series(origin[via]).value_counts()
    return [str(d) for d in counts.index if d]


def _chain_origin(chain: str) -> str:
    """The domain a redirect chain starts at; chains are written "a | b" (docs) or "a, b" (real files)."""
    from linkwijzer.profile.importing.urls import registrable_domain, split_host

    first = re.split(r"\s*\|\s*|,\s*(?=https?://)", chain.strip(), maxsplit=1)[0]
    return registrable_domain(split_host(first)[0]) if first else ""


def _explained_days(values: tuple[str, ...]) -> list[int]:
    days = []
    for value in values:
        try:
            days.append(date.fromisoformat(str(value).strip()[:10]).toordinal() - date(1970, 1, 1).toordinal())
        except ValueError:
            continue  # a date the user mistyped explains nothing; the rest still count
    return days


def _iso(day: int) -> str:
    return str(np.datetime64(int(day), "D"))


def _why(lang: str, bursts: list[Burst], unexplained: list[Burst], value: float, details: dict) -> str:
    median = details["median_week_domains"]
    if not bursts:
        return text(lang, "link_bursts.why.steady", median=number(median, lang))
    moved = [b for b in bursts if b.cause == "redirect"]
    note = " ".join(text(lang, "link_bursts.why.redirect", start=b.start, links=count(b.new_links, lang),
                         share=percent(b.redirect_share, lang), domain=b.redirect_from or "?") for b in moved)
    if not unexplained:
        by_user = sum(b.cause == "user" for b in bursts)
        return " ".join(filter(None, [text(lang, "link_bursts.why.all_explained", count=by_user) if by_user else "",
                                      note]))
    first = unexplained[0]
    return " ".join(filter(None, [text(lang, "link_bursts.why.bursts", count=len(unexplained), share=percent(value, lang),
                                       start=first.start, domains=count(first.new_domains, lang),
                                       expected=number(first.expected_domains, lang),
                                       explained=len(bursts) - len(unexplained)), note]))


def _charts(measured: Velocity, lang: str) -> list:
    if not len(measured.weekly):
        return []
    explained = tuple(b.start for b in measured.bursts if b.explained)
    return [("wide", charts.velocity_chart(measured.weekly, lang, explained).properties(height=150))]


SIGNAL = SignalSpec(
    id=SIGNAL_ID, needs=(("first_seen",),),
    measure=lambda inputs: analyse_velocity(inputs.links, inputs.settings, inputs.lang),
    charts=_charts)

__all__ = ["SIGNAL", "redirect_origins", "analyse_velocity", "quality_trend", "Velocity", "Burst", "SIGNAL_ID"]
