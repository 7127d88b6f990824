"""The profile review's settings and filters, defined once: their URL parameters and CLI flags derive from here.

One name per option: ``keyword`` is ``?keyword=…`` in a shared link and ``--keyword`` on the command
line; ``explained_burst`` is ``?explained_burst=…`` and ``--explained-burst``. Lists are repeated
flags on the command line and comma-separated in a URL. Dates take ``YYYY-MM`` (a whole month) or
``YYYY-MM-DD``.

>>> parse_date("2025-03", end=True), parse_date("2025-03-10")
(datetime.date(2025, 3, 31), datetime.date(2025, 3, 10))
>>> url_params({"keyword": ("e-bike kopen", "bakfiets"), "follow_only": True, "site": ""})
{'keyword': 'e-bike kopen,bakfiets', 'follow_only': '1'}
"""

from __future__ import annotations

import argparse
import calendar
import re
from dataclasses import dataclass
from datetime import date

from linkwijzer.profile.review.filters import Filters
from linkwijzer.profile.review.settings import ProfileSettings

MAX_ITEMS = 50
MAX_TEXT = 200


@dataclass(frozen=True)
class Option:
    name: str
    """URL parameter, CLI flag (``--`` + name with ``-`` for ``_``) and JSON key."""
    kind: str
    """``text``, ``list`` (repeatable flag; comma-separated in a URL), ``date`` or ``flag``."""
    part: str
    """``settings`` (what the user says about the site) or ``filters`` (which links count)."""
    field: str
    """The field of ``ProfileSettings`` or ``Filters`` it sets."""
    help: str
    legacy: tuple[str, ...] = ()
    """Older URL names still read, so links shared before the rename keep working."""

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


OPTIONS = (
    Option("site", "text", "settings", "site", "your own domain, e.g. fietsenvandijk.nl"),
    Option("brand", "list", "settings", "brand", "a brand term (repeatable)"),
    Option("keyword", "list", "settings", "keywords", "a money keyword (repeatable)", legacy=("kw",)),
    Option("topic", "list", "settings", "topics", "a topic term (repeatable)"),
    Option("explained_burst", "list", "settings", "explained_bursts",
           "start week (YYYY-MM-DD) of a burst with a known cause: campaign, press (repeatable)", legacy=("explained",)),
    Option("from", "date", "filters", "start", "only links first seen from this month or day (YYYY-MM[-DD])"),
    Option("to", "date", "filters", "end", "only links first seen up to this month or day (YYYY-MM[-DD])"),
    Option("follow_only", "flag", "filters", "follow_only", "leave out nofollow links", legacy=("follow",)),
    Option("include_lost", "flag", "filters", "include_lost", "also review links the export marks as lost",
           legacy=("lost",)),
)
BY_NAME = {option.name: option for option in OPTIONS}
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def parse_date(value: str, *, end: bool = False) -> date:
    """``YYYY-MM`` (its first day, or its last with ``end``) or ``YYYY-MM-DD``; ValueError otherwise."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"a date is YYYY-MM or YYYY-MM-DD, not {value!r}")
    year, month, day = int(match[1]), int(match[2]), match[3]
    if day is None:
        day = calendar.monthrange(year, month)[1] if end and 1 <= month <= 12 else 1
    return date(year, month, int(day))


def add_arguments(parser: argparse.ArgumentParser, *, site_required: bool = True) -> None:
    """Every option as a CLI flag; ``site`` is required where the command cannot derive it."""
    for option in OPTIONS:
        if option.kind == "list":
            parser.add_argument(option.flag, dest=option.name, action="append", default=[], metavar="T",
                                help=option.help)
        elif option.kind == "flag":
            parser.add_argument(option.flag, dest=option.name, action="store_true", help=option.help)
        elif option.kind == "date":
            parser.add_argument(option.flag, dest=option.name, metavar="YYYY-MM", help=option.help)
        else:
            parser.add_argument(option.flag, dest=option.name, required=site_required and option.name == "site",
                                default="", help=option.help)


def from_values(values: dict[str, object]) -> tuple[ProfileSettings, Filters]:
    """Settings and filters from option values (CLI arguments or a URL already split); ValueError names the option."""
    settings, filters = {}, {}
    for option in OPTIONS:
        value = values.get(option.name)
        if value in (None, "", [], ()) or value is False:
            continue
        if option.kind == "list":
            items = [str(v).strip() for v in value if str(v).strip()][:MAX_ITEMS]
            if option.name == "explained_burst":
                for item in items:
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", item):
                        raise ValueError(f"{option.flag} takes a date as YYYY-MM-DD, got {item!r}")
            parsed: object = tuple(items)
        elif option.kind == "date":
            try:
                parsed = parse_date(str(value), end=option.name == "to")
            except ValueError as error:
                raise ValueError(f"{option.flag}: {error}") from None
        elif option.kind == "flag":
            parsed = True  # a flag given is on; absent, the default of ``Filters`` holds
        else:
            parsed = str(value).strip()[:MAX_TEXT]
        (settings if option.part == "settings" else filters)[option.field] = parsed
    return ProfileSettings(**settings), Filters(**filters)


def url_params(values: dict[str, object]) -> dict[str, str]:
    """Option values as URL parameters: only what differs from the default, lists comma-separated."""
    out = {}
    for option in OPTIONS:
        value = values.get(option.name)
        if option.kind == "list" and value:
            out[option.name] = ",".join(str(v) for v in value)
        elif option.kind == "date" and value:
            out[option.name] = value.isoformat() if isinstance(value, date) else str(value)
        elif option.kind == "flag" and value:
            out[option.name] = "1"
        elif option.kind == "text" and value:
            out[option.name] = str(value)
    return out


def read_url(params: dict[str, str]) -> dict[str, object]:
    """URL parameters (current or legacy names) as option values; what cannot be read is left out."""
    out: dict[str, object] = {}
    for option in OPTIONS:
        raw = next((params[key] for key in (option.name, *option.legacy) if key in params), None)
        if raw is None:
            continue
        if option.kind == "list":
            out[option.name] = [item.strip() for item in raw.split(",") if item.strip()][:MAX_ITEMS]
        elif option.kind == "date":
            try:
                out[option.name] = parse_date(raw, end=option.name == "to")
            except ValueError:
                continue
        elif option.kind == "flag":
            # "lost=0" was the old way to leave lost links out: any value but 0 or empty is on.
            out[option.name] = raw not in ("0", "")
            if not out[option.name]:
                del out[option.name]
        else:
            out[option.name] = raw[:MAX_TEXT]
    return out


def values_of(settings: ProfileSettings, filters: Filters) -> dict[str, object]:
    """The option values a review ran with (for its URL and its report)."""
    return {option.name: getattr(settings if option.part == "settings" else filters, option.field)
            for option in OPTIONS}


__all__ = ["Option", "OPTIONS", "BY_NAME", "parse_date", "add_arguments", "from_values", "url_params", "read_url",
           "values_of"]
