"""The reclaim list: links to the site's own dead pages (Ahrefs' broken backlinks), most valuable first.

Such a report is not a profile to judge: every link in it points at a page that answers 404, so
the work is to redirect or restore the target. The list says which dead page, from where, with
which anchor, and how much the linking site weighs, so the most valuable ones are fixed first.
"""

from __future__ import annotations

import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.present.spreadsheet import safe_csv_frame

# Public columns of the reclaim list (JSON keys and CSV headers, the same in both languages).
COLUMNS = ("target_url", "target_http_code", "source_url", "domain", "anchor", "domain_rating", "url_rating",
           "page_traffic", "nofollow")
# The most valuable first: the linking site's authority, then the page's own, then its traffic.
VALUE = ("domain_rating", "url_rating", "page_traffic")


def reclaim_list(table: pd.DataFrame) -> pd.DataFrame:
    """One row per link to a dead page, most valuable first; columns ``COLUMNS`` (missing ones empty)."""
    if table is None or not len(table):
        return pd.DataFrame(columns=list(COLUMNS))
    out = pd.DataFrame({
        "target_url": table.get("target_url"), "target_http_code": table.get("target_http_code"),
        "source_url": table.get("source_url"), "domain": table.get("source_domain"), "anchor": table.get("anchor"),
        **{c: table.get(c) for c in ("domain_rating", "url_rating", "page_traffic", "nofollow")},
    }, index=table.index).astype({"target_url": object, "domain": object})
    keys = [c for c in VALUE if out[c].notna().any()]
    if keys:
        out = out.sort_values(keys, ascending=False, na_position="last", kind="stable")
    return out.reset_index(drop=True)


def dead_targets(table: pd.DataFrame) -> pd.DataFrame:
    """Per dead page: how many links and domains point at it — the pages worth a redirect first."""
    listed = reclaim_list(table)
    if not len(listed):
        return pd.DataFrame(columns=["target_url", "links", "domains", "best_domain_rating"])
    grouped = listed.groupby("target_url", sort=False)
    out = pd.DataFrame({"links": grouped.size(), "domains": grouped["domain"].nunique(),
                        "best_domain_rating": grouped["domain_rating"].max()})
    return out.sort_values(["domains", "best_domain_rating"], ascending=False).reset_index()


def reclaim_json(table: pd.DataFrame) -> list[dict]:
    listed = reclaim_list(table)
    return [{k: (None if pd.isna(v) else v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in listed.to_dict("records")]


def reclaim_csv(table: pd.DataFrame, lang: str) -> bytes:
    """The reclaim list as a spreadsheet-safe CSV (``;`` in Dutch), headers in ``lang``."""
    headers = {c: text(lang, f"columns.{c}") for c in COLUMNS}
    return safe_csv_frame(reclaim_list(table), headers, delimiter=";" if lang == "nl" else ",")


__all__ = ["COLUMNS", "reclaim_list", "dead_targets", "reclaim_json", "reclaim_csv"]
