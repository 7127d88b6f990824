"""What a review looks at when the files hold more than one thing: several target sites, reclaim rows,
and the notes that say what was folded or left out — the same sentences for the page, CLI and report."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from linkwijzer.i18n import text
from linkwijzer.present.formatting import count
from linkwijzer.profile.importing.importer import ImportResult


@dataclass
class Scope:
    links: pd.DataFrame
    """The links to review: those to the chosen site when the files point at several."""
    sites: list[tuple[str, int]] = field(default_factory=list)
    site: str = ""
    """The site reviewed when the files point at several (empty: one site, or none matched)."""
    notes: list[str] = field(default_factory=list)


def scope_of(imported: ImportResult, site: str, lang: str) -> Scope:
    """Pick the links of ``site`` when the exports point at several sites, and say so."""
    sites = imported.target_sites
    notes = []
    if imported.folding.within_files:
        notes.append(text(lang, "import.folded.within", count=count(imported.folding.within_files, lang)))
    if imported.folding.across_files:
        notes.append(text(lang, "import.folded.across", count=count(imported.folding.across_files, lang)))
    if len(sites) <= 1:
        return Scope(imported.links, sites, "", notes)
    named = ", ".join(text(lang, "import.sites.site_links", site=s, links=count(n, lang)) for s, n in sites)
    notes.append(text(lang, "import.sites.several", count=len(sites), sites=named))
    if site not in {s for s, _ in sites}:
        notes.append(text(lang, "import.sites.none_match", site=site or "?"))
        return Scope(imported.links, sites, "", notes)
    links = imported.links_to(site)
    notes.append(text(lang, "import.sites.reviewed", links=count(len(links), lang), site=site))
    return Scope(links, sites, site, notes)


__all__ = ["Scope", "scope_of"]
