"""One-page reports of an assessment, and a side-by-side comparison, as printable HTML and Markdown.

Everything the user typed (label, note, URLs, anchor) is escaped for the output format:
HTML templates autoescape, and the Markdown environment escapes every value unless it is a
trusted locale text marked ``MarkdownText``. URLs are shown as text, never as links, so a
``javascript:`` URL cannot become clickable.

>>> from linkwijzer.questionnaire.verdict import Answers
>>> md = assessment_report_markdown(Assessment(answers=Answers(quick=("yes", "yes", "no")),
...                                            label="*Fietsblog*"), "en")
>>> md.splitlines()[0]
'# \\\\*Fietsblog\\\\*'
"""

from __future__ import annotations

import re
from datetime import UTC, date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from linkwijzer.i18n import text
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import Verdict, assess, how_it_is_decided

if TYPE_CHECKING:
    from linkwijzer.store.assessments import SavedAssessment

TEMPLATES = Path(__file__).with_name("templates")


class MarkdownText(str):
    """Text that is already Markdown (from our own locale files) and must not be escaped."""


def escape_markdown(value: object) -> str:
    """User text made inert in Markdown: it renders as the same characters, never as markup.

    >>> escape_markdown("# 1. <b>[x](y)</b> *a_b*")
    '\\\\# 1. \\\\<b\\\\>\\\\[x\\\\](y)\\\\</b\\\\> \\\\*a\\\\_b\\\\*'
    """
    if isinstance(value, MarkdownText):
        return value
    lines = []
    for line in str(value).splitlines() or [""]:
        # Leading spaces are dropped because four of them would start a code block.
        line = _MD_INLINE.sub(r"\\\1", line.strip())
        line = _MD_LINE_START.sub(r"\1\\\2", line)
        lines.append(line)
    # Two trailing spaces keep the user's line breaks as line breaks once rendered.
    return "  \n".join(lines)


# Characters that are markup anywhere in a line. ( ) ! only form links after [ ], which are escaped.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# Markup only at the start of a line: headings, list items, setext underlines, ordered lists.
_MD_LINE_START = re.compile(r"^(\d*)([#+\-=]|(?<=\d)[.)])")


def assessment_report_html(assessment: "Assessment | SavedAssessment", lang: str, *, today: date | None = None) -> str:
    """A printable A4 page for one assessment, with every text in ``lang``."""
    return _environment("html").get_template("report.html.j2").render(_context(assessment, lang, today))


def assessment_report_markdown(assessment: "Assessment | SavedAssessment", lang: str, *, today: date | None = None) -> str:
    return _environment("md").get_template("report.md.j2").render(_context(assessment, lang, today))


def comparison_report_html(saved: list["SavedAssessment"], lang: str, *, today: date | None = None) -> str:
    """The workshop table: several saved assessments, one row each, with their verdicts."""
    return _environment("html").get_template("comparison.html.j2").render(_comparison(saved, lang, today))


def comparison_report_markdown(saved: list["SavedAssessment"], lang: str, *, today: date | None = None) -> str:
    return _environment("md").get_template("comparison.md.j2").render(_comparison(saved, lang, today))


def main_reason(verdict: Verdict) -> str:
    """The sentence of the rule that decided the outcome."""
    return verdict.rule_reason


