"""Charts and the change table of a site's history (framework/history/timeline.py): snapshots in, charts out."""

from __future__ import annotations

import altair as alt
import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.present.charts import COLOURS, FONT, PALETTE, WIDTH, styled
from linkwijzer.present.formatting import count, percent

LEVEL_ORDER = ("ok", "watch", "concern", "unknown")


def _dates(periods) -> list[str]:
    return [p.date for p in periods]


def domains_chart(periods, lang: str) -> alt.Chart:
    """Referring domains that arrived (up) and left (down) since the snapshot before; the total in the tooltip.

    One scale only: a line of the total on a second axis drew over the bars and read as one of them."""
    totals = {p.date: count(p.referring_domains, lang) for p in periods}
    rows = []
    for p in periods[1:]:  # the first snapshot has nothing before it: its domains did not "arrive"
        rows += [{"date": p.date, "kind": text(lang, "history.chart.new"), "domains": p.new_domains},
                 {"date": p.date, "kind": text(lang, "history.chart.lost"), "domains": -p.lost_domains}]
    moves = pd.DataFrame(rows, columns=["date", "kind", "domains"]).assign(
        total=lambda d: d["date"].map(totals), shown=lambda d: d["domains"].abs())
    chart = alt.Chart(moves).mark_bar(size=28).encode(
        x=alt.X("date:O", title=None, axis=alt.Axis(labelAngle=0), scale=alt.Scale(domain=_dates(periods))),
        y=alt.Y("domains:Q", title=text(lang, "history.chart.change")),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(
            domain=[text(lang, "history.chart.new"), text(lang, "history.chart.lost")],
            range=[PALETTE[0], COLOURS["concern"]])),
        tooltip=[alt.Tooltip("date:O", title=text(lang, "history.col.date")), alt.Tooltip("kind:N", title=" "),
                 alt.Tooltip("shown:Q", title=text(lang, "history.col.domains")),
                 alt.Tooltip("total:N", title=text(lang, "history.chart.total"))])
    rule = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#333").encode(y="y:Q")
    return styled((chart + rule).properties(title=text(lang, "history.chart.domains"), width=WIDTH, height=260), lang)


def quality_chart(periods, lang: str) -> alt.Chart:
    """Share of the new referring domains the review raises nothing against, per snapshot."""
    data = pd.DataFrame([{"date": p.date, "share": p.good_new_share, "label": percent(p.good_new_share, lang, 0),
                          "new": p.new_domains} for p in periods if p.good_new_share is not None])
    if not len(data):
        data = pd.DataFrame({"date": [], "share": [], "label": [], "new": []})
    base = alt.Chart(data).encode(
        x=alt.X("date:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("share:Q", title=text(lang, "history.chart.good_share"), scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("date:O", title=text(lang, "history.col.date")),
                 alt.Tooltip("label:N", title=text(lang, "history.col.good_new")),
                 alt.Tooltip("new:Q", title=text(lang, "history.col.new"))])
    chart = base.mark_line(point=alt.OverlayMarkDef(size=80), color=PALETTE[0]) + \
        base.mark_text(dy=-14, fontSize=FONT).encode(text="label:N")
    return styled(chart.properties(title=text(lang, "history.chart.quality"), width=WIDTH, height=240), lang)


def levels_chart(periods, lang: str) -> alt.Chart:
    """Each signal's level per snapshot: a row per signal, a cell per date, coloured by level."""
    data = pd.DataFrame([{"date": p.date, "signal": text(lang, f"{sid}.name"), "level": level,
                          "level_name": text(lang, f"review.levels.{level}")}
                         for p in periods for sid, level in p.signals.items()])
    names = [text(lang, f"review.levels.{level}") for level in LEVEL_ORDER]
    chart = alt.Chart(data).mark_rect(stroke="white", strokeWidth=2).encode(
        x=alt.X("date:O", title=None, axis=alt.Axis(labelAngle=0, orient="top", labelOverlap=True)),
        y=alt.Y("signal:N", title=None, sort=None),
        color=alt.Color("level_name:N", title=None, sort=names,
                        scale=alt.Scale(domain=names, range=[COLOURS[level] for level in LEVEL_ORDER])),
        tooltip=[alt.Tooltip("date:O", title=text(lang, "history.col.date")), alt.Tooltip("signal:N", title=" "),
                 alt.Tooltip("level_name:N", title=text(lang, "history.col.level"))])
    rows = data["signal"].nunique() if len(data) else 1
    return styled(chart.properties(title=text(lang, "history.chart.levels"), width=WIDTH, height=36 * rows), lang)


def changes_table(periods, lang: str) -> pd.DataFrame:
    """One row per snapshot, newest first: outcome, size, arrivals and departures, and what moved."""
    def moved(p) -> str:
        return ", ".join(text(lang, f"{sid}.name") for sid in p.moved)

    rows = [{
        text(lang, "history.col.date"): p.date,
        text(lang, "history.col.outcome"): text(lang, f"review.outcome.{p.outcome}"),
        text(lang, "history.col.links"): count(p.links, lang),
        text(lang, "history.col.domains"): count(p.referring_domains, lang),
        text(lang, "history.col.new"): count(p.new_domains, lang),
        text(lang, "history.col.lost"): count(p.lost_domains, lang),
        text(lang, "history.col.good_new"): percent(p.good_new_share, lang, 0) if p.good_new_share is not None else "",
        text(lang, "history.col.moved"): moved(p),
    } for p in reversed(periods)]
    return pd.DataFrame(rows)


__all__ = ["changes_table", "domains_chart", "levels_chart", "quality_chart"]
