"""Tables for people: headers, category values and flags in the reader's language.

The domain's tables use ids (``not_relevant``, ``sitewide_links``, ``True``); every table a page
shows goes through ``for_people`` first, so no id reaches a Dutch screen. Headers come from the
table's own namespace (``<signal id>.table.<column>``) or the shared ``columns.<column>``.

>>> import pandas as pd
>>> for_people(pd.DataFrame({"domain": ["a.nl"], "relevance": ["not_relevant"], "counted": [True]}), "nl").iloc[0].to_dict()
{'Domein': 'a.nl', 'Relevantie': 'Niet relevant', 'Telt mee': 'ja'}
"""

from __future__ import annotations

import pandas as pd

from linkwijzer.i18n import has_text, text
from linkwijzer.present.formatting import yes_no

# Columns whose values are ids of a vocabulary, and where the vocabulary's words live.
VALUES = {
    "relevance": "irrelevant_sources.label",
    "label": "irrelevant_sources.label",
    "anchor_class": "keyword_anchors.class",
    "class": "keyword_anchors.class",
    "placement": "boilerplate_placement.class",
    "placement_class": "boilerplate_placement.class",
    "kind": "repeated_sources.kind",
    "explanation": "repeated_sources.explanation_short",
    "platform": "compare.platform",
    "level": "review.levels",
    "rel": "ui.review.rel",
}


def header(lang: str, column: str, namespace: str | None = None) -> str:
    """A column's header: the table's own text, else the shared one; a missing text is an error, not an id."""
    for key in ((f"{namespace}.{column}",) if namespace else ()) + (f"columns.{column}",):
        if has_text(lang, key):
            return text(lang, key)
    raise KeyError(f"no header text for column {column!r} (looked in {namespace or '-'} and columns)")


def value(lang: str, column: str, item: object) -> object:
    """One cell as a person reads it: a vocabulary id as its word, a flag as yes/no, a list joined, nothing as empty."""
    if item is None:
        return ""
    if isinstance(item, bool):
        return yes_no(item, lang)
    if isinstance(item, (list, tuple)):
        return ", ".join(str(v) for v in item)
    vocabulary = VALUES.get(column)
    if vocabulary and isinstance(item, str) and has_text(lang, f"{vocabulary}.{item}"):
        return text(lang, f"{vocabulary}.{item}")
    return item


def for_people(frame: pd.DataFrame, lang: str, namespace: str | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with translated headers and values (per distinct value, never per row)."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_bool_dtype(series.dtype) or column in VALUES or series.dtype == object:
            distinct = series.astype(object).drop_duplicates()
            if len(distinct) <= 10_000 and all(isinstance(v, (str, bool, list, tuple)) or v is None
                                                for v in distinct.head(50)):
                words = {_key(v): value(lang, column, v) for v in distinct}
                series = series.astype(object).map(lambda v: words.get(_key(v), v))
        out[header(lang, column, namespace)] = series
    return out


def _key(item: object) -> object:
    return tuple(item) if isinstance(item, list) else item


__all__ = ["VALUES", "header", "value", "for_people"]
