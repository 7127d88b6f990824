"""The verdict engine: answers to the one-minute test and the five traits in, a reasoned verdict out.

>>> answers = Answers(quick=("yes", "yes", "no"), traits={"relevance": "yes", "context": "yes",
...                   "origin": "yes", "naturalness": "partly", "contribution": "partly"})
>>> v = assess(answers, "en")
>>> v.outcome, v.decision
('good', 'pursue')
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linkwijzer.i18n import text
from linkwijzer.questionnaire.rules import Rules, load_rules


@dataclass(frozen=True)
class Answers:
    """What the user said about one link. Missing traits count as "unknown"."""

    quick: tuple[str | None, ...] = (None, None, None)
    traits: dict[str, str] = field(default_factory=dict)
    boosters: frozenset[str] = frozenset()
    facts: frozenset[str] = frozenset()

    def trait(self, trait_id: str) -> str:
        return self.traits.get(trait_id) or "unknown"


@dataclass(frozen=True)
class Verdict:
    lang: str
    quick_yes: int
    """How many of the three quick questions were answered "yes"."""
    quick_answered: int
    quick_passed: bool
    outcome: str
    decision: str
    rule: str
    """Id of the rule that decided the outcome (see rules.toml), for "how is this decided?"."""
    rule_reason: str
    """The sentence for ``rule``: the main reason, also used in comparison tables."""
    reasons: tuple[str, ...]
    pattern_features: tuple[str, ...]
    reassurances: tuple[str, ...]
    boosters_lifted: bool

    @property
    def pattern_note(self) -> str | None:
        if len(self.pattern_features) < load_rules().pattern_note_at:
            return None
        names = ", ".join(text(self.lang, f"questionnaire.patterns.{p}") for p in self.pattern_features)
        return text(self.lang, "questionnaire.patterns.note", features=names)

    def to_json(self) -> dict:
        """The CLI's JSON shape; ids are stable, texts are in ``lang``."""
        return {
            "quick_test": {"yes": self.quick_yes, "passed": self.quick_passed},
            "outcome": self.outcome,
            "decision": self.decision,
            "reasons": list(self.reasons),
            "pattern_features": list(self.pattern_features),
            "reassurances": list(self.reassurances),
            "rule": self.rule,
            "lang": self.lang,
            "texts": {
                "outcome": text(self.lang, f"questionnaire.outcomes.{self.outcome}"),
                "decision": text(self.lang, f"questionnaire.decisions.{self.decision}"),
                "pattern_note": self.pattern_note,
                "pattern_features": {p: text(self.lang, f"questionnaire.patterns.{p}") for p in self.pattern_features},
                "reassurances": {r: text(self.lang, f"questionnaire.reassurances.{r}") for r in self.reassurances},
            },
        }


def validate(answers: Answers, rules: Rules | None = None) -> list[str]:
    """Problems with the ids in ``answers`` (empty when all is well), in plain English for the CLI."""
    rules = rules or load_rules()
    problems = []
    if len(answers.quick) != len(rules.quick_questions):
        problems.append(f"the one-minute test has {len(rules.quick_questions)} answers, got {len(answers.quick)}")
    problems += [f"quick-test answer {a!r} is not one of {', '.join(rules.quick_answers)}"
                 for a in answers.quick if a is not None and a not in rules.quick_answers]
    problems += [f"unknown trait {t!r} (use {', '.join(rules.traits)})" for t in answers.traits if t not in rules.traits]
    problems += [f"answer {a!r} for {t} is not one of {', '.join(rules.answers)}"
                 for t, a in answers.traits.items() if a not in rules.answers]
    problems += [f"unknown booster {b!r} (use {', '.join(rules.boosters)})" for b in sorted(answers.boosters - set(rules.boosters))]
    problems += [f"unknown fact {f!r} (use {', '.join(rules.facts)})" for f in sorted(answers.facts - set(rules.facts))]
    return problems


