"""Files no vendor layout matches: a proposed column mapping, and GSC exports known by content.

>>> propose_mapping(["Bron URL", "Doel URL", "Ankertekst", "Eerst gezien"])
{'source_url': 'Bron URL', 'target_url': 'Doel URL', 'anchor': 'Ankertekst', 'first_seen': 'Eerst gezien'}
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

import pyarrow as pa

from linkwijzer.profile.importing.formats import Format, catalogue
from linkwijzer.profile.importing.values import DATE_FORMATS, to_dates

THRESHOLD = 0.82  # below this a header resembles an alias only by accident ("Doel URL"/"Bron URL")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+", re.IGNORECASE)
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)
_COUNT = re.compile(r"^\d{1,3}(?:[.,  ]\d{3})*$|^\d+$")


# What one header may cost: the first columns only (a link export has a few dozen), each name cut
# short, each distinct name scored once, and cheap upper bounds before the full comparison.
MAX_COLUMNS, MAX_NAME = 500, 80


def propose_mapping(columns: list[str]) -> dict[str, str]:
    """Canonical field -> source column, for the columns whose names resemble a known field."""
    candidates = []
    aliases = {canonical: [_words(alias) for alias in names] for canonical, names in catalogue().generic_aliases.items()}
    scored: dict[str, dict[str, float]] = {}
    for index, column in enumerate(columns[:MAX_COLUMNS]):
        name = _words(column[:MAX_NAME])
        if not name:
            continue
        if name not in scored:
            scored[name] = {canonical: max(_similarity(name, alias) for alias in names)
                            for canonical, names in aliases.items()}
        for canonical, score in scored[name].items():
            # Earlier aliases are the more specific names: a tiny bonus keeps ties in that order.
            if score >= THRESHOLD:
                candidates.append((score, -index, canonical, column))
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for _, _, canonical, column in sorted(candidates, reverse=True):
        if canonical not in mapping and column not in taken:
            mapping[canonical] = column
            taken.add(column)
    order = list(catalogue().generic_aliases)
    return dict(sorted(mapping.items(), key=lambda item: order.index(item[0])))


def generic_format(mapping: dict[str, str]) -> Format:
    """A links layout built from a (proposed or confirmed) mapping."""
    return Format(name="generic", layout="mapping", kind="links", signature=((),),
                  columns={k: (v,) for k, v in mapping.items() if v}, dates=DATE_FORMATS)


def recognise_by_content(columns: list[str], sample: list[list[str]]) -> Format | None:
    """GSC exports under unknown (say Dutch) headers, told apart by what their columns hold."""
    if not 1 <= len(columns) <= 3 or not sample:
        return None
    shapes = [_shape([row[i] for row in sample if i < len(row)]) for i in range(len(columns))]
    by_name = {f.name: f for f in catalogue().formats}
    if shapes[0] == "url" and all(s == "date" for s in shapes[1:]) and len(columns) <= 2:
        mapping = {"source_url": columns[0], **({"last_seen": columns[1]} if len(columns) == 2 else {})}
        return _derived(by_name["gsc_links"], mapping)
    if len(columns) == 3 and shapes[1] == shapes[2] == "count":
        if shapes[0] == "host":
            return _derived(by_name["gsc_sites"], dict(zip(("domain", "links", "target_pages"), columns)))
        if shapes[0] == "url":
            return _derived(by_name["gsc_targets"], dict(zip(("target_url", "links", "ref_domains"), columns)))
    if len(columns) == 2 and shapes[0] == "count" and shapes[1] == "text":
        ranks = [int(re.sub(r"\D", "", row[0])) for row in sample if row and row[0].strip()]
        if ranks == sorted(ranks):
            return _derived(by_name["gsc_anchors"], dict(zip(("rank", "anchor"), columns)))
    return None


def _derived(spec: Format, mapping: dict[str, str]) -> Format:
    return replace(spec, layout=spec.layout + " (recognised by content)",
                   columns={k: (v,) for k, v in mapping.items()})


def _shape(cells: list[str]) -> str:
    cells = [c.strip() for c in cells if c and c.strip()]
    if not cells:
        return "empty"

    def share(test) -> float:
        return sum(1 for c in cells if test(c)) / len(cells)

    if share(_URL.match) >= 0.9:
        return "url"
    if share(_HOST.match) >= 0.9:
        return "host"
    if share(_COUNT.match) >= 0.9:
        return "count"
    values = pa.chunked_array([pa.array(cells, pa.string())])
    _, unreadable = to_dates(values)
    if len(unreadable) <= 0.1 * len(cells):
        return "date"
    return "text"


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold().replace("ë", "e")))


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a.replace(" ", "") == b.replace(" ", ""):
        return 0.98
    matcher = SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return 0.0  # upper bounds already below the threshold: no need for the full comparison
    return matcher.ratio()


__all__ = ["propose_mapping", "generic_format", "recognise_by_content"]
