"""Every branch of the verdict engine, table-driven, on the real rules file."""

import pytest

from linkwijzer.i18n import LANGUAGES, text
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import Answers, assess, how_it_is_decided, validate

Y, P, N, U = "yes", "partly", "no", "unknown"
TRAITS = ("relevance", "context", "origin", "naturalness", "contribution")


def answers(quick="", traits=(), boosters=(), facts=()):
    quick_answers = tuple({"y": "yes", "n": "no", "-": None}[c] for c in quick) if quick else (None,) * 3
    return Answers(quick=quick_answers, traits=dict(zip(TRAITS, traits)),
                   boosters=frozenset(boosters), facts=frozenset(facts))


CASES = [
    # id, answers, outcome, decision, rule
    ("nothing answered", answers(), "insufficient", "skip", "too_many_unknown"),
    ("quick failed, traits unknown", answers("ynn"), "insufficient", "skip", "too_many_unknown"),
    ("quick passed, traits unknown", answers("yyn"), "neutral", "accept", "quick_only"),
    ("quick passed + booster, unknown traits", answers("yyn", boosters=["traffic"]), "neutral", "pursue", "quick_only"),
    ("three unknown is insufficient", answers("", (Y, Y, U, U, U)), "insufficient", "skip", "too_many_unknown"),
    ("relevance no decides despite unknowns", answers("", (N, U, U, U, U)), "weak", "skip", "no_relevance"),
    ("two no decide despite unknowns", answers("yyy", (U, N, N, U, U)), "weak", "skip", "several_no"),
    ("two unknown still judged", answers("", (Y, Y, Y, U, U)), "good", "pursue", "most_present"),
    ("all yes", answers("yyy", (Y, Y, Y, Y, Y)), "good", "pursue", "most_present"),
    ("three yes two partly", answers("yyy", (Y, Y, Y, P, P)), "good", "pursue", "most_present"),
    ("a single no blocks good", answers("yyy", (Y, Y, Y, Y, N)), "neutral", "accept", "mixed"),
    ("relevance no is weak", answers("yyy", (N, Y, Y, Y, Y)), "weak", "skip", "no_relevance"),
    ("two no is weak", answers("yyy", (Y, N, N, Y, Y)), "weak", "skip", "several_no"),
    ("low share is weak", answers("", (P, N, P, U, U)), "weak", "skip", "low_share"),
    ("exactly 40 percent is not weak", answers("", (P, P, N, P, P)), "neutral", "accept", "mixed"),
    ("mostly partly is neutral", answers("yny", (P, P, P, P, P)), "neutral", "accept", "mixed"),
    ("good capped by failed quick test", answers("nny", (Y, Y, Y, Y, Y)), "neutral", "accept", "quick_test_cap"),
    ("cap does not apply when quick unanswered", answers("", (Y, Y, Y, P, P)), "good", "pursue", "most_present"),
    ("partly answered quick failing caps", answers("n--", (Y, Y, Y, Y, Y)), "neutral", "accept", "quick_test_cap"),
    ("booster lifts neutral", answers("yny", (P, P, P, P, P), boosters=["intent"]), "neutral", "pursue", "mixed"),
    ("booster does not lift weak", answers("nnn", (N, N, N, N, N), boosters=["traffic"]), "weak", "skip", "no_relevance"),
    ("booster on good stays pursue", answers("yyy", (Y, Y, Y, Y, Y), boosters=["combination"]), "good", "pursue", "most_present"),
]


@pytest.mark.parametrize("case_id,given,outcome,decision,rule", CASES, ids=[c[0] for c in CASES])
def test_outcome_decision_and_rule(case_id, given, outcome, decision, rule):
    verdict = assess(given, "en")
    assert (verdict.outcome, verdict.decision, verdict.rule) == (outcome, decision, rule)


def test_every_rule_and_outcome_is_covered_by_the_table():
    rules_seen = {c[4] for c in CASES}
    assert rules_seen == {"too_many_unknown", "quick_only", "no_relevance", "several_no", "low_share",
                          "most_present", "quick_test_cap", "mixed"}
    assert {c[2] for c in CASES} == {"good", "neutral", "weak", "insufficient"}
    assert {c[3] for c in CASES} == {"pursue", "accept", "skip"}


@pytest.mark.parametrize("quick,passed,yes", [("yyy", True, 3), ("yyn", True, 2), ("ynn", False, 1), ("nnn", False, 0), ("", False, 0)])
def test_quick_test_counts(quick, passed, yes):
    verdict = assess(answers(quick), "nl")
    assert (verdict.quick_yes, verdict.quick_passed) == (yes, passed)


