"""Presenter mode of the single-link check: one question per screen, large, arrow keys for next and back."""

from __future__ import annotations

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import assess
from pages.parts.link_form import assessment_from_widgets, sync_url, verdict_card
from pages.parts.workshop_state import add_to_workshop

STEP_KEY = "present.step"


def steps() -> list[tuple[str, str]]:
    rules = load_rules()
    return ([("link", "")] + [("quick", q) for q in rules.quick_questions] + [("trait", t) for t in rules.traits]
            + [("boosters", ""), ("verdict", "")])


def _go(delta: int) -> None:
    st.session_state[STEP_KEY] = min(max(st.session_state.get(STEP_KEY, 0) + delta, 0), len(steps()) - 1)


def _answer(key: str, value: str) -> None:
    # Set as plain session state: the normal page's widget with this key is not drawn here,
    # and the URL writer reads the same key, so both modes share one truth.
    st.session_state[key] = value
    _go(+1)  # answering again with the same key also moves on: the keyboard flow never stalls


def _new_prospect() -> None:
    sync_url.reset()
    st.session_state[STEP_KEY] = 0


def _toggle(key: str) -> None:
    st.session_state[key] = not st.session_state.get(key)


def run_presenter(lang: str) -> None:
    t = texts(lang)
    rules = load_rules()
    all_steps = steps()
    index = min(st.session_state.get(STEP_KEY, 0), len(all_steps) - 1)
    kind, item = all_steps[index]
    # Back and Next first: on a 1024×768 projector they must never fall below the fold.
    back, counter, forward = st.columns([1, 3, 1], vertical_alignment="center")
    back.button(t("ui.present.back"), key="present.back", on_click=_go, args=(-1,), shortcut="Left",
                disabled=index == 0, icon=":material/arrow_back:", width="stretch")
    counter.markdown(f"**{t('ui.present.step', n=index + 1, total=len(all_steps))}**")
    forward.button(t("ui.present.next"), key="present.next", on_click=_go, args=(+1,), shortcut="Right",
                   disabled=index == len(all_steps) - 1, icon=":material/arrow_forward:", width="stretch")
    st.progress((index + 1) / len(all_steps))
    verdict = assess(assessment_from_widgets().answers, lang)

    if kind == "link":
        st.markdown(f"# {t('ui.present.link_title')}")
        st.caption(t("ui.present.link_help"))
        st.text_input(t("ui.check.source_url"), key="link.source", placeholder="https://…")
        st.text_input(t("ui.check.target_url"), key="link.target", placeholder="https://…")
        st.text_input(t("ui.check.anchor"), key="link.anchor")
    elif kind in ("quick", "trait"):
        key = f"{kind}.{item}"
        if kind == "quick":
            st.caption(t("questionnaire.quick.title"))
            st.markdown(f"# {t(f'questionnaire.quick.questions.{item}')}")
            options = rules.quick_answers
        else:
            st.caption(f"{t('ui.check.traits_title')} · {rules.traits.index(item) + 1}/5")
            st.markdown(f"# {t(f'questionnaire.traits.{item}.name')}")
            st.markdown(f"### {t(f'questionnaire.traits.{item}.question')}")
            st.caption(t(f"questionnaire.traits.{item}.help"))
            options = rules.answers
        current = st.session_state.get(key)
        for number, (column, option) in enumerate(zip(st.columns(len(options)), options), start=1):
            column.button(f"{t(f'questionnaire.answers.{option}')}", key=f"present.{key}.{option}",
                          type="primary" if current == option else "secondary", width="stretch",
                          shortcut=str(number), on_click=_answer, args=(key, option))
        if kind == "trait":
            with st.expander(t("ui.check.examples")):
                for option in rules.answers:
                    st.markdown(f"**{t(f'questionnaire.answers.{option}')}** — "
                                f"{t(f'questionnaire.traits.{item}.example_{option}')}")
            if verdict.quick_answered == len(rules.quick_questions):
                st.caption(t("questionnaire.quick.passed" if verdict.quick_passed else "questionnaire.quick.failed",
                             yes=verdict.quick_yes))
    elif kind == "boosters":
        st.markdown(f"# {t('questionnaire.boosters.title')}")
        st.caption(t("questionnaire.boosters.intro"))
        for number, booster in enumerate(rules.boosters, start=1):
            on = bool(st.session_state.get(f"booster.{booster}"))
            st.button(f"{'☑' if on else '☐'}  {t(f'questionnaire.boosters.{booster}')}", key=f"present.booster.{booster}",
                      type="primary" if on else "secondary", shortcut=str(number), on_click=_toggle,
                      args=(f"booster.{booster}",))
    else:
        verdict_card(verdict, lang)
        add_to_workshop(assessment_from_widgets(), lang)
        st.button(t("ui.present.new"), key="present.new", on_click=_new_prospect, icon=":material/add_circle:",
                  shortcut="N")

