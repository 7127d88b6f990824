"""The public face of linkwijzer.inspect: a curated __all__, documented names, texts for every code."""

from __future__ import annotations

import linkwijzer.inspect as inspect_package
from linkwijzer.i18n import catalogue
from linkwijzer.inspect import ERRORS, REFUSAL_KINDS, USER_AGENT

FETCHING = {"FetchConfig", "FetchResult", "fetch", "check_many", "check_address", "ERRORS", "REFUSAL_KINDS",
            "USER_AGENT", "ENV_ALLOW"}


def test_public_names_exist_and_private_modules_stay_private() -> None:
    assert FETCHING <= set(inspect_package.__all__)
    for name in inspect_package.__all__:
        assert hasattr(inspect_package, name), name
        assert not name.startswith("_"), name


def test_fetching_names_are_documented() -> None:
    for name in FETCHING - {"ERRORS", "REFUSAL_KINDS", "USER_AGENT", "ENV_ALLOW"}:
        assert getattr(inspect_package, name).__doc__, name


def test_every_code_and_kind_has_a_text_in_both_languages() -> None:
    for lang in ("nl", "en"):
        texts = catalogue(lang)
        assert {f"fetch.error.{code}" for code in ERRORS} <= set(texts)
        assert {f"fetch.kind.{kind}" for kind in REFUSAL_KINDS} <= set(texts)


def test_user_agent_names_the_tool_and_its_version() -> None:
    name, _, rest = USER_AGENT.partition("/")
    assert name == "Linkwijzer" and rest[0].isdigit() and "backlink" in rest
