"""Uploads that outlive Streamlit's uploader: a visit to another page or a language switch empties the
widget, never the files the user gave."""

from __future__ import annotations

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.present.documents import escape_markdown

PREFIX = "_kept_files."


def kept_uploads(key: str, label: str, help: str, types: list[str], lang: str) -> tuple[list[tuple[str, bytes]], str]:
    """The files in the uploader, or else the ones it held before; and a cheap identity of them ("" for none).

    Only the user's own act forgets them: emptying the uploader (its ``on_change``), or the
    "forget" button. Hashing a large upload on every rerun would cost seconds, so the identity is
    Streamlit's file ids, or whatever ``keep`` was given.
    """
    state = st.session_state
    uploads = st.file_uploader(label, accept_multiple_files=True, key=key, type=types, help=help,
                               on_change=_emptied, args=(key,))
    if uploads:
        files = [(upload.name, upload.getvalue()) for upload in uploads]
        keep(key, files, "upload:" + ",".join(upload.file_id for upload in uploads))
        return files, state[PREFIX + key][0]
    kept = state.get(PREFIX + key)
    if not kept:
        return [], ""
    t = texts(lang)
    names, button = st.columns([5, 1], vertical_alignment="center")
    names.markdown(t("ui.uploads.kept", files=", ".join(escape_markdown(name) for name, _ in kept[1])))
    button.button(t("ui.uploads.forget"), key=f"{key}.forget", icon=":material/close:", on_click=forget, args=(key,))
    return kept[1], kept[0]


def keep(key: str, files: list[tuple[str, bytes]], identity: str) -> None:
    """Hold these files for the uploader ``key`` (an upload, or a saved profile being reopened)."""
    st.session_state[PREFIX + key] = (identity, files)


def kept_identity(key: str) -> str:
    kept = st.session_state.get(PREFIX + key)
    return kept[0] if kept else ""


def forget(key: str) -> None:
    st.session_state.pop(PREFIX + key, None)


def _emptied(key: str) -> None:
    if not st.session_state.get(key):
        forget(key)
