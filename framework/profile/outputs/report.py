"""The profile review's outputs: a printable report (HTML, Markdown) and the classified links as CSV."""

from __future__ import annotations

import altair as alt

import re
import xml.etree.ElementTree as ElementTree
from datetime import date

from markupsafe import Markup

from linkwijzer.present import charts
from linkwijzer.i18n import has_text, text
from linkwijzer.present.formatting import count, cut_off, percent
from linkwijzer.profile.signals.registry import SIGNALS
from linkwijzer.profile.comparison.compare import measure_label
from linkwijzer.profile.outputs.reclaim import reclaim_list
from linkwijzer.profile.review.run import ProfileReview
from linkwijzer.present.documents import environment, frame

# Everything that came from the user or their files (site, domains, anchors, titles, file names)
# is escaped: the HTML template autoescapes and the Markdown environment escapes every value.
# The charts are the one exception — inline SVG marked safe — so they are accepted only from our
# own renderer and checked structurally first (``_inline_svg``).

# Chart widths for paper: two columns on A4 portrait, the velocity chart across the page.
HALF_WIDTH, FULL_WIDTH = 300, 760
_ID = re.compile(r'(\sid="|url\(#|href="#)([^")]+)')
# Elements that run code or load another document; links out are caught by the href check.
_UNSAFE_TAGS = {"script", "foreignobject", "iframe", "object", "embed"}


def profile_report_html(review: ProfileReview, lang: str, *, site: str = "", files: list | None = None,
                        today: date | None = None, import_notes: list[str] = (), reclaim=None, history=None) -> str:
    """The profile review on one or two A4 pages, charts included, every text in ``lang``; with the
    site's snapshots (``history``, timeline Periods) when there are two or more."""
    context = report_context(review, lang, site, files, today, import_notes, reclaim, history)
    context["charts"] = report_charts(review, lang)
    return environment("html").get_template("profile_report.html.j2").render(context)


def profile_report_markdown(review: ProfileReview, lang: str, *, site: str = "", files: list | None = None,
                            today: date | None = None, import_notes: list[str] = (), reclaim=None, history=None) -> str:
    """The same report as Markdown, without the charts (for e-mail, tickets and wikis)."""
    context = report_context(review, lang, site, files, today, import_notes, reclaim, history)
    return environment("md").get_template("profile_report.md.j2").render(context)


def report_context(review: ProfileReview, lang: str, site: str, files: list | None, today: date | None,
                   import_notes: list[str] = (), reclaim=None, history=None) -> dict:
    def t(key: str, **params: object) -> str:
        return text(lang, key, **params)

    settings = review.settings
    verdict = review.verdict
    def given(values: tuple[str, ...]) -> str:
        return ", ".join(values) or t("profile_report.not_given")

    signals = [{
        "name": t(f"{s.id}.name"), "level": s.level, "level_text": t(f"review.levels.{s.level}"),
        "value": t("profile_report.signals.no_value") if s.value is None else percent(float(s.value), lang),
        "threshold": (t("profile_report.signals.threshold", watch=cut_off(s.threshold["watch"], lang),
                        concern=cut_off(s.threshold["concern"], lang))
                      if {"watch", "concern"} <= set(s.threshold) else ""),
        "why": s.why,
    } for s in review.signals]
    settings_rows = [(t("profile_report.settings.site"), settings.domain or site or t("profile_report.not_given")),
                     (t("profile_report.settings.brand"), given(settings.brand_terms())),
                     (t("profile_report.settings.keywords"), given(settings.keywords)),
                     (t("profile_report.settings.topics"), given(settings.topics))]
    if settings.explained_bursts:
        settings_rows.append((t("profile_report.settings.explained_bursts"), given(settings.explained_bursts)))
    conditions = {"several_signals": t("profile_report.conditions.several_detail", count=len(verdict.flagged)),
                  "quality_declining": _quality(review.quality, lang),
                  "competitor_deviation": _deviation(review, lang)}
    return {
        **frame(lang, today),
        "site": site.strip() or settings.domain or t("profile_report.untitled"),
        "counts": t("ui.review.counts", links=count(review.links, lang), domains=count(review.referring_domains, lang)),
        "outcome": review.outcome,
        "outcome_text": t(f"review.outcome.{review.outcome}"),
        "outcome_explained": t(f"review.outcome_explained.{review.outcome}"),
        "conditions": [(t(f"review.conditions.{c}"), verdict.conditions[c],
                        t("review.conditions.met" if verdict.conditions[c] else "review.conditions.not_met"), detail)
                       for c, detail in conditions.items()],
        "lacks": [t(f"{x}.lacks") for x in review.lacks],
        "reassurances": [t(f"review.reassure.{x}") for x in review.reassurances],
        "signals": signals,
        "settings": settings_rows,
        "files": [_file_row(f, lang) for f in files] if files is not None else None,
        "heuristics": t("review.heuristics.note"),
        # The same sentences the page and the CLI show: what was left out, folded or not measurable.
        "notes": [*import_notes, *review.notes()],
        "reclaim": _reclaim(reclaim, lang),
        "history": _history(history, lang),
    }


