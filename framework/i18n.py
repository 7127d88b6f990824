"""Interface texts per language, loaded from TOML files under ``framework/locales/<lang>/``.

Every file is a namespace: ``locales/nl/ui.toml`` holds the keys ``ui.*``. Streamlit runs
many sessions in one process, so there is no "active language": callers pass ``lang``.

>>> text("en", "ui.app.title")
'Linkwijzer'

A text that depends on a number is a table of CLDR plural forms (``one``, ``other``…), chosen by
its ``n`` (or else ``count``) parameter:

>>> text("nl", "ui.common.files", n=1), text("nl", "ui.common.files", n=3)
('1 bestand', '3 bestanden')
"""

from __future__ import annotations

from functools import cache, partial
from pathlib import Path
from typing import Callable

from babel import Locale
from babel.numbers import format_decimal

from linkwijzer.datafiles import DataFileError, load_toml

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
PLURAL_BY = ("n", "count")  # the parameter that picks a text's plural form
BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # how numbers, dates and plurals are written per language
LOCALES = Path(__file__).parent / "locales"


def normalise_language(value: object) -> str:
    """The language id for a URL or CLI value; anything unknown falls back to Dutch."""
    candidate = str(value or "").strip().lower()[:2]
    return candidate if candidate in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All texts of one language as a flat ``{"ns.key.sub": text}`` mapping."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    flat: dict[str, str] = {}
    for path in sorted((LOCALES / lang).glob("*.toml")):
        _flatten(load_toml(path), path.stem, flat, path)
    return flat


def text(lang: str, key: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``params``."""
    texts_of = catalogue(lang)
    template = texts_of.get(key)
    if template is None and f"{key}.other" in texts_of:
        by = next((name for name in PLURAL_BY if name in params), None)
        if by is None:
            raise KeyError(f"the text {key!r} has plural forms: pass n= or count=")
        template = texts_of.get(f"{key}.{_plural_form(lang, params[by])}", texts_of[f"{key}.other"])
        params = {**params, by: _count(lang, params[by])}
    if template is None:
        raise KeyError(f"no text {key!r} in locales/{lang}")
    return template.format(**params) if params else template


@cache
def babel_locale(lang: str) -> Locale:
    """Babel's locale for a language id (unknown ids write as Dutch)."""
    return Locale.parse(BABEL_LOCALES.get(lang, BABEL_LOCALES[DEFAULT_LANGUAGE]))


def whole_number(value: int | float, lang: str) -> str:
    """A whole number with the language's thousands separator (``present.formatting.count``)."""
    return format_decimal(int(value), format="#,##0", locale=babel_locale(lang))


def _plural_form(lang: str, n: object) -> str:
    try:
        return babel_locale(lang).plural_form(abs(float(n)))
    except (TypeError, ValueError):
        return "other"


def _count(lang: str, n: object) -> str:
    return whole_number(n, lang) if isinstance(n, (int, float)) else str(n)


def texts(lang: str) -> Callable[..., str]:
    """``text`` with the language bound, for code that speaks one language throughout.

    >>> t = texts("en"); t("ui.app.title")
    'Linkwijzer'
    """
    return partial(text, lang)


def has_text(lang: str, key: str) -> bool:
    return key in catalogue(lang)


def _flatten(table: dict, prefix: str, out: dict[str, str], path: Path) -> None:
    for key, value in table.items():
        full = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten(value, full, out, path)
        elif isinstance(value, str):
            out[full] = value
        else:
            raise DataFileError(path, full, "every text must be a string")


__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "normalise_language", "catalogue", "text", "texts", "has_text"]
