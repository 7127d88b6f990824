"""Check one link: the one-minute test, the five traits, boosters, and the verdict card."""

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import assess, how_it_is_decided
from pages.parts.common import current_language, presenting
from pages.parts.inspect_panel import inspect_panel
from pages.parts.workshop_state import add_to_workshop
from pages.parts.link_form import (assessment_from_widgets, share_url, sync_url, verdict_card, verdict_so_far,
                                   save_and_export)

lang = current_language()
rules = load_rules()
t = texts(lang)
sync_url.seed(lang)

if presenting():
    from pages.parts.presenter import run_presenter

    run_presenter(lang)
    sync_url.write(assessment_from_widgets(), lang)
    st.stop()

title, restart = st.columns([5, 1], vertical_alignment="bottom")
title.title(t("ui.check.title"))
restart.button(t("ui.check.start_over"), on_click=sync_url.reset, icon=":material/restart_alt:")
st.caption(t("ui.check.intro"))
ask, card = st.columns([3, 2], gap="large")

with ask:
    with st.expander(t("ui.check.link_details"), expanded=bool(st.session_state.get("link.source"))):
        st.text_input(t("ui.check.source_url"), key="link.source", placeholder="https://…")
        st.text_input(t("ui.check.target_url"), key="link.target", placeholder="https://…")
        st.text_input(t("ui.check.anchor"), key="link.anchor")
        inspect_panel(assessment_from_widgets(), lang)

    st.header(f"1 · {t('questionnaire.quick.title')}")
    st.caption(t("questionnaire.quick.intro"))
    for question in rules.quick_questions:
        st.segmented_control(t(f"questionnaire.quick.questions.{question}"), rules.quick_answers,
                             key=f"quick.{question}", format_func=lambda a: t(f"questionnaire.answers.{a}"))
    assessment = assessment_from_widgets()
    verdict = assess(assessment.answers, lang)
    if verdict.quick_answered < len(rules.quick_questions):
        st.info(t("questionnaire.quick.unanswered"), icon=":material/timer:")
    elif verdict.quick_passed:
        st.success(t("questionnaire.quick.passed", yes=verdict.quick_yes), icon=":material/check_circle:")
    else:
        st.warning(t("questionnaire.quick.failed", yes=verdict.quick_yes), icon=":material/manage_search:")

    verdict_so_far(assessment.answers, lang)

    st.header(f"2 · {t('ui.check.traits_title')}")
    st.caption(t("ui.check.traits_intro"))
    for number, trait in enumerate(rules.traits, start=1):
        with st.container(border=True):
            st.segmented_control(f"**{number}. {t(f'questionnaire.traits.{trait}.name')}** — "
                                 f"{t(f'questionnaire.traits.{trait}.question')}",
                                 rules.answers, key=f"trait.{trait}", help=t(f"questionnaire.traits.{trait}.help"),
                                 format_func=lambda a: t(f"questionnaire.answers.{a}"))
            with st.expander(t("ui.check.examples")):
                for answer in rules.answers:
                    st.markdown(f"**{t(f'questionnaire.answers.{answer}')}** — "
                                f"{t(f'questionnaire.traits.{trait}.example_{answer}')}")

    verdict_so_far(assessment_from_widgets().answers, lang)

    st.header(f"3 · {t('questionnaire.boosters.title')}")
    st.caption(t("questionnaire.boosters.intro"))
    for booster in rules.boosters:
        st.checkbox(t(f"questionnaire.boosters.{booster}"), key=f"booster.{booster}")
    st.subheader(t("questionnaire.facts.title"))
    st.caption(t("questionnaire.facts.intro"))
    for fact in rules.facts:
        st.checkbox(t(f"questionnaire.facts.{fact}"), key=f"fact.{fact}")

assessment = assessment_from_widgets()
verdict = assess(assessment.answers, lang)
params = sync_url.write(assessment, lang)

with card:
    verdict_card(verdict, lang, assessment.answers)
    with st.expander(t("questionnaire.how.title")):
        st.markdown(how_it_is_decided(lang))
    st.markdown(f"**{t('ui.check.share')}**")
    st.code(share_url(params, lang), language=None, wrap_lines=True)
    add_to_workshop(assessment, lang)
    save_and_export(assessment, verdict, lang)
