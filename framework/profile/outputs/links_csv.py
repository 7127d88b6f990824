"""The classified links as CSV: what the review concluded per link, for a spreadsheet or a script.

The first columns are a public interface, the same names and values in both languages:
``domain, source_url, target_url, anchor, anchor_class, placement, relevance, lost, in_burst,
repeated_group`` (ids such as ``exact``, ``not_relevant``; flags ``true``/``false``). The Dutch file
adds the same judgments in Dutch words in columns of its own, for people; a script reads the ids.
Cells are defused against formulas and the file opens in Excel (``;`` and a decimal comma in Dutch).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.present.spreadsheet import safe_csv_frame
from linkwijzer.present.tables import value

PUBLIC = ("domain", "source_url", "target_url", "anchor", "anchor_class", "placement", "relevance", "lost",
          "in_burst", "repeated_group")
EXTRA = ("first_seen", "last_seen", "nofollow", "sponsored", "ugc", "sitewide", "source_title", "source_file")
# The Dutch file repeats these in words; the header is the column's Dutch name (columns.<name>).
IN_WORDS = ("anchor_class", "placement", "relevance", "lost", "in_burst")
DELIMITERS = {"nl": ";", "en": ","}


def links_table(review) -> pd.DataFrame:
    """One row per reviewed link: the public columns, then the useful canonical ones."""
    links, m = review.table, review.measured
    n = len(links)

    def column(name: str) -> object:
        return links[name].astype(object).to_numpy() if name in links else np.full(n, None, dtype=object)

    def ids(series: pd.Series | None) -> np.ndarray:
        if series is None:
            return np.full(n, None, dtype=object)
        return series.astype(object).where(series.notna(), None).to_numpy()

    group = getattr(m["repeated_sources"], "group", None)
    out = pd.DataFrame({
        "domain": column("source_domain"), "source_url": column("source_url"), "target_url": column("target_url"),
        "anchor": column("anchor"),
        "anchor_class": ids(m["keyword_anchors"].classes), "placement": ids(m["boilerplate_placement"].placement),
        "relevance": ids(m["irrelevant_sources"].per_link),
        "lost": links["lost"].fillna(False).to_numpy(bool) if "lost" in links else np.zeros(n, bool),
        "in_burst": m["link_bursts"].in_burst.to_numpy(bool),
        "repeated_group": ids(group) if group is not None else np.full(n, None, dtype=object),
    }, index=links.index)
    for name in EXTRA:
        if name in links:
            out[name] = links[name].to_numpy()
    return out.reset_index(drop=True)


def classified_links_csv(review, lang: str) -> bytes:
    """The classified links, safe for a spreadsheet; ids and ``true``/``false`` in every language."""
    table = links_table(review)
    headers = {}
    if lang == "nl":  # the judgments again in Dutch words, each distinct value translated once
        for name in IN_WORDS:
            column = table[name].astype(object)
            words = {v: value(lang, name, v) for v in column.dropna().unique()}
            table[f"{name}_nl"] = column.map(words).fillna("")
            headers[f"{name}_nl"] = text(lang, f"columns.{name}")
        # Excel with Dutch settings reads "45.5" as 455 or as text: write the decimal comma it expects.
        for name in table.columns[[pd.api.types.is_float_dtype(d) for d in table.dtypes]]:
            table[name] = table[name].round(4).astype("string[pyarrow]").str.replace(".", ",", regex=False)
    for name in ("lost", "in_burst", "nofollow", "sponsored", "ugc", "sitewide"):
        if name in table:
            flags = table[name].astype(object)
            table[name] = flags.map(lambda v: "" if v is None or v is pd.NA or v != v else ("true" if v else "false"))
    return safe_csv_frame(table, headers, delimiter=DELIMITERS.get(lang, ","))


__all__ = ["PUBLIC", "links_table", "classified_links_csv"]