def assess(answers: Answers, lang: str = "nl", rules: Rules | None = None) -> Verdict:
    """Apply the rules of ``rules.toml`` (documented there) to ``answers``."""
    rules = rules or load_rules()
    problems = validate(answers, rules)
    if problems:
        raise ValueError("; ".join(problems))
    quick_yes = sum(a == "yes" for a in answers.quick)
    quick_answered = sum(a is not None for a in answers.quick)
    quick_passed = quick_yes >= rules.quick_pass_at
    by_answer = {a: [t for t in rules.traits if answers.trait(t) == a] for a in rules.answers}
    outcome, rule, params = _outcome(answers, rules, by_answer, quick_passed, quick_answered, lang)
    decision = rules.decision[outcome]
    boosters = [b for b in rules.boosters if b in answers.boosters]
    lifted = outcome in rules.boosters_lift_outcomes and len(boosters) >= rules.boosters_min_to_lift
    if lifted:
        decision = rules.boosters_lifted_decision
    patterns = tuple(p for p, (trait, hits) in rules.pattern_features.items() if answers.trait(trait) in hits)
    reassurances = tuple(r for r, clauses in rules.reassurances.items()
                         if all(_holds(c, answers, len(patterns)) for c in clauses))

    reasons = []
    if quick_answered:
        reasons.append(text(lang, "questionnaire.reasons.quick_passed" if quick_passed
                            else "questionnaire.reasons.quick_failed", yes=quick_yes))
    rule_reason = text(lang, f"questionnaire.reasons.rule.{rule}", **params)
    reasons.append(rule_reason)
    reasons += [text(lang, f"questionnaire.reasons.trait.{t}.{answers.trait(t)}")
                for t in rules.traits if answers.trait(t) in rules.points]
    unknown = by_answer.get("unknown", [])
    if unknown and rule not in ("too_many_unknown", "quick_only"):
        reasons.append(text(lang, "questionnaire.reasons.unknown_traits", traits=_names(unknown, lang)))
    if boosters:
        names = ", ".join(text(lang, f"questionnaire.boosters.{b}") for b in boosters)
        key = "booster_lift" if lifted else "booster_good" if outcome == "good" else "booster_no_lift"
        reasons.append(text(lang, f"questionnaire.reasons.{key}", boosters=names))
    return Verdict(lang=lang, quick_yes=quick_yes, quick_answered=quick_answered, quick_passed=quick_passed,
                   outcome=outcome, decision=decision, rule=rule, rule_reason=rule_reason, reasons=tuple(reasons),
                   pattern_features=patterns, reassurances=reassurances, boosters_lifted=lifted)


def how_it_is_decided(lang: str, rules: Rules | None = None) -> str:
    """The rules in plain words, with the thresholds of the current rules file filled in."""
    rules = rules or load_rules()
    return text(lang, "questionnaire.how.body", unknown_at=rules.insufficient_unknown_at,
                weak_min_no=rules.weak_min_no, weak_share=round(rules.weak_below_share * 100),
                good_min_yes=rules.good_min_yes)


def _outcome(answers: Answers, rules: Rules, by_answer: dict[str, list[str]], quick_passed: bool,
             quick_answered: int, lang: str) -> tuple[str, str, dict]:
    unknown, no, yes = by_answer.get("unknown", []), by_answer.get("no", []), by_answer.get("yes", [])
    if any(t in no for t in rules.weak_if_no):
        return "weak", "no_relevance", {}
    if len(no) >= rules.weak_min_no:
        return "weak", "several_no", {"no": len(no), "traits": _names(no, lang)}
    if len(unknown) >= rules.insufficient_unknown_at:
        if quick_passed:
            return "neutral", "quick_only", {}
        return "insufficient", "too_many_unknown", {"unknown": len(unknown)}
    answered = [answers.trait(t) for t in rules.traits if answers.trait(t) in rules.points]
    top = max(rules.points.values()) * len(answered)
    if top and sum(rules.points[a] for a in answered) / top < rules.weak_below_share:
        return "weak", "low_share", {}
    if len(yes) >= rules.good_min_yes and not no:
        if quick_answered and not quick_passed:
            return "neutral", "quick_test_cap", {}
        return "good", "most_present", {"yes": len(yes)}
    return "neutral", "mixed", {}


def _holds(clause, answers: Answers, pattern_count: int) -> bool:
    if clause.fact is not None and clause.fact not in answers.facts:
        return False
    if clause.trait is not None and answers.trait(clause.trait) not in clause.answers:
        return False
    return clause.max_patterns is None or pattern_count <= clause.max_patterns


def _names(traits: list[str], lang: str) -> str:
    return ", ".join(text(lang, f"questionnaire.traits.{t}.name") for t in traits)
