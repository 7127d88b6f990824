"""The URL holds the whole assessment: it survives a round trip and rejects junk without guessing."""

from hypothesis import given, strategies as st

from linkwijzer.questionnaire.assessment import Assessment, from_params, to_params
from linkwijzer.questionnaire.examples import EXAMPLES
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import Answers

RULES = load_rules()

assessments = st.builds(
    Assessment,
    answers=st.builds(
        Answers,
        quick=st.tuples(*[st.sampled_from([None, "yes", "no"])] * 3),
        traits=st.dictionaries(st.sampled_from(RULES.traits), st.sampled_from(("yes", "partly", "no"))),
        boosters=st.frozensets(st.sampled_from(RULES.boosters)),
        facts=st.frozensets(st.sampled_from(RULES.facts)),
    ),
    source_url=st.text(max_size=80), target_url=st.text(max_size=80), anchor=st.text(max_size=40),
)


@given(assessments)
def test_every_assessment_round_trips(assessment):
    parsed = from_params(to_params(assessment))
    assert parsed.ignored == ()
    assert parsed.assessment == assessment


def test_examples_round_trip():
    for example in EXAMPLES.values():
        assert from_params(to_params(example)).assessment == example


def test_invalid_values_are_ignored_and_reported():
    parsed = from_params({"quick": "yes,perhaps,no", "relevance": "maybe", "context": "yes",
                          "boosters": "traffic,fame", "facts": "old"})
    assert set(parsed.ignored) == {"quick", "relevance", "boosters"}
    answers = parsed.assessment.answers
    assert answers.quick == (None, None, None)
    assert answers.traits == {"context": "yes"}
    assert answers.boosters == frozenset({"traffic"})
    assert answers.facts == frozenset({"old"})


@given(st.dictionaries(st.text(max_size=12), st.text(max_size=30)))
def test_arbitrary_query_strings_never_crash(params):
    from_params(params)


def test_overlong_text_is_cut():
    parsed = from_params({"anchor": "x" * 10_000})
    assert len(parsed.assessment.anchor) == 2000
