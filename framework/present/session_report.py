"""The workshop's session report: the prospects side by side and the profile review in one printable document.

Part 1 shows every prospect judged in the session, part 2 the profile review (the same content as
the profile report, charts included), and a closing block turns both into next steps. Every
text is in the chosen language; everything the user typed (title, site, labels, notes, URLs,
anchors) is escaped by the report environments of ``linkwijzer.present.assessment_report``.

>>> from linkwijzer.questionnaire.examples import EXAMPLES
>>> md = session_report_markdown([Prospect("Nieuwsblad", "", EXAMPLES["local_news"])], None, "en",
...                              site="fietsenvandijk.nl", today=date(2026, 3, 14))
>>> md.splitlines()[0]
'# Workshop fietsenvandijk.nl'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from linkwijzer.i18n import text
from linkwijzer.profile.outputs import report as profile_report
from linkwijzer.profile.review.run import ProfileReview
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import assess
from linkwijzer.present.documents import environment, frame

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The next steps group prospects by what to do with them. "Insufficient" is a skip for now,
# but its next step differs from a weak link's: find out more and judge again, not leave it.
GROUPS = ("pursue", "accept", "find_out", "skip")
# What a profile lacks and the prospect trait that supplies it: a prospect answered "yes" on the
# trait brings exactly what the lack describes (the lacks texts and the trait questions are the
# same idea seen from the profile and from one link). Steady growth has no single-link trait.
LACK_TRAITS = {"irrelevant_sources": "relevance", "boilerplate_placement": "context",
               "keyword_anchors": "naturalness", "repeated_sources": "contribution"}


@dataclass(frozen=True)
class Prospect:
    """A link judged in this session but not saved; a ``SavedAssessment`` has the same three fields."""

    label: str
    note: str
    assessment: Assessment


def session_report_html(prospects: list, review: ProfileReview | None, lang: str, *, title: str = "",
                        site: str = "", files: list | None = None, today: date | None = None) -> str:
    """The session as a printable A4 document: cover, prospects, profile review, next steps.

    ``prospects`` holds objects with ``label``, ``note`` and ``assessment`` (``Prospect`` or
    ``SavedAssessment``); a bare ``Assessment`` works too. ``files`` are the profile's imported
    files, as for the profile report.
    """
    context = _context(prospects, review, lang, title, site, files, today)
    if review is not None:
        context["profile"]["charts"] = profile_report.report_charts(review, lang)
    return environment("html").get_template("session_report.html.j2").render(context)


def session_report_markdown(prospects: list, review: ProfileReview | None, lang: str, *, title: str = "",
                            site: str = "", files: list | None = None, today: date | None = None) -> str:
    """The same document as Markdown, without the charts (for e-mail, tickets and wikis)."""
    context = _context(prospects, review, lang, title, site, files, today)
    return environment("md").get_template("session_report.md.j2").render(context)


def _context(prospects: list, review: ProfileReview | None, lang: str, title: str, site: str,
             files: list | None, today: date | None) -> dict:
    def t(key: str, **params: object) -> str:
        return text(lang, key, **params)

    today = today or date.today()
    site = site.strip() or (review.settings.domain if review is not None else "")
    rows = [_prospect(item, number, lang) for number, item in enumerate(prospects, start=1)]
    profile = profile_report.report_context(review, lang, site, files, today) if review is not None else None
    return {
        **frame(lang, today),
        "title": title.strip() or (t("session_report.default_title", site=site) if site
                                   else t("session_report.default_title_no_site")),
        "cover": [(t("session_report.cover.date"), _long_date(today, lang)),
                  (t("session_report.cover.language"), t("session_report.cover.language_name"))]
                 + ([(t("session_report.cover.site"), site)] if site else []),
        "contents": [t("session_report.cover.prospects", count=len(rows)),
                     t("session_report.cover.profile", site=profile["site"]) if profile
                     else t("session_report.cover.no_profile"),
                     t("session_report.next.title")],
        "prospects": rows,
        "profile": profile,
        "next_prospects": _next_prospects(rows, lang),
        "next_profile": _next_profile(review, rows, lang),
    }


def _prospect(item: object, number: int, lang: str) -> dict:
    """One prospect's row and compact block; the label and note of the item win over its assessment's."""
    assessment = item if isinstance(item, Assessment) else item.assessment
    label = (getattr(item, "label", "") or assessment.label).strip()
    note = (getattr(item, "note", "") or assessment.note).strip()
    answers = assessment.answers
    verdict = assess(answers, lang)

    def t(key: str, **params: object) -> str:
        return text(lang, key, **params)

    rules = load_rules()
    if not verdict.quick_answered:
        quick = t("report.quick.unanswered")
    else:
        quick = t("report.quick.passed" if verdict.quick_passed else "report.quick.failed", yes=verdict.quick_yes)
    return {
        "number": number,
        "label": label or t("session_report.prospects.untitled", number=number),
        "note": note,
        # The linking page is in the side-by-side table; the block adds where the link would point.
        "link": [(t(f"report.link.{key}"), value or t("report.not_given"), bool(value))
                 for key, value in (("target", assessment.target_url), ("anchor", assessment.anchor))],
        "source": assessment.source_url or t("report.not_given"),
        "outcome": verdict.outcome,
        "outcome_text": t(f"questionnaire.outcomes.{verdict.outcome}"),
        "decision": verdict.decision,
        "decision_text": t(f"questionnaire.decisions.{verdict.decision}"),
        "reason": verdict.rule_reason,
        "quick": quick,
        "traits": [(t(f"questionnaire.traits.{trait}.name"), t(f"questionnaire.answers.{answers.trait(trait)}"),
                    answers.trait(trait)) for trait in rules.traits],
        "trait_ids": {trait: answers.trait(trait) for trait in rules.traits},
        "boosters": [t(f"questionnaire.boosters.{b}") for b in rules.boosters if b in answers.boosters],
        "reassurances": [t(f"questionnaire.reassurances.{r}") for r in verdict.reassurances],
        "pattern_note": verdict.pattern_note or "",
        "group": "find_out" if verdict.outcome == "insufficient" else verdict.decision,
    }


def _next_prospects(rows: list[dict], lang: str) -> list[dict]:
    """The prospects per next step, in the order of the session; groups without prospects are left out."""
    return [{"what": text(lang, f"session_report.next.{group}"),
             "labels": [row["label"] for row in rows if row["group"] == group]}
            for group in GROUPS if any(row["group"] == group for row in rows)]


def _next_profile(review: ProfileReview | None, rows: list[dict], lang: str) -> dict:
    """What the profile lacks, each with the session's prospects (to pursue or accept) that supply it."""
    if review is None:
        return {"intro": text(lang, "session_report.next.no_profile"), "lacks": []}
    if not review.lacks:
        return {"intro": text(lang, "session_report.next.lacks_none"), "lacks": []}
    useful = [row for row in rows if row["group"] in ("pursue", "accept")]
    lacks = []
    for lack in review.lacks:
        trait = LACK_TRAITS.get(lack)
        labels = [row["label"] for row in useful if trait and row["trait_ids"][trait] == "yes"]
        lacks.append({"what": text(lang, f"{lack}.lacks"),
                      "brought_by": text(lang, "session_report.next.brought_by", labels=", ".join(labels))
                      if labels else ""})
    return {"intro": text(lang, "session_report.next.lacks"), "lacks": lacks}


def _long_date(day: date, lang: str) -> str:
    """A date as people write it on a cover ("14 maart 2026"); both languages put the day first."""
    return f"{day.day} {text(lang, f'session_report.months.{MONTHS[day.month - 1]}')} {day.year}"


__all__ = ["Prospect", "session_report_html", "session_report_markdown"]
