"""The questionnaire's ids and scoring rules, loaded from ``rules.toml`` and validated at start."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from linkwijzer.datafiles import DataFileError, load_toml
from linkwijzer.i18n import LANGUAGES, has_text

RULES_PATH = Path(__file__).with_name("rules.toml")

OUTCOMES = ("good", "neutral", "weak", "insufficient")
DECISIONS = ("pursue", "accept", "skip")


@dataclass(frozen=True)
class Condition:
    """One clause of a reassurance: all clauses of a reassurance must hold."""

    fact: str | None = None
    trait: str | None = None
    answers: tuple[str, ...] = ()
    max_patterns: int | None = None


@dataclass(frozen=True)
class Rules:
    quick_questions: tuple[str, ...]
    quick_answers: tuple[str, ...]
    quick_pass_at: int
    traits: tuple[str, ...]
    answers: tuple[str, ...]
    points: dict[str, int]
    insufficient_unknown_at: int
    weak_if_no: tuple[str, ...]
    weak_min_no: int
    weak_below_share: float
    good_min_yes: int
    decision: dict[str, str]
    boosters: tuple[str, ...]
    boosters_min_to_lift: int
    boosters_lift_outcomes: tuple[str, ...]
    boosters_lifted_decision: str
    pattern_note_at: int
    pattern_features: dict[str, tuple[str, tuple[str, ...]]]
    facts: tuple[str, ...]
    reassurances: dict[str, tuple[Condition, ...]]


@cache
def load_rules(path: Path = RULES_PATH) -> Rules:
    """Read and check the rules file; a wrong entry raises DataFileError naming file and key."""
    data = load_toml(path)
    get = _Getter(path, data)
    traits = get.ids("traits.order")
    answers = get.ids("traits.answers")
    facts = get.ids("facts.ids")
    points = get.table("traits.points")
    for answer in points:
        get.one_of(f"traits.points.{answer}", answer, answers)
    features = {}
    for fid, spec in get.table("patterns.features").items():
        key = f"patterns.features.{fid}"
        trait = get.one_of(f"{key}.trait", spec.get("trait"), traits)
        features[fid] = (trait, tuple(get.one_of(f"{key}.answers", a, answers) for a in spec.get("answers", ())))
    reassurances = {}
    for rid, spec in get.table("reassurances").items():
        clauses = []
        for i, clause in enumerate(spec.get("when") or get.fail(f"reassurances.{rid}.when", "needs at least one condition")):
            key = f"reassurances.{rid}.when[{i}]"
            clauses.append(Condition(
                fact=get.one_of(f"{key}.fact", clause["fact"], facts) if "fact" in clause else None,
                trait=get.one_of(f"{key}.trait", clause["trait"], traits) if "trait" in clause else None,
                answers=tuple(get.one_of(f"{key}.answers", a, answers) for a in clause.get("answers", ())),
                max_patterns=clause.get("max_patterns"),
            ))
        reassurances[rid] = tuple(clauses)
    decision = {o: get.one_of(f"decision.{o}", get.value(f"decision.{o}"), DECISIONS) for o in OUTCOMES}
    rules = Rules(
        quick_questions=get.ids("quick_test.questions"),
        quick_answers=get.ids("quick_test.answers"),
        quick_pass_at=get.number("quick_test.pass_at", int),
        traits=traits,
        answers=answers,
        points={k: int(v) for k, v in points.items()},
        insufficient_unknown_at=get.number("outcome.insufficient_unknown_at", int),
        weak_if_no=tuple(get.one_of("outcome.weak_if_no", t, traits) for t in get.value("outcome.weak_if_no")),
        weak_min_no=get.number("outcome.weak_min_no", int),
        weak_below_share=get.number("outcome.weak_below_share", float),
        good_min_yes=get.number("outcome.good_min_yes", int),
        decision=decision,
        boosters=get.ids("boosters.ids"),
        boosters_min_to_lift=get.number("boosters.min_to_lift", int),
        boosters_lift_outcomes=tuple(get.one_of("boosters.lift_outcomes", o, OUTCOMES) for o in get.value("boosters.lift_outcomes")),
        boosters_lifted_decision=get.one_of("boosters.lifted_decision", get.value("boosters.lifted_decision"), DECISIONS),
        pattern_note_at=get.number("patterns.note_at", int),
        pattern_features=features,
        facts=facts,
        reassurances=reassurances,
    )
    _check_texts(rules, path)
    return rules


def _check_texts(rules: Rules, path: Path) -> None:
    """Every id needs its text in every language, so a new rule cannot ship half-translated."""
    needed = [f"questionnaire.quick.questions.{q}" for q in rules.quick_questions]
    needed += [f"questionnaire.answers.{a}" for a in rules.answers]
    for trait in rules.traits:
        needed += [f"questionnaire.traits.{trait}.{k}" for k in ("name", "question", "help")]
        needed += [f"questionnaire.traits.{trait}.example_{a}" for a in rules.answers]
        needed += [f"questionnaire.reasons.trait.{trait}.{a}" for a in rules.points]
    needed += [f"questionnaire.boosters.{b}" for b in rules.boosters]
    needed += [f"questionnaire.facts.{f}" for f in rules.facts]
    needed += [f"questionnaire.patterns.{p}" for p in rules.pattern_features]
    needed += [f"questionnaire.reassurances.{r}" for r in rules.reassurances]
    needed += [f"questionnaire.outcomes.{o}" for o in OUTCOMES]
    needed += [f"questionnaire.decisions.{d}" for d in DECISIONS]
    for lang in LANGUAGES:
        for key in needed:
            if not has_text(lang, key):
                raise DataFileError(f"framework/locales/{lang}/questionnaire.toml", key.split(".", 1)[1],
                                    f"missing text (needed by {path.name})")


class _Getter:
    """Reads dotted keys from the parsed TOML and raises errors that name the key."""

    def __init__(self, path: Path, data: dict) -> None:
        self.path, self.data = path, data

    def fail(self, key: str, problem: str):
        raise DataFileError(self.path, key, problem)

    def value(self, key: str):
        node = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                self.fail(key, "missing")
            node = node[part]
        return node

    def table(self, key: str) -> dict:
        node = self.value(key)
        return node if isinstance(node, dict) else self.fail(key, "must be a table")

    def ids(self, key: str) -> tuple[str, ...]:
        node = self.value(key)
        if not isinstance(node, list) or not node or not all(isinstance(x, str) and x for x in node):
            self.fail(key, "must be a non-empty list of ids")
        if len(set(node)) != len(node):
            self.fail(key, "has duplicate ids")
        return tuple(node)

    def number(self, key: str, kind: type):
        node = self.value(key)
        if isinstance(node, bool) or not isinstance(node, (int, float)) or node < 0:
            self.fail(key, f"must be a non-negative number, not {node!r}")
        return kind(node)

    def one_of(self, key: str, value, allowed) -> str:
        if value not in allowed:
            self.fail(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value
