"""Altair charts for the competitor comparison: grouped bars per mix, small multiples, velocity and the link gap."""

# Built for a projector in a workshop: large type, the user's own profile in one strong colour
# and the competitors in muted ones, every bar labelled with its share so nobody has to read an
# axis from the back of the room. Each chart draws a small table (classes x profiles, months x
# profiles), never one mark per link, and is testable through ``chart.to_dict()``.

from __future__ import annotations

import altair as alt
import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.present.charts import LABEL_LIMIT, LEGEND_COLUMNS
from linkwijzer.present.formatting import percent, vega_locale
from linkwijzer.profile.comparison.compare import MIXES, OWN, Comparison

FONT = 17
WIDTH = 520
OWN_COLOUR = "#1f6f5c"
# Muted, distinguishable competitor colours (no red or amber: those mean "concern" elsewhere).
COMPETITOR_COLOURS = ["#6b7fb3", "#a3a9b5", "#8cc1a9", "#b3a06b", "#9a7fa8"]
_LABEL_KEYS = {"anchor_mix": "keyword_anchors.class", "placement_mix": "boilerplate_placement.class", "follow_mix": "ui.review.rel",
               "relevance_mix": "irrelevant_sources.label", "platform_mix": "compare.platform"}


def profile_labels(comparison: Comparison, lang: str) -> dict[str, str]:
    """Legend names: "You (fietsenvandijk.nl)" for the own profile, the given name for each competitor."""
    own = comparison.profiles[OWN]
    you = text(lang, "compare.text.own")
    return {OWN: f"{you} ({own.site})" if own.site else you, **{n: n for n in comparison.competitors}}


def _colours(comparison: Comparison, lang: str) -> alt.Scale:
    labels = profile_labels(comparison, lang)
    return alt.Scale(domain=list(labels.values()),
                     range=[OWN_COLOUR] + COMPETITOR_COLOURS[:len(comparison.competitors)])


def mix_frame(comparison: Comparison, mix: str, lang: str) -> pd.DataFrame:
    """One row per class and profile: ``profile, key, label, share, own, text``; unmeasured profiles left out."""
    labels = profile_labels(comparison, lang)
    rows = []
    for name, profile in comparison.profiles.items():
        for key, share in profile.mixes[mix].items():
            label_key = f"{_LABEL_KEYS[mix]}.{key}"
            rows.append({"profile": labels[name], "key": key, "label": text(lang, label_key), "share": share,
                         "own": name == OWN, "text": percent(share, lang, 0)})
    frame = pd.DataFrame(rows, columns=["profile", "key", "label", "share", "own", "text"])
    # Classes nobody has (a forum share of 0 everywhere) only take room.
    used = frame.groupby("key", sort=False)["share"].transform("max") > 0 if len(frame) else []
    return frame[used] if len(frame) else frame


def _mix_layer(comparison: Comparison, mix: str, lang: str) -> alt.LayerChart:
    data = mix_frame(comparison, mix, lang)
    order = list(profile_labels(comparison, lang).values())
    classes = list(dict.fromkeys(data["label"]))
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=classes, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=LABEL_LIMIT)),
        yOffset=alt.YOffset("profile:N", sort=order),
        x=alt.X("share:Q", axis=alt.Axis(format="%", tickCount=5), title=text(lang, "compare.chart.share_domains"),
                scale=alt.Scale(domain=[0, max(1.0, float(data["share"].max() if len(data) else 1))])),
        color=alt.Color("profile:N", scale=_colours(comparison, lang), sort=order,
                        title=text(lang, "compare.chart.profile")),
        tooltip=[alt.Tooltip("profile:N", title=text(lang, "compare.chart.profile")),
                 alt.Tooltip("label:N", title=text(lang, f"compare.mix.{mix}")),
                 alt.Tooltip("share:Q", format=".1%", title=text(lang, "compare.chart.share_domains"))])
    bars = base.mark_bar(cornerRadiusEnd=3, height={"band": 0.9})
    # Dark value labels for every profile (pale ones vanish on a projector), bold for the own one.
    label = {"align": "left", "dx": 4, "fontSize": FONT - 3}
    own = base.mark_text(**label, fontWeight="bold").encode(text="text:N", color=alt.value(OWN_COLOUR)) \
        .transform_filter("datum.own")
    others = base.mark_text(**label).encode(text="text:N", color=alt.value("#333333")).transform_filter("!datum.own")
    height = max(140, 22 * len(classes) * len(order))
    return (bars + own + others).properties(title=text(lang, f"compare.mix.{mix}"), width=WIDTH, height=height)


def _style(chart, lang: str):
    return (chart.configure(locale=vega_locale(lang)).configure_axis(labelFontSize=FONT, titleFontSize=FONT)
            .configure_legend(labelFontSize=FONT, titleFontSize=FONT, orient="bottom", labelLimit=LABEL_LIMIT, symbolSize=220,
                              columns=LEGEND_COLUMNS)
            .configure_title(fontSize=FONT + 4, anchor="start")
            .configure_view(strokeWidth=0))