def _context(item: "Assessment | SavedAssessment", lang: str, today: date | None) -> dict:
    assessment, saved_at = (item, None) if isinstance(item, Assessment) else (item.assessment, item.created)
    rules = load_rules()
    answers = assessment.answers
    verdict = assess(answers, lang)

    def t(key: str, **params: object) -> str:
        return text(lang, key, **params)

    if not verdict.quick_answered:
        quick_result = t("report.quick.unanswered")
    else:
        quick_result = t("report.quick.passed" if verdict.quick_passed else "report.quick.failed", yes=verdict.quick_yes)
    return {
        **_frame(lang, today),
        "label": assessment.label.strip() or t("report.untitled"),
        "note": assessment.note.strip(),
        "saved_on": t("report.saved_on", date=saved_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")) if saved_at else "",
        "link": [(t(f"report.link.{key}"), value or t("report.not_given"), bool(value))
                 for key, value in (("source", assessment.source_url), ("target", assessment.target_url),
                                    ("anchor", assessment.anchor))],
        "outcome": verdict.outcome,
        "outcome_text": t(f"questionnaire.outcomes.{verdict.outcome}"),
        "outcome_explained": t(f"questionnaire.outcome_explained.{verdict.outcome}"),
        "decision_text": t(f"questionnaire.decisions.{verdict.decision}"),
        "decision_explained": t(f"questionnaire.decision_explained.{verdict.decision}"),
        "reasons": list(verdict.reasons),
        "quick": [(t(f"questionnaire.quick.questions.{q}"),
                   t(f"questionnaire.answers.{a}") if a else t("report.not_answered"))
                  for q, a in zip(rules.quick_questions, answers.quick)],
        "quick_result": quick_result,
        "traits": [(t(f"questionnaire.traits.{trait}.name"), t(f"questionnaire.traits.{trait}.question"),
                    t(f"questionnaire.answers.{answers.trait(trait)}"), answers.trait(trait))
                   for trait in rules.traits],
        "boosters": [t(f"questionnaire.boosters.{b}") for b in rules.boosters if b in answers.boosters],
        "facts": [t(f"questionnaire.facts.{f}") for f in rules.facts if f in answers.facts],
        "reassurances": [t(f"questionnaire.reassurances.{r}") for r in verdict.reassurances],
        "pattern_note": verdict.pattern_note or "",
        "how_title": t("questionnaire.how.title"),
        "how": MarkdownText(how_it_is_decided(lang).strip()),
    }


def _comparison(saved: list["SavedAssessment"], lang: str, today: date | None) -> dict:
    if not saved:
        raise ValueError("choose at least one saved assessment to compare")
    rows = []
    for item in saved:
        verdict = item.verdict(lang)
        rows.append({
            "label": item.label,
            "source": item.assessment.source_url or text(lang, "report.not_given"),
            "quick": (text(lang, "report.comparison.quick_value", yes=verdict.quick_yes)
                      if verdict.quick_answered else text(lang, "report.not_answered")),
            "outcome": verdict.outcome,
            "outcome_text": text(lang, f"questionnaire.outcomes.{verdict.outcome}"),
            "decision_text": text(lang, f"questionnaire.decisions.{verdict.decision}"),
            "reason": main_reason(verdict),
        })
    return {**_frame(lang, today), "rows": rows,
            "intro": text(lang, "report.comparison.intro", count=len(rows))}


def _frame(lang: str, today: date | None) -> dict:
    """What every report shares: the language, a text lookup and the footer."""
    return {
        "lang": lang,
        "t": lambda key, **params: text(lang, key, **params),
        "generated": text(lang, "report.generated", date=(today or date.today()).isoformat()),
        "no_scores": text(lang, "report.no_scores"),
    }


@cache
def _environment(kind: str) -> Environment:
    if kind == "html":
        env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
        env.filters["markdown"] = _trusted_markdown_html
    else:
        # finalize runs on every {{ value }}: escaping there means a template cannot forget it.
        env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined,
                          finalize=escape_markdown, keep_trailing_newline=True, trim_blocks=True)
        env.filters["oneline"] = lambda value: " ".join(str(value).split())
    return env


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")
_CODE = re.compile(r"`(.+?)`")
_NUMBERED = re.compile(r"^\d+\.\s+")


def _trusted_markdown_html(source: str) -> Markup:
    """The small Markdown of our own locale texts (numbered lists, bold, italic, code) as HTML.

    The text is HTML-escaped before any tag is added, so even a locale file cannot inject HTML.
    """
    def inline(line: str) -> str:
        line = _CODE.sub(r"<code>\1</code>", str(escape(line)))
        return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", line))

    blocks = []
    for block in re.split(r"\n\s*\n", str(source).strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(_NUMBERED.match(line) for line in lines):
            items = "".join(f"<li>{inline(_NUMBERED.sub('', line))}</li>" for line in lines)
            blocks.append(f"<ol>{items}</ol>")
        elif lines:
            blocks.append("<p>" + "<br>".join(inline(line) for line in lines) + "</p>")
    return Markup("\n".join(blocks))


__all__ = ["MarkdownText", "escape_markdown", "main_reason", "assessment_report_html", "assessment_report_markdown",
           "comparison_report_html", "comparison_report_markdown"]