PATTERNS = [
    ((Y, Y, Y, Y, Y), ()),
    ((N, Y, Y, Y, Y), ("irrelevant_source",)),
    ((N, N, Y, Y, Y), ("irrelevant_source", "boilerplate_placement")),
    ((Y, P, N, N, Y), ("keyword_anchor", "seo_deal")),
    ((N, N, N, N, N), ("irrelevant_source", "boilerplate_placement", "keyword_anchor", "seo_deal")),
]


@pytest.mark.parametrize("traits,features", PATTERNS)
def test_pattern_features_and_note(traits, features):
    verdict = assess(answers("", traits), "en")
    assert set(verdict.pattern_features) == set(features)
    if len(features) >= 2:
        assert "become risky when they repeat" in verdict.pattern_note
        assert "toxic" not in verdict.pattern_note.lower()
    else:
        assert verdict.pattern_note is None


REASSURANCES = [
    ("nofollow on a link in text", (Y, Y, Y, Y, Y), ["nofollow"], {"nofollow_logical"}),
    ("nofollow in footer: no reassurance", (Y, N, Y, Y, Y), ["nofollow"], set()),
    ("small relevant site", (Y, Y, P, P, P), ["small_site"], {"small_site"}),
    ("small irrelevant site", (N, Y, P, P, P), ["small_site"], {"single_irrelevant"}),
    ("paid but fitting", (Y, Y, P, Y, P), ["paid"], {"paid_fitting"}),
    ("paid, fitting topic but pattern-heavy", (P, N, N, Y, P), ["paid"], set()),
    ("old link", (P, P, P, P, P), ["old"], {"old_link"}),
    ("one irrelevant link", (N, Y, Y, Y, Y), [], {"single_irrelevant"}),
    ("irrelevant and boilerplate: a pattern, no reassurance", (N, N, Y, Y, Y), [], set()),
]


@pytest.mark.parametrize("case_id,traits,facts,expected", REASSURANCES, ids=[r[0] for r in REASSURANCES])
def test_reassurances(case_id, traits, facts, expected):
    assert set(assess(answers("", traits, facts=facts), "en").reassurances) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reasons_name_the_traits_in_the_language(lang):
    verdict = assess(answers("yyn", (Y, P, N, U, Y), boosters=["traffic"]), lang)
    joined = " ".join(verdict.reasons)
    for trait in ("relevance", "context", "origin", "contribution", "naturalness"):
        assert text(lang, f"questionnaire.traits.{trait}.name") in joined
    assert text(lang, "questionnaire.boosters.traffic") in joined


def test_languages_give_different_sentences_with_the_same_ids():
    given = answers("yyy", (Y, Y, Y, P, P))
    nl, en = assess(given, "nl"), assess(given, "en")
    assert nl.reasons != en.reasons
    assert (nl.outcome, nl.decision, nl.pattern_features) == (en.outcome, en.decision, en.pattern_features)


def test_json_shape_is_the_public_interface():
    data = assess(answers("yyn", (Y, P, Y, Y, Y), facts=["nofollow"]), "en").to_json()
    assert {"quick_test", "outcome", "decision", "reasons", "pattern_features", "reassurances"} <= data.keys()
    assert data["quick_test"] == {"yes": 2, "passed": True}
    assert data["reassurances"] == ["nofollow_logical"]


@pytest.mark.parametrize("bad,problem", [
    (Answers(quick=("maybe", None, None)), "quick-test answer 'maybe'"),
    (Answers(quick=("yes", "no")), "has 3 answers"),
    (Answers(traits={"speed": "yes"}), "unknown trait 'speed'"),
    (Answers(traits={"relevance": "sometimes"}), "answer 'sometimes' for relevance"),
    (Answers(boosters=frozenset({"viral"})), "unknown booster 'viral'"),
    (Answers(facts=frozenset({"dofollow"})), "unknown fact 'dofollow'"),
])
def test_invalid_answers_are_refused_with_a_clear_message(bad, problem):
    assert any(problem in p for p in validate(bad))
    with pytest.raises(ValueError, match=problem.split("'")[0]):
        assess(bad)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_how_it_is_decided_shows_the_thresholds_of_the_rules_file(lang):
    rules = load_rules()
    body = how_it_is_decided(lang)
    assert f"{round(rules.weak_below_share * 100)}%" in body
    assert "{" not in body
