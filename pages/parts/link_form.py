"""The single-link page's moving parts: widget state ⇄ assessment ⇄ URL, the verdict card, save/export."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import pandas as pd

import streamlit as st

from linkwijzer.i18n import text, texts
from linkwijzer.questionnaire.assessment import Assessment, from_params, to_params
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.questionnaire.verdict import Answers, Verdict, assess
from linkwijzer.present.assessment_report import assessment_report_html, assessment_report_markdown
from pages.parts.common import FRAME_KEYS, LANG_KEY, PRESENT_KEY, store

LOADED_KEY = "check.loaded"
ROUND_KEY = "check.round"  # bumped by "start over": the save form's widgets start empty again
TEXT_KEYS = {"source_url": "link.source", "target_url": "link.target", "anchor": "link.anchor"}
LOOK = {"good": ("green", ":material/thumb_up:"), "neutral": ("blue", ":material/thumbs_up_down:"),
        "weak": ("orange", ":material/trending_down:"), "insufficient": ("gray", ":material/help:")}


def assessment_from_widgets() -> Assessment:
    rules = load_rules()
    state = st.session_state
    answers = Answers(
        quick=tuple(state.get(f"quick.{q}") for q in rules.quick_questions),
        traits={t: state[f"trait.{t}"] for t in rules.traits if state.get(f"trait.{t}")},
        boosters=frozenset(b for b in rules.boosters if state.get(f"booster.{b}")),
        facts=frozenset(f for f in rules.facts if state.get(f"fact.{f}")),
    )
    return Assessment(answers=answers, **{attr: (state.get(key) or "").strip() for attr, key in TEXT_KEYS.items()})


def load_into_widgets(assessment: Assessment) -> None:
    rules = load_rules()
    state, answers = st.session_state, assessment.answers
    for question, answer in zip(rules.quick_questions, answers.quick):
        state[f"quick.{question}"] = answer
    for trait in rules.traits:
        state[f"trait.{trait}"] = answers.traits.get(trait)
    for booster in rules.boosters:
        state[f"booster.{booster}"] = booster in answers.boosters
    for fact in rules.facts:
        state[f"fact.{fact}"] = fact in answers.facts
    for attr, key in TEXT_KEYS.items():
        state[key] = getattr(assessment, attr)


class sync_url:  # noqa: N801 - a namespace of two steps, read as sync_url.seed / sync_url.write
    """Keeps the page and the URL in step without loops.

    The URL is read into the widgets only when it differs from what this session last wrote
    (a fresh load, a shared link, a saved assessment opened) or the language changed (labels
    change, so widgets are re-created); otherwise the widgets are the truth and are written back.
    """

    @staticmethod
    def seed(lang: str) -> None:
        state = st.session_state
        url = {k: v for k, v in st.query_params.to_dict().items() if k not in FRAME_KEYS}
        written = state.get("_check_written")
        # Coming back through the navigation clears the query string and Streamlit drops the
        # state of widgets that were not drawn: restore what this session last had.
        source = written if (not url and written) else url
        widgets_gone = f"quick.{load_rules().quick_questions[0]}" not in state
        if source != written or widgets_gone or state.get("_check_lang") != lang:
            parsed = from_params(source)
            load_into_widgets(parsed.assessment)
            if parsed.ignored:
                st.toast(text(lang, "ui.check.ignored_params", params=", ".join(parsed.ignored)))
        state["_check_lang"] = lang

    @staticmethod
    def reset() -> None:
        load_into_widgets(Assessment())
        st.session_state["_check_written"] = {}
        st.session_state.pop(LOADED_KEY, None)
        st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
        for key in list(st.query_params):
            if key not in FRAME_KEYS:
                del st.query_params[key]

    @staticmethod
    def write(assessment: Assessment, lang: str) -> dict[str, str]:
        params = to_params(assessment)
        current = st.query_params.to_dict()
        for key in current.keys() - params.keys() - FRAME_KEYS:
            del st.query_params[key]
        st.query_params.update({k: v for k, v in params.items() if current.get(k) != v})
        st.session_state["_check_written"] = params
        return params


def share_url(params: dict[str, str], lang: str) -> str:
    base = (st.context.url or "").split("?")[0]
    frame = {LANG_KEY: lang, **({PRESENT_KEY: "1"} if st.session_state.get(PRESENT_KEY) else {})}
    return f"{base}?{urlencode({**frame, **params})}"


def _nothing_answered(answers: Answers) -> bool:
    return not any(answers.quick) and not any(answers.traits.values())


def verdict_so_far(answers: Answers, lang: str) -> None:
    """One line with the verdict as it stands, under each part: on a phone the card is far below."""
    if _nothing_answered(answers):
        return
    t = texts(lang)
    verdict = assess(answers, lang)
    colour, icon = LOOK[verdict.outcome]
    st.markdown(f":{colour}[{icon} **" + t("ui.check.so_far", outcome=t(f"questionnaire.outcomes.{verdict.outcome}"),
                                            decision=t(f"questionnaire.decisions.{verdict.decision}")) + "**]")


def verdict_card(verdict: Verdict, lang: str, answers: Answers | None = None) -> None:
    t = texts(lang)
    with st.container(border=True):
        st.caption(t("ui.check.verdict"))
        if answers is not None and _nothing_answered(answers):
            # Nothing answered yet: no verdict to shout, just where to begin.
            st.markdown(f"### :gray[:material/help: {t('ui.check.not_started')}]")
            st.caption(t("ui.check.not_started_help"))
            return
        colour, icon = LOOK[verdict.outcome]
        st.markdown(f"# :{colour}[{icon} {t(f'questionnaire.outcomes.{verdict.outcome}')}]")
        st.markdown(f"## → {t(f'questionnaire.decisions.{verdict.decision}')}")
        st.caption(f"{t(f'questionnaire.outcome_explained.{verdict.outcome}')} "
                   f"{t(f'questionnaire.decision_explained.{verdict.decision}')}")
        st.markdown("\n".join(f"- {reason}" for reason in verdict.reasons))
        if verdict.pattern_note:
            st.warning(verdict.pattern_note, icon=":material/pattern:")
        if verdict.reassurances:
            st.markdown(f"**{t('questionnaire.reassurances.title')}**")
            for reassurance in verdict.reassurances:
                st.success(t(f"questionnaire.reassurances.{reassurance}"), icon=":material/verified:")


def save_and_export(assessment: Assessment, verdict: Verdict, lang: str) -> None:
    t = texts(lang)
    loaded = st.session_state.get(LOADED_KEY)  # set when a saved assessment was opened
    with st.form("save", enter_to_submit=True, border=True):
        st.markdown(f"**{t('ui.check.save_title')}**")
        # Keyed per round: "start over" begins a new round, so a name typed but never saved goes too.
        round_ = st.session_state.get(ROUND_KEY, 0)
        label = st.text_input(t("ui.check.label"), value=loaded["label"] if loaded else "", max_chars=200,
                              placeholder=t("ui.check.label_placeholder"), key=f"save.label.{round_}")
        note = st.text_area(t("ui.check.note"), value=loaded["note"] if loaded else "", max_chars=5000, height=80,
                            key=f"save.note.{round_}")
        buttons = st.columns(2 if loaded else 1)
        update = loaded and buttons[1].form_submit_button(t("ui.check.update"), icon=":material/edit:")
        save_new = buttons[0].form_submit_button(t("ui.check.save"), icon=":material/save:", type="primary")
        if save_new or update:
            try:
                if update:
                    saved_id = loaded["id"]
                    if store().update(saved_id, assessment=assessment, label=label, note=note, lang=lang) is None:
                        raise ValueError(t("ui.check.gone"))
                else:
                    saved_id = store().save(assessment, label=label, note=note, lang=lang)
            except ValueError as error:
                st.error(t("ui.check.save_failed", problem=str(error)))
            else:
                st.session_state[LOADED_KEY] = {"id": saved_id, "label": label.strip(), "note": note}
                st.success(t("ui.check.saved", label=label.strip(), id=saved_id))
    # The report carries the name and note it was saved under, not "untitled".
    loaded = st.session_state.get(LOADED_KEY)
    if loaded:
        assessment = replace(assessment, label=loaded["label"], note=loaded["note"])
    left, right = st.columns(2)
    left.download_button(t("ui.check.download_html"), assessment_report_html(assessment, lang),
                         file_name="linkwijzer-assessment.html", mime="text/html", icon=":material/print:")
    right.download_button(t("ui.check.download_md"), assessment_report_markdown(assessment, lang),
                          file_name="linkwijzer-assessment.md", mime="text/markdown", icon=":material/description:")


def comparison_table(saved: list, lang: str) -> pd.DataFrame:
    """Prospects as columns, the framework's questions as rows: reads across on a projector."""
    rules = load_rules()
    t = texts(lang)
    answer = lambda a: t(f"questionnaire.answers.{a}") if a else "–"  # noqa: E731
    rows: dict[str, list[str]] = {t("questionnaire.quick.title"): [], **{
        t(f"questionnaire.traits.{trait}.name"): [] for trait in rules.traits},
        t("ui.saved.row_boosters"): [], t("ui.saved.col_outcome"): [], t("ui.saved.col_decision"): [],
        t("ui.saved.row_why"): []}
    for item in saved:
        verdict = assess(item.assessment.answers, lang)
        values = [f"{verdict.quick_yes}/3"]
        values += [answer(item.assessment.answers.trait(trait)) for trait in rules.traits]
        values.append(", ".join(t(f"questionnaire.boosters.{b}") for b in rules.boosters
                                if b in item.assessment.answers.boosters) or "–")
        values += [t(f"questionnaire.outcomes.{verdict.outcome}"), t(f"questionnaire.decisions.{verdict.decision}"),
                   verdict.rule_reason]
        for row, value in zip(rows.values(), values):
            row.append(value)
    labels = [f"{i}. {item.label}" for i, item in enumerate(saved, start=1)]
    return pd.DataFrame(rows, index=labels).T
