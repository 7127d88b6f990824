"""Every text exists in Dutch and English, with the same placeholders, for every locale file."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import pytest

LOCALES = Path(__file__).resolve().parents[2] / "framework" / "locales"
FILES = sorted({p.name for lang in ("nl", "en") for p in (LOCALES / lang).glob("*.toml")})


def flat(table: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        out.update(flat(value, full + ".") if isinstance(value, dict) else {full: value})
    return out


def load(lang: str, name: str) -> dict[str, object]:
    path = LOCALES / lang / name
    assert path.exists(), f"locales/{lang}/{name} is missing"
    with open(path, "rb") as handle:
        return flat(tomllib.load(handle))


def placeholders(value: object) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(str(value)) if field}


def test_there_are_locale_files() -> None:
    assert "questionnaire.toml" in FILES and "report.toml" in FILES


@pytest.mark.parametrize("name", FILES)
def test_same_keys_in_both_languages(name: str) -> None:
    nl, en = load("nl", name), load("en", name)
    assert sorted(set(nl) - set(en)) == [], f"in locales/nl/{name} but not in locales/en/{name}"
    assert sorted(set(en) - set(nl)) == [], f"in locales/en/{name} but not in locales/nl/{name}"


@pytest.mark.parametrize("name", FILES)
def test_same_placeholders_and_no_empty_texts(name: str) -> None:
    nl, en = load("nl", name), load("en", name)
    for key in set(nl) & set(en):
        assert placeholders(nl[key]) == placeholders(en[key]), f"{name}: {key} has different {{placeholders}}"
        assert str(nl[key]).strip() and str(en[key]).strip(), f"{name}: {key} is empty"
