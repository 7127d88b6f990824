"""Topic suggestions for the relevance estimate: from the profile itself, and — on request — learned
from the site's own home page through the guarded fetcher. Suggestions only: the user picks and edits.

>>> page = "<html><head><title>Bakkerij De Korenaar – brood, meelsoorten en taarten</title></head>"
>>> page += "<body><h1>Ambachtelijk brood</h1><h2>Taarten op bestelling</h2><a href='/lunch'>Lunchboxen</a></body></html>"
>>> topics_of_page(page, ProfileSettings(site="korenaar.nl", brand=("De Korenaar",)))[:4]
['brood', 'taarten', 'bakkerij', 'meelsoorten']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from linkwijzer.profile.review.settings import ProfileSettings

MAX_TOPICS = 10
# Where a site says what it is about, and how much each place counts.
PLACES = (("title", 3), ("meta[name=description]", 2), ("h1", 3), ("h2", 2), ("nav a", 1), ("h3", 1))


@dataclass(frozen=True)
class LearnedTopics:
    topics: list[str]
    """Suggested topic words, most telling first (empty when the page could not be read)."""
    problem: str = ""
    """Why nothing was learned, in the user's language (the fetcher's message)."""


def topics_of_page(html: str, settings: ProfileSettings, limit: int = MAX_TOPICS) -> list[str]:
    """The words a home page stresses (title, description, headings, menu), without brand, button and
    filler words — what the site says it is about, in its own language."""
    from linkwijzer.profile.signals.keyword_anchors import not_topic_words, site_name_words, words

    tree = HTMLParser(html)
    skip = not_topic_words(site_name_words(settings, _no_links()))
    weight: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for selector, points in PLACES:
        for node in tree.css(selector)[:40]:
            text = node.attributes.get("content") or "" if selector.startswith("meta") else node.text(separator=" ")
            for word in words(text or ""):
                if len(word) >= 3 and word not in skip and not any(ch.isdigit() for ch in word):
                    weight[word] += points
                    first_seen.setdefault(word, len(first_seen))
    ranked = sorted(weight, key=lambda w: (-weight[w], first_seen[w]))
    return ranked[:limit]


def learn_topics(site: str, settings: ProfileSettings, lang: str = "nl", config=None) -> LearnedTopics:
    """Fetch the site's home page (guarded: no private addresses, size and time capped) and read its topics."""
    from linkwijzer.inspect.fetch import fetch

    url = site if "://" in site else f"https://{site.strip().strip('/')}/"
    fetched = fetch(url, config)
    if fetched.error or not fetched.text:
        return LearnedTopics([], fetched.message(lang))
    return LearnedTopics(topics_of_page(fetched.text, settings))


def _no_links():
    import pandas as pd

    return pd.DataFrame({"source_url": pd.Series([], dtype=object)})


__all__ = ["LearnedTopics", "topics_of_page", "learn_topics", "MAX_TOPICS"]
