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

from datetime import UTC, date
from typing import TYPE_CHECKING

from linkwijzer.i18n import text
from linkwijzer.present.documents import MarkdownText, environment, escape_markdown, frame
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import Verdict, assess, how_it_is_decided

if TYPE_CHECKING:
    from linkwijzer.store.assessments import SavedAssessment

def assessment_report_html(assessment: "Assessment | SavedAssessment", lang: str, *, today: date | None = None) -> str:
    """A printable A4 page for one assessment, with every text in ``lang``."""
    return environment("html").get_template("report.html.j2").render(_context(assessment, lang, today))


def assessment_report_markdown(assessment: "Assessment | SavedAssessment", lang: str, *, today: date | None = None) -> str:
    return environment("md").get_template("report.md.j2").render(_context(assessment, lang, today))


def comparison_report_html(saved: list["SavedAssessment"], lang: str, *, today: date | None = None) -> str:
    """The workshop table: several saved assessments, one row each, with their verdicts."""
    return environment("html").get_template("comparison.html.j2").render(_comparison(saved, lang, today))


def comparison_report_markdown(saved: list["SavedAssessment"], lang: str, *, today: date | None = None) -> str:
    return environment("md").get_template("comparison.md.j2").render(_comparison(saved, lang, today))


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
        **frame(lang, today),
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
    return {**frame(lang, today), "rows": rows,
            "intro": text(lang, "report.comparison.intro", count=len(rows))}


__all__ = ["MarkdownText", "escape_markdown", "main_reason", "assessment_report_html", "assessment_report_markdown",
           "comparison_report_html", "comparison_report_markdown"]
