"""Numbers, shares, dates and months as people of each language write them (through Babel; plural
forms of texts are chosen by ``linkwijzer.i18n.text``).

Every output — pages, reports, CSV, CLI, and the sentences the signals write — formats through
here, so "2.753" and "1,6%" in Dutch and "2,753" and "1.6%" in English are decided once.

>>> count(2753, "nl"), count(2753, "en")
('2.753', '2,753')
>>> percent(0.0157, "nl"), percent(0.25, "en"), percent(0.0, "nl")
('1,6%', '25%', '0%')
>>> number(2.5, "nl"), number(3.0, "en")
('2,5', '3')
>>> month(date(2026, 3, 1), "nl"), month(date(2026, 3, 1), "en")
('mrt 2026', 'Mar 2026')
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from babel.dates import format_date, get_day_names, get_month_names
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from linkwijzer.i18n import babel_locale as _locale
from linkwijzer.i18n import whole_number


def count(value: int | float, lang: str) -> str:
    """A whole number with the language's thousands separator."""
    return whole_number(value, lang)


def number(value: float, lang: str, digits: int = 1, *, fixed: bool = False) -> str:
    """A number with at most ``digits`` decimals, trailing zeros dropped (2,5 / 3), or exactly ``digits`` when ``fixed``."""
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(share: float, lang: str, digits: int | None = None) -> str:
    """A share 0–1 as a percentage: whole percents from 10%, one decimal below (unless ``digits`` says)."""
    if digits is None:
        digits = 0 if share == 0 or abs(share) >= 0.1 else 1
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    # Babel's percent patterns differ per locale in spacing ("1,6 %" in some); ours is one style.
    return format_decimal(share * 100, format=pattern.replace("%", ""), locale=_locale(lang)) + "%"


def cut_off(share: float, lang: str) -> str:
    """A threshold as written in its file: 0.05 is "5%", not the "5,0%" a measured share may get."""
    whole = round(share * 100, 6)
    return percent(share, lang, 0 if whole == int(whole) else 1)


def month(day: date | datetime, lang: str) -> str:
    """A month and year, abbreviated: "mrt 2026", "Mar 2026"."""
    return format_date(day, "LLL yyyy", locale=_locale(lang)).replace(".", "")


def day(value: date | datetime, lang: str) -> str:
    """A date in the language's medium form: "7 dec 2026", "7 Dec 2026"."""
    return format_date(value, "d LLL yyyy", locale=_locale(lang)).replace(".", "")


def megabytes(size: int, lang: str) -> str:
    return f"{count(size / 1024**2, lang)} MB" if size >= 1024**2 else f"{count(size / 1024, lang)} kB"


def yes_no(value: object, lang: str) -> str:
    """A flag as a word; missing stays empty (unknown is not "no")."""
    from linkwijzer.i18n import text

    if value is None or value != value:  # None or NaN
        return ""
    return text(lang, "ui.common.yes" if bool(value) else "ui.common.no")


@cache
def vega_locale(lang: str) -> dict:
    """The d3 number and time locale for Vega charts, from Babel's data: axes and tooltips in ``lang``."""
    locale = _locale(lang)
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    # d3 lists days from Sunday; Babel numbers them from Monday (0).
    week = [6, 0, 1, 2, 3, 4, 5]
    return {
        "number": {"decimal": get_decimal_symbol(locale), "thousands": get_group_symbol(locale), "grouping": [3],
                   "currency": ["€ ", ""] if lang == "nl" else ["£", ""]},
        "time": {"dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y" if lang == "nl" else "%d/%m/%Y",
                 "time": "%H:%M:%S", "periods": ["AM", "PM"],
                 "days": [days[i] for i in week], "shortDays": [short_days[i].rstrip(".") for i in week],
                 "months": [months[i] for i in range(1, 13)],
                 "shortMonths": [short_months[i].rstrip(".") for i in range(1, 13)]},
    }


__all__ = ["count", "number", "percent", "cut_off", "month", "day", "megabytes", "yes_no", "vega_locale"]
