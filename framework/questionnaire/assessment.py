"""One assessed link: what the user typed about it plus their answers, and its URL form.

The URL holds the whole state (``?lang=en&quick=yes,yes,no&relevance=yes&boosters=traffic``)
so a shared link reproduces the assessment exactly. The same ids are used in the CLI and JSON.

>>> a = Assessment(answers=Answers(quick=("yes", None, "no"), traits={"context": "partly"}))
>>> to_params(a)
{'quick': 'yes,-,no', 'context': 'partly'}
>>> from_params(to_params(a)).assessment == a
True
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import Answers

TEXT_FIELDS = {"source_url": "source", "target_url": "target", "anchor": "anchor"}
MAX_TEXT = 2000  # a URL or anchor longer than this is not a real one; keeps shared links sane
UNANSWERED = "-"


@dataclass(frozen=True)
class Assessment:
    answers: Answers = field(default_factory=Answers)
    source_url: str = ""
    """The linking page."""
    target_url: str = ""
    anchor: str = ""
    label: str = ""
    note: str = ""

    def with_answers(self, **changes) -> "Assessment":
        return replace(self, answers=replace(self.answers, **changes))


@dataclass(frozen=True)
class ParsedParams:
    assessment: Assessment
    ignored: tuple[str, ...]
    """Query parameters that were present but not valid (dropped, never guessed)."""


def to_params(assessment: Assessment) -> dict[str, str]:
    """The assessment as query parameters; empty values are left out to keep links short."""
    rules = load_rules()
    answers = assessment.answers
    params: dict[str, str] = {}
    if any(answers.quick):
        params["quick"] = ",".join(a or UNANSWERED for a in answers.quick)
    for trait in rules.traits:
        if answers.trait(trait) != "unknown":
            params[trait] = answers.trait(trait)
    if answers.boosters:
        params["boosters"] = ",".join(b for b in rules.boosters if b in answers.boosters)
    if answers.facts:
        params["facts"] = ",".join(f for f in rules.facts if f in answers.facts)
    for attr, key in TEXT_FIELDS.items():
        if getattr(assessment, attr):
            params[key] = getattr(assessment, attr)
    return params


def from_params(params: Mapping[str, str]) -> ParsedParams:
    """Read an assessment back from query parameters; invalid entries are listed, not applied."""
    rules = load_rules()
    ignored: list[str] = []
    quick: list[str | None] = [None] * len(rules.quick_questions)
    raw_quick = params.get("quick")
    if raw_quick:
        parts = raw_quick.split(",")
        if len(parts) == len(quick) and all(p in rules.quick_answers or p == UNANSWERED for p in parts):
            quick = [None if p == UNANSWERED else p for p in parts]
        else:
            ignored.append("quick")
    traits = {}
    for trait in rules.traits:
        value = params.get(trait)
        if value in rules.answers:
            traits[trait] = value
        elif value:
            ignored.append(trait)
    boosters, bad_boosters = _id_list(params.get("boosters"), rules.boosters)
    facts, bad_facts = _id_list(params.get("facts"), rules.facts)
    ignored += ["boosters"] * bad_boosters + ["facts"] * bad_facts
    texts = {attr: (params.get(key) or "")[:MAX_TEXT] for attr, key in TEXT_FIELDS.items()}
    answers = Answers(quick=tuple(quick), traits=traits, boosters=boosters, facts=facts)
    return ParsedParams(Assessment(answers=answers, **texts), tuple(dict.fromkeys(ignored)))


def _id_list(raw: str | None, allowed: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    items = [x for x in (raw or "").split(",") if x]
    good = frozenset(x for x in items if x in allowed)
    return good, len(good) != len(set(items))
