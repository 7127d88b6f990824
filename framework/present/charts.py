"""Altair chart builders for the profile review: aggregates in, charts out (testable without Streamlit).

Every chart draws a small table (classes, weeks, top domains), never one mark per link, and uses
large type so it reads on a projector and in a printed report.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.present.formatting import percent, vega_locale

FONT = 15
# Longest axis label in pixels (longer ones end in "…", whole in the tooltip): a chart in half of a
# 1024-px page keeps room for its bars.
LABEL_LIMIT = 200
WIDTH = 560
COLOURS = {"ok": "#2e7d5b", "watch": "#d08a1e", "concern": "#b8432f", "unknown": "#8a8f98"}
# Keyword-heavy classes warm, natural ones cool: the eye finds over-optimisation at once.
ANCHOR_COLOURS = {"branded": "#1f6f5c", "naked_url": "#4f9d84", "generic": "#8cc1a9", "other": "#6b7fb3",
                  "image": "#a3a9b5", "partial": "#d08a1e", "compound": "#c9b26b", "exact": "#b8432f"}
PALETTE = ["#1f6f5c", "#4f9d84", "#8cc1a9", "#d08a1e", "#b8432f", "#6b7fb3", "#a3a9b5", "#c9b26b"]


def styled(chart: alt.Chart, lang: str) -> alt.Chart:
    """Large type, and numbers, months and days on axes and tooltips in ``lang`` (d3 locale from Babel)."""
    return (chart.configure(locale=vega_locale(lang)).configure_axis(labelFontSize=FONT, titleFontSize=FONT, labelLimit=LABEL_LIMIT)
            .configure_legend(labelFontSize=FONT, titleFontSize=FONT, orient="bottom", labelLimit=LABEL_LIMIT,
                              columns=LEGEND_COLUMNS)
            .configure_title(fontSize=FONT + 3, anchor="start")
            .configure_view(strokeWidth=0))


def _share_bars(table: pd.DataFrame, category: str, share: str, count: str, labels: dict[str, str],
                title: str, axis_title: str, count_title: str, lang: str, order: list[str] | None = None) -> alt.Chart:
    data = table.assign(label=table[category].map(lambda c: labels.get(str(c), str(c))),
                        text=table[share].map(lambda v: percent(v, lang, 0)))
    sort = [labels.get(c, c) for c in order] if order else "-x"
    y = alt.Y("label:N", sort=sort, title=None, axis=alt.Axis(labelOverlap=False))
    bars = alt.Chart(data).mark_bar(color=PALETTE[0], cornerRadiusEnd=3).encode(
        x=alt.X(f"{share}:Q", axis=alt.Axis(format="%"), title=axis_title), y=y,
        tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip(f"{share}:Q", format=".1%", title=axis_title),
                 alt.Tooltip(f"{count}:Q", title=count_title)])
    labels_layer = bars.mark_text(align="left", dx=4, fontSize=FONT).encode(text="text:N")
    return styled((bars + labels_layer).properties(title=title, width=WIDTH, height=max(120, 40 * len(data))), lang)


def anchor_mix_chart(by_class: pd.DataFrame, lang: str) -> alt.Chart:
    """Share of referring domains per anchor class (links in the tooltip)."""
    table = by_class.reset_index().rename(columns={"index": "class"}) if "class" not in by_class else by_class
    table = table[table["links"] > 0]
    labels = {c: text(lang, f"keyword_anchors.class.{c}") for c in table["class"]}
    return _share_bars(table, "class", "share_domains", "links", labels, text(lang, "ui.review.chart_anchor_mix"),
                       text(lang, "ui.review.share_domains"), text(lang, "ui.review.links"), lang)


def top_anchors_chart(top: pd.DataFrame, lang: str, limit: int = 15) -> alt.Chart:
    data = top.head(limit).assign(kind=lambda d: d["class"].map(lambda c: text(lang, f"keyword_anchors.class.{c}")))
    classes = [c for c in ANCHOR_COLOURS if c in set(data["class"])]
    chart = alt.Chart(data).mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("domains:Q", title=text(lang, "ui.review.domains")),
        y=alt.Y("anchor:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False)),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(
            domain=[text(lang, f"keyword_anchors.class.{c}") for c in classes], range=[ANCHOR_COLOURS[c] for c in classes])),
        tooltip=["anchor:N", "kind:N", alt.Tooltip("domains:Q", title=text(lang, "ui.review.domains")),
                 alt.Tooltip("links:Q", title=text(lang, "ui.review.links"))])
    return styled(chart.properties(title=text(lang, "ui.review.chart_top_anchors"), width=WIDTH,
                                   height=max(120, 30 * len(data))), lang)


def velocity_chart(weekly: pd.DataFrame, lang: str, explained: tuple[str, ...] = ()) -> alt.Chart:
    """New referring domains per week, the normal band, and the burst weeks marked."""
    data = weekly.copy()
    data["period"] = pd.to_datetime(data["period"])
    data["kind"] = text(lang, "link_bursts.chart.new_domains")
    if "burst" in data:
        data.loc[data["burst"].fillna(False).astype(bool), "kind"] = text(lang, "link_bursts.chart.burst")
    band = alt.Chart(data).mark_area(opacity=0.18, color=PALETTE[1]).encode(
        x=alt.X("period:T", title=text(lang, "link_bursts.chart.week"), axis=alt.Axis(format="%b %Y", labelAngle=0)),
        y="baseline:Q", y2="upper:Q")
    bars = alt.Chart(data).mark_bar(width={"band": 0.9}).encode(
        x="period:T", y=alt.Y("new_domains:Q", title=text(lang, "link_bursts.chart.new_domains")),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(
            domain=[text(lang, "link_bursts.chart.new_domains"), text(lang, "link_bursts.chart.burst")],
            range=[PALETTE[0], COLOURS["concern"]])),
        tooltip=[alt.Tooltip("period:T", title=text(lang, "link_bursts.chart.week")),
                 alt.Tooltip("new_domains:Q", title=text(lang, "link_bursts.chart.new_domains")),
                 alt.Tooltip("new_links:Q", title=text(lang, "link_bursts.chart.new_links")),
                 alt.Tooltip("upper:Q", format=".1f", title=text(lang, "link_bursts.chart.band"))])
    return styled((band + bars).properties(title=text(lang, "link_bursts.chart.title"), width=WIDTH + 240, height=260), lang)


def placement_chart(mix: pd.DataFrame, lang: str) -> alt.Chart:
    table = mix[mix["links"] > 0].assign(share=lambda d: d["main_domains"] / max(d["main_domains"].sum(), 1))
    labels = {c: text(lang, f"boilerplate_placement.class.{c}") for c in table["placement"]}
    return _share_bars(table, "placement", "share", "links", labels, text(lang, "boilerplate_placement.chart.title"),
                       text(lang, "ui.review.share_domains"), text(lang, "ui.review.links"), lang)


def follow_chart(follow: pd.DataFrame, lang: str) -> alt.Chart:
    labels = {r: text(lang, f"ui.review.rel.{r}") for r in follow["rel"]}
    return _share_bars(follow, "rel", "share_links", "domains", labels, text(lang, "ui.review.chart_follow"),
                       text(lang, "ui.review.share_links"), text(lang, "ui.review.domains"), lang)


def relevance_chart(distribution: pd.DataFrame, lang: str) -> alt.Chart:
    table = distribution.reset_index().rename(columns={"index": "label"})
    labels = {c: text(lang, f"irrelevant_sources.label.{c}") for c in table["label"]}
    return _share_bars(table, "label", "share_domains", "links", labels, text(lang, "ui.review.chart_relevance"),
                       text(lang, "ui.review.share_domains"), text(lang, "ui.review.links"), lang,
                       order=["relevant", "unclear", "not_relevant"])


def concentration_chart(concentration: pd.DataFrame, lang: str, limit: int = 15) -> alt.Chart:
    data = concentration.head(limit).assign(
        kind=lambda d: d["sitewide_links"].gt(0).map({True: text(lang, "boilerplate_placement.chart.sitewide"),
                                                      False: text(lang, "ui.review.regular_links")}))
    chart = alt.Chart(data).mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("link_share:Q", axis=alt.Axis(format="%"), title=text(lang, "ui.review.share_links")),
        y=alt.Y("domain:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False)),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(range=[PALETTE[0], PALETTE[3]])),
        tooltip=["domain:N", alt.Tooltip("links:Q", title=text(lang, "ui.review.links")),
                 alt.Tooltip("link_share:Q", format=".1%"), "sitewide_links:Q"])
    return styled(chart.properties(title=text(lang, "repeated_sources.concentration.title"), width=WIDTH,
                                   height=max(120, 30 * len(data))), lang)


# Room a chart needs beyond its plot: title, x-axis labels and title; a legend below adds its title
# and a row per LEGEND_COLUMNS entries.
FRAME_EXTRA, LEGEND_TITLE, LEGEND_ROW, LEGEND_COLUMNS = 150, 40, 34, 2


def frame_height(chart) -> int | None:
    """The height a page must give this chart to show all of it, or None for a concatenation (it sizes itself).

    Streamlit draws a chart at its own default height unless told, which squeezes a bar per
    category into a few pixels; the plot's own height (a row per category) plus its frame is right.
    """
    height = getattr(chart, "height", alt.Undefined)
    if not isinstance(height, int):
        return None
    spec = chart.to_dict(validate=False)  # on every rerun: the schema check is Streamlit's to do
    fields = {layer.get("encoding", {}).get("color", {}).get("field") for layer in spec.get("layer", [spec])} - {None}
    entries = {str(row.get(f)) for rows in spec.get("datasets", {}).values() for row in rows for f in fields if f in row}
    legend = LEGEND_TITLE + LEGEND_ROW * -(-len(entries) // LEGEND_COLUMNS) if entries else 0
    return height + FRAME_EXTRA + legend


def to_svg(chart: alt.Chart) -> str:
    """The chart as an inline SVG for the printable report (rendered locally by vl-convert)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_json())
