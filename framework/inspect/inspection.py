"""One link inspected end to end: fetch the linking page, read it, and map what was found to the traits.

The result is evidence and suggestions; the user's answers stay the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linkwijzer.inspect.evidence import Evidence, evidence_for
from linkwijzer.inspect.fetch import FetchConfig, FetchResult, fetch
from linkwijzer.inspect.read import LinkReading, PageReading, read_page


@dataclass
class Inspection:
    fetched: FetchResult
    reading: PageReading | None = None
    evidence: list[Evidence] = field(default_factory=list)
    target_fetched: FetchResult | None = None

    @property
    def ok(self) -> bool:
        return self.fetched.ok and self.reading is not None

    def suggestions(self) -> dict[str, str]:
        """Trait -> suggested answer, for the traits where the page said something."""
        return {e.trait: e.suggestion for e in self.evidence if e.suggestion != "unknown"}

    def to_json(self, lang: str, *, all_links: bool = False) -> dict:
        """The JSON of ``linkwijzer inspect`` (``--all-links`` lists every ``<a href>`` in document order)."""
        reading = self.reading
        out = {"url": self.fetched.url, "status": self.fetched.status, "final_url": self.fetched.final_url,
               "error": self.fetched.error, "message": self.fetched.message(lang) or None,
               "found": bool(reading and reading.found)}
        if reading is None:
            return {**out, "links": [], "outbound_links": None, "title": None, "lang": None, "robots": None,
                    "evidence": []}
        links = reading.links if all_links else reading.found
        return {**out,
                "links": [_all_link(link) if all_links else _found_link(link) for link in links],
                "outbound_links": reading.outbound_links,
                "outbound_domains": len(reading.outbound_domains),
                "title": reading.title, "lang": reading.lang,
                "robots": {"noindex": reading.robots.noindex, "nofollow": reading.robots.nofollow},
                "canonical": reading.canonical or None,
                "evidence": [e.as_dict() for e in self.evidence]}


def inspect_link(source_url: str, target: str, *, brand: tuple[str, ...] = (), keywords: tuple[str, ...] = (),
                 lang: str = "nl", config: FetchConfig | None = None, compare_target: bool = True) -> Inspection:
    """Fetch and read ``source_url``, look for links to ``target`` (a URL or a domain), collect evidence.

    With ``compare_target`` the target page is fetched too (through the same guard), so relevance
    can compare the two pages' terms; when that fails, relevance evidence says it could not compare.
    """
    config = config or FetchConfig()
    fetched = fetch(source_url, config)
    if not fetched.ok or not fetched.text:
        return Inspection(fetched)
    reading = read_page(fetched.text, fetched.final_url or source_url, target=target, lang=lang)
    target_terms, target_fetched = None, None
    if compare_target and target.startswith(("http://", "https://")):
        target_fetched = fetch(target, config)
        if target_fetched.ok and target_fetched.text:
            target_terms = read_page(target_fetched.text, target_fetched.final_url or target, lang=lang).text_terms
    evidence = evidence_for(reading, target=target, target_terms=target_terms, brand=brand, keywords=keywords,
                            lang=lang)
    return Inspection(fetched, reading, evidence, target_fetched)


def _found_link(link: LinkReading) -> dict:
    return {"href": link.href, "anchor": link.anchor, "rel": sorted(link.rel), "placement": link.placement,
            "context": link.context}


def _all_link(link: LinkReading) -> dict:
    return {"index": link.index, "href": link.href, "url": link.url, "anchor": link.anchor, "rel": sorted(link.rel),
            "placement": link.placement}
