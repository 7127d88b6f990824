"""Text helpers of the page reader: tidy text, the sentence around a link, a page's key terms and its language."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from linkwijzer.profile.signals.keyword_anchors import forms, vocabulary

CONTEXT_CHARS = 300
TERMS = 200  # key terms kept per page: enough for a topic list of a few words to find itself
TERM_TEXT = 20_000  # characters of main text read for terms; later text rarely changes the top terms
_SPACE = re.compile(r"\s+")
# A sentence ends at . ! ? or … followed by a space and something that can start one; an
# abbreviation ("e.g. this") now and then cuts a sentence short, which only shortens the context.
_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ])")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TERMS_OF: dict[str, tuple[str, ...]] = {}
_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")  # anchor_mix's word pattern
_SYMBOLS = re.compile(r"[^\w\s'-]")  # punctuation and symbols only separate words
_QUOTES = (("’", "'"), ("‘", "'"), ("´", "'"), ("`", "'"), ("“", '"'), ("”", '"'), ("„", '"'))  # as words() reads them
# Function words that say which language a text is in, not what it is about.
_MARKERS = {
    "nl": frozenset("de het een en van is niet dat op voor met zijn je ook naar bij wordt maar deze dit "
                    "wat nog als aan hebben worden geen wij jij onze uw meer".split()),
    "en": frozenset("the and of to is not that on for with are you this from by was have has will "
                    "but which their they been more or".split()),
}


def tidy(text: str) -> str:
    """Whitespace collapsed to single spaces, trimmed."""
    return " ".join(text.split())


def sentence_around(block: str, anchor: str, limit: int = CONTEXT_CHARS) -> str:
    """The sentence of ``block`` that holds ``anchor``, cut to about ``limit`` characters around it.

    >>> sentence_around("Eerst dit. Lees meer bij Fietsen van Dijk in Utrecht. Daarna dat.", "Fietsen van Dijk")
    'Lees meer bij Fietsen van Dijk in Utrecht.'
    """
    if not block:
        return anchor[:limit]
    if block == anchor or len(block) < 60 and not _END.search(block):
        return block[:limit]  # a menu item or a caption: the block is the whole sentence
    at = block.find(anchor) if anchor else -1
    if at < 0:
        at, size = 0, 0
    else:
        size = len(anchor)
    # only a window around the anchor is searched: a block can be a whole page of bare text
    lo = max(0, at - 4 * limit)
    start = lo
    for match in _END.finditer(block, lo, at):
        start = match.end()
    end_match = _END.search(block, at + size, at + size + 4 * limit)
    end = end_match.start() + 1 if end_match else min(len(block), at + size + 4 * limit)
    start, end = _trim(start, end, at, size, limit)
    text = block[start:end].strip()
    return ("…" if start > 0 and block[start - 1] not in " .!?…" else "") + text + \
        ("…" if end < len(block) and not text.endswith((".", "!", "?", "…")) else "")


def _trim(start: int, end: int, at: int, size: int, limit: int) -> tuple[int, int]:
    """Narrow [start, end) to ``limit`` characters, keeping the anchor and as much on both sides."""
    if end - start <= limit:
        return start, end
    if size >= limit:  # an anchor longer than the whole window (markup read as text): its start only
        return at, at + limit
    room = max(0, limit - size)
    left = min(at - start, room // 2)
    right = min(end - (at + size), room - left)
    left = min(at - start, room - right)
    return at - left, at + size + right


def terms(text: str, extra: str = "", limit: int = TERMS) -> frozenset[str]:
    """The page's key terms: its most frequent content words in one stemmed form (Dutch and English).

    ``extra`` (title, description) counts three times: it says what the page is about.

    >>> sorted(terms("Fietsen repareren: wij repareren fietsen en e-bikes.", limit=2))
    ['fiets', 'reparer']
    """
    counts: Counter[str] = Counter()
    for source, weight in ((text[:TERM_TEXT], 1), (extra[:2000], 3)):
        # count the raw tokens in C first; the word rules then run once per distinct token
        for token, n in Counter(_TOKEN.findall(_fold(source).lower())).items():
            found = _TERMS_OF.get(token)
            if found is None:
                found = _terms_of(token)
            for word in found:
                counts[word] += n * weight
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return frozenset(t for t, _ in ranked[:limit])


def _terms_of(token: str) -> tuple[str, ...]:
    """The terms of one token (none for stop words, numbers, short words), remembered across pages."""
    stop = vocabulary().stopwords
    found = tuple(term(w) for w in _split(token) if len(w) >= 3 and not w.isdigit() and w not in stop)
    if len(_TERMS_OF) > 300_000:  # a bound, not a policy: the web has more words than memory
        _TERMS_OF.clear()
    _TERMS_OF[token] = found
    return found


def _split(token: str) -> list[str]:
    """anchor_mix.words() for one folded, lower-case token: "e-bike" -> ebike, "fietsen-utrecht" -> two."""
    if "-" not in token and "'" not in token:
        return [token]
    parts = token.replace("'", "").split("-")
    if len(parts) > 1 and len(parts[0]) == 1:
        parts = ["".join(parts[:2]), *parts[2:]]
    return parts


def _fold(text: str) -> str:
    """Accents off and symbols out with C-speed calls, so that words() takes its fast ASCII path.

    words() folds accents one character at a time, which is fine for anchors and slow for a
    page of text; the words come out the same.
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    for quote, plain in _QUOTES:  # str.replace per quote: translate() looks up every character
        if quote in text:
            text = text.replace(quote, plain)
    return _SYMBOLS.sub(" ", _COMBINING.sub("", unicodedata.normalize("NFKD", text)))


@lru_cache(maxsize=100_000)
def term(word: str) -> str:
    """One comparable form of a word: the shortest of the word and its Dutch and English stems.

    The same word gets the same form whichever language its page is in, so a Dutch page and an
    English page about "e-bikes" share the term.
    """
    return min(forms(word), key=lambda f: (len(f), f))


def guess_language(text: str) -> str:
    """'nl' or 'en' by their function words, '' when the text is too short or says neither clearly."""
    seen = Counter(text[:5000].lower().split())
    counts = {lang: sum(seen[w] for w in markers if w in seen) for lang, markers in _MARKERS.items()}
    best = max(counts, key=counts.get)
    rest = sum(counts.values()) - counts[best]
    return best if counts[best] >= 5 and counts[best] >= 2 * rest else ""


__all__ = ["CONTEXT_CHARS", "guess_language", "sentence_around", "term", "terms", "tidy"]