def _history(periods, lang: str) -> dict | None:
    """The table of what changed per snapshot, newest first (two snapshots at least: one shows no change)."""
    if not periods or len(periods) < 2:
        return None
    from linkwijzer.present.history_charts import changes_table

    table = changes_table(periods, lang)
    return {"title": text(lang, "history.changes"), "headers": list(table.columns),
            "rows": [[str(v) for v in row] for row in table.itertuples(index=False)]}


def _reclaim(table, lang: str) -> dict | None:
    """The reclaim list's summary and its most valuable rows, when a broken-backlinks report was loaded."""
    if table is None or not len(table):
        return None
    listed = reclaim_list(table)
    rows = [(str(r.target_url), str(r.source_url), r.anchor if isinstance(r.anchor, str) else "",
             "" if r.domain_rating != r.domain_rating else count(r.domain_rating, lang)) for r in listed.head(15).itertuples()]
    return {"summary": text(lang, "ui.reclaim.title_count", links=count(len(listed), lang),
                            pages=count(listed["target_url"].nunique(), lang)), "rows": rows}


def _quality(quality: dict, lang: str) -> str:
    recent, earlier = quality.get("recent_share"), quality.get("earlier_share")
    if not quality.get("enough_data") or recent is None or earlier is None:
        return text(lang, "link_bursts.quality.too_few")
    key = "link_bursts.quality.declining" if quality.get("declining") else "link_bursts.quality.stable"
    return text(lang, key, recent=percent(recent, lang), earlier=percent(earlier, lang), months=quality["months"])


def _deviation(review: ProfileReview, lang: str) -> str:
    if not review.deviations:
        return text(lang, "profile_report.conditions.deviation_none")
    names = ", ".join(measure_label(d["measure"], lang) for d in review.deviations)
    return text(lang, "profile_report.conditions.deviation_detail", signals=names)


def _file_row(report: object, lang: str) -> tuple[str, str, str]:
    """(name, format, rows) of an importer ``FileReport`` or a dict with the same keys."""
    get = report.get if isinstance(report, dict) else lambda key: getattr(report, key, "")
    fmt = str(get("format") or "")
    label = text(lang, f"import.format.{fmt}") if fmt and has_text(lang, f"import.format.{fmt}") else fmt
    rows = get("rows")
    return str(get("name") or ""), label, count(int(rows), lang) if isinstance(rows, int) else str(rows or "")




def report_charts(review: ProfileReview, lang: str) -> list[dict]:
    """Each signal's key chart (its first, from the registry) and the follow mix, as inline SVG;
    a chart whose data is empty is left out, not drawn blank."""
    drawn = [spec.charts(review.measured[spec.id], lang)[:1] for spec in SIGNALS if spec.in_report]
    drawn = [pair for charts_of_signal in drawn for pair in charts_of_signal]
    if len(review.follow_mix):
        drawn.append(("half", charts.follow_chart(review.follow_mix, lang)))
    # On paper: one wide chart on top, the tall and half ones in two columns, other wide ones below.
    wide = [pair for pair in drawn if pair[0] == "wide"]
    drawn = wide[:1] + [p for p in drawn if p[0] == "tall"] + [p for p in drawn if p[0] == "half"] + wide[1:]
    out = []
    for number, (size, chart) in enumerate(drawn, start=1):
        if size == "wide":  # the whole chart, labels included, spans the page: long labels shrink the plot
            chart = chart.properties(width=FULL_WIDTH, autosize=alt.AutoSizeParams(type="fit", contains="padding"))
        else:
            chart = chart.properties(width=HALF_WIDTH)
        out.append({"size": size, "svg": _inline_svg(charts.to_svg(chart), number)})
    return out


def _inline_svg(svg: str, number: int) -> Markup:
    """Our renderer's SVG, made safe to inline several times in one page, as Markup.

    vl-convert writes XML with the data's text escaped; parsing it proves that no anchor or
    domain turned into an element or an attribute. Element ids (clip paths) are numbered per
    chart, because every chart starts at ``clip1`` and a page with equal ids clips the wrong one.
    """
    svg = _ID.sub(lambda m: f"{m.group(1)}chart{number}-{m.group(2)}", svg)
    root = ElementTree.fromstring(svg)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in _UNSAFE_TAGS or any(_unsafe_attribute(k, v) for k, v in element.attrib.items()):
            raise ValueError(f"the chart renderer produced an unexpected <{tag}> element; not inlined")
    return Markup(svg)


def _unsafe_attribute(name: str, value: str) -> bool:
    local = name.rsplit("}", 1)[-1].lower()
    return local.startswith("on") or (local == "href" and not value.startswith("#"))


__all__ = ["profile_report_html", "profile_report_markdown", "report_context", "report_charts"]