def measured_mixes(comparison: Comparison) -> list[str]:
    """The mixes at least one profile could be measured on."""
    return [m for m in MIXES if any(p.mixes[m] for p in comparison.profiles.values())]


def mix_chart(comparison: Comparison, mix: str, lang: str) -> alt.LayerChart:
    """Grouped bars of one mix: each class, one bar per profile, the own profile highlighted."""
    if mix not in MIXES:
        raise ValueError(f"unknown mix {mix!r}; use one of {', '.join(MIXES)}")
    return _style(_mix_layer(comparison, mix, lang), lang)


def small_multiples(comparison: Comparison, lang: str, columns: int = 2) -> alt.VConcatChart:
    """Every measured mix as its own grouped-bar panel, ``columns`` panels per row, one shared legend."""
    panels = [_mix_layer(comparison, m, lang) for m in measured_mixes(comparison)]
    rows = [alt.hconcat(*panels[i:i + columns], spacing=40) for i in range(0, len(panels), columns)]
    return _style(alt.vconcat(*rows, spacing=40).resolve_scale(color="shared"), lang)


def velocity_frame(comparison: Comparison, lang: str) -> pd.DataFrame:
    labels = profile_labels(comparison, lang)
    parts = [p.monthly.assign(profile=labels[n], own=n == OWN) for n, p in comparison.profiles.items()
             if len(p.monthly)]
    if not parts:
        return pd.DataFrame(columns=["period", "new_domains", "share", "profile", "own"])
    return pd.concat(parts, ignore_index=True)


def velocity_comparison_chart(comparison: Comparison, lang: str, normalise: bool = True) -> alt.Chart:
    """New referring domains per month per profile; normalised, as a share of each profile's referring
    domains, so a small site and a large one can be compared on pace rather than size."""
    data = velocity_frame(comparison, lang)
    order = list(profile_labels(comparison, lang).values())
    field, axis_format = ("share", "%") if normalise else ("new_domains", "d")
    y_title = text(lang, "compare.chart.new_domains_share" if normalise else "compare.chart.new_domains")
    chart = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=40), interpolate="monotone").encode(
        x=alt.X("period:T", title=text(lang, "compare.chart.month"), axis=alt.Axis(format="%b %Y", labelAngle=0)),
        y=alt.Y(f"{field}:Q", title=y_title, axis=alt.Axis(format=axis_format)),
        color=alt.Color("profile:N", scale=_colours(comparison, lang), sort=order,
                        title=text(lang, "compare.chart.profile")),
        strokeWidth=alt.condition("datum.own", alt.value(4), alt.value(2)),
        opacity=alt.condition("datum.own", alt.value(1.0), alt.value(0.8)),
        tooltip=[alt.Tooltip("profile:N", title=text(lang, "compare.chart.profile")),
                 alt.Tooltip("period:T", format="%B %Y", title=text(lang, "compare.chart.month")),
                 alt.Tooltip("new_domains:Q", title=text(lang, "compare.chart.new_domains")),
                 alt.Tooltip("share:Q", format=".1%", title=text(lang, "compare.chart.new_domains_share"))])
    title = text(lang, "compare.chart.velocity_title" if normalise else "compare.chart.velocity_title_raw")
    return _style(chart.properties(title=title, width=WIDTH + 360, height=300), lang)


def link_gap_chart(comparison: Comparison, lang: str) -> alt.Chart:
    """Domains in the link gap per kind of platform: where competitors are mentioned and you are not."""
    counts = comparison.link_gap_by_platform()
    data = pd.DataFrame({"platform": counts.index, "domains": counts.to_numpy()})
    data["label"] = data["platform"].map(lambda p: text(lang, f"compare.platform.{p}"))
    bars = alt.Chart(data).mark_bar(color=COMPETITOR_COLOURS[0], cornerRadiusEnd=3).encode(
        x=alt.X("domains:Q", title=text(lang, "compare.chart.gap_domains"), axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False)),
        tooltip=[alt.Tooltip("label:N", title=text(lang, "compare.mix.platform_mix")),
                 alt.Tooltip("domains:Q", title=text(lang, "compare.chart.gap_domains"))])
    labels = bars.mark_text(align="left", dx=4, fontSize=FONT - 2).encode(text="domains:Q")
    return _style((bars + labels).properties(title=text(lang, "compare.chart.gap_title"), width=WIDTH,
                                             height=max(120, 40 * len(data))), lang)


__all__ = ["mix_chart", "small_multiples", "velocity_comparison_chart", "link_gap_chart", "mix_frame",
           "velocity_frame", "measured_mixes", "profile_labels"]
