"""Placement of every link on a parsed page: the main text block found by text density, then each link's spot."""

# Readability's idea, kept small so that a page takes well under a millisecond after parsing:
# text blocks score points (length, commas) that flow to their parent and grandparents; the
# best-scoring container, discounted by its link density and weighted by its class/id words, is
# the main block. A link is running text when it sits in that block, inside a paragraph-like
# element, with no boilerplate part (share bar, related stories, author box) in between.
#
# selectolax hands out a new Python object for every .parent call, so everything known about a
# node is kept in dicts keyed by its mem_id (the lexbor node's address), and each walk up the
# tree stops at the first node already seen: a page costs one visit per ancestor, not one per
# link per ancestor.

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from linkwijzer.datafiles import DataFileError, load_toml

PLACEMENTS = ("content", "content_list", "navigation", "header", "footer", "sidebar", "comments", "unknown")
DATA = Path(__file__).with_name("data") / "placement.toml"
KINDS = ("navigation", "header", "footer", "sidebar", "comments", "boilerplate")
NAMED = frozenset(("navigation", "header", "footer", "sidebar", "comments"))
_PAGE_TAGS = frozenset(("body", "html", "-document", "#document", None))
_ROOT = (None, False, None, None, None, None)
_POSITIVE_TAGS = frozenset(("article", "main"))
_BODY_PROPS = frozenset(("articleBody", "text", "reviewBody"))
_PARAGRAPHS = frozenset(("p", "pre", "blockquote"))
_HUMP = re.compile(r"([a-z0-9])([A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
# Inline tags say nothing about where text sits: a link in <strong> in a <p> is in the <p>.
INLINE_TAGS = frozenset(("span", "em", "strong", "b", "i", "u", "s", "small", "big", "font", "sup", "sub",
                     "mark", "abbr", "code", "time", "cite", "q", "label", "bdi", "bdo", "ins", "del",
                     "dfn", "kbd", "var", "wbr", "nobr", "center", "a", "picture", "img"))


@dataclass(frozen=True)
class Vocabulary:
    """The data file, ready to use."""

    scores: dict
    tag_scores: dict[str, float]
    content_tags: frozenset[str]
    list_tags: frozenset[str]
    tags: dict[str, str]
    roles: dict[str, str]
    words: dict[str, frozenset[str]]  # kind (or "positive") -> words
    prefixes: dict[str, tuple[str, ...]]
    buttons: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    data = load_toml(DATA)
    try:
        classes = data["classes"]
        return Vocabulary(
            scores=dict(data["scores"]), tag_scores={k: float(v) for k, v in data["scores"]["tag"].items()},
            content_tags=frozenset(data["running_text"]["content"]), list_tags=frozenset(data["running_text"]["list"]),
            tags=dict(data["tags"]), roles=dict(data["roles"]),
            words={k: frozenset(v["words"]) for k, v in classes.items()},
            prefixes={k: tuple(v.get("prefixes", ())) for k, v in classes.items()},
            buttons=frozenset(data["buttons"]["anchors"]))
    except (KeyError, TypeError, AttributeError) as error:
        raise DataFileError(DATA, str(error), "missing or malformed entry") from None


@lru_cache(maxsize=1 << 16)  # sites repeat their class names; bounded, since a server reads many sites
def _class_kind(value: str) -> tuple[str | None, bool]:
    """(boilerplate kind or None, has a content word) of one class+id string."""
    vocab = vocabulary()
    tokens = [t for t in _SPLIT.split(_HUMP.sub(r"\1 \2", value).lower()) if t]
    found: set[str] = set()
    for kind, words in vocab.words.items():
        prefixes = vocab.prefixes[kind]
        for token in tokens:
            if token in words or (prefixes and token.startswith(prefixes)):
                found.add(kind)
                break
    positive = "positive" in found
    if "embed" in found:
        return None, True
    for kind in KINDS:  # the order of KINDS is the precedence when an element names several
        if kind in found:
            return kind, positive
    return None, positive


class Page:
    """What the placement reader knows about one parsed page's nodes."""

    def __init__(self, tree, host: str = "") -> None:
        self.vocab = vocabulary()
        self.tree = tree
        self.nodes: dict[int, tuple] = {}  # mem_id -> what info() returns
        self.lists: dict[int, bool] = {}  # mem_id of a ul/ol -> only links to the site's own pages
        self.main_nodes: list = []  # the main text block and the siblings that joined it, once found
        self.host = host.lower().removeprefix("www.")
        self._tags, self._roles = self.vocab.tags, self.vocab.roles

    def info(self, node) -> tuple:
        """(own kind, own content word, decided, named, marked up, worded) of a node, ancestors filled in on the way.

        ``decided``: what the nearest element with a say (the node or an ancestor) makes it: a
        kind, "" for text, None when no element says. Only HTML5 tags, ARIA roles and itemprop
        have a say: class and id words differ from site to site, so they are weak evidence
        (``worded``, weighed by the placement model), never a verdict.
        ``named``: the nearest named kind (navigation ... comments) on the node or above, by any
        evidence, for naming a part. ``marked up``: the same, by tag or role only. ``worded``:
        what the nearest element whose class/id words say anything makes it (kind, "" or None).
        """
        memo, path = self.nodes, []
        above = _ROOT
        while node is not None:
            key = node.mem_id
            hit = memo.get(key)
            if hit is not None:
                above = hit
                break
            path.append((node, key))
            node = node.parent
        tags, roles, named_kinds = self._tags, self._roles, NAMED
        for n, key in reversed(path):
            # inlined: this loop runs for every element above every link and text block
            tag = n.tag
            kind = marked = tags.get(tag)
            positive = tag in _POSITIVE_TAGS
            worded = above[5]
            named = above[3]
            attrs = n.attributes if tag not in _PAGE_TAGS else None  # <body> classes name the template
            if attrs:
                role = attrs.get("role")
                if kind is None and role:  # tag, then ARIA role, then class/id words
                    kind = marked = roles.get(role.strip().lower())
                names = attrs.get("class")
                ident = attrs.get("id")
                if ident:
                    names = f"{names} {ident}" if names else ident
                if names:
                    by_class, pos = _class_kind(names if len(names) < 300 else names[:300])
                    if by_class is not None or pos:
                        worded = by_class if by_class is not None else ""
                    if by_class in named_kinds:
                        named = by_class
                if attrs.get("itemprop") in _BODY_PROPS:
                    kind, positive = None, True
            if marked in named_kinds:
                named = marked
            decided = kind if kind is not None else ("" if positive else above[2])
            above = memo[key] = (kind, positive, decided, named, marked if marked in named_kinds else above[4], worded)
        return above

    def internal(self, href: str) -> bool:
        """A link to this site: relative, or to the page's own host (www or not)."""
        href = href.strip().lower()
        if not href.startswith(("http:", "https:", "//")):
            return True
        host = href.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
        return bool(self.host) and host.removeprefix("www.") == self.host


def main_block(page: Page) -> set[int]:
    """mem_ids of the main text block (and siblings that join it); empty when the page has no text blocks."""
    s = page.vocab.scores
    minimum, per_point, cap = s["min_paragraph"], s["chars_per_point"], s["max_length_points"]
    shares = s["ancestor_shares"]
    candidates: dict[int, list] = {}  # mem_id -> [node, score]
    own = s["own_text_block"]
    blocks = []
    for b in page.tree.css("p, pre, blockquote, td, div, section, article, main, font, center, body"):
        if b.tag in _PARAGRAPHS:
            blocks.append((b, b.text()))
        elif len(t := b.text(deep=False)) >= own and len(t.strip()) >= own:
            blocks.append((b, t))
    for block, text in blocks:
        length = len(text.strip())
        if length < minimum or page.info(block)[2]:
            continue
        points = 1 + text.count(",") + min(length // per_point, cap)
        # bare text counts for the element that holds it; a paragraph for the one around it
        node = block if block.tag not in _PARAGRAPHS else block.parent
        for share in shares:
            if node is None or node.tag in ("html", "-document"):  # the body holds simple pages
                break
            entry = candidates.get(node.mem_id)
            if entry is None:
                entry = candidates[node.mem_id] = [node, _base_score(page, node)]
            entry[1] += points * share
            node = node.parent
    if not candidates:
        return set()
    return _expand(page, candidates)


def _expand(page: Page, candidates: dict[int, list]) -> set[int]:
    """The best candidate, moved up where the article is split over several of them, plus its good siblings."""
    s = page.vocab.scores

    def final(node) -> float | None:  # the score after link density, worked out once per candidate
        entry = candidates.get(node.mem_id)
        if entry is None:
            return None
        if len(entry) == 2:
            entry.append(entry[1] * (1 - _link_density(node)))
        return entry[2]

    ranked = sorted(candidates.values(), key=lambda e: e[1], reverse=True)[:5]
    ranked.sort(key=lambda e: final(e[0]), reverse=True)
    top, best = ranked[0][0], final(ranked[0][0])
    # Readability: when three or more near-best candidates share an ancestor with the best one,
    # that ancestor holds the article (text split into chunks around ads or figures).
    near = [e[0] for e in ranked[1:] if best > 0 and final(e[0]) >= 0.75 * best]
    if len(near) >= 3:
        lines = [_ancestor_ids(n) for n in near]
        node = top.parent
        while node is not None and node.tag not in ("body", "html"):
            if sum(node.mem_id in line for line in lines) >= 3:
                top = node
                break
            node = node.parent
    # Walk up while the parent scores at least as well (the text's real container), and past
    # wrappers that hold nothing else.
    last, node = final(top) or best, top.parent
    while node is not None and node.tag not in ("body", "html"):
        score = final(node)
        if score is not None:
            if score < last / 3:
                break
            if score > last:
                top = node
                break
            last = score
        node = node.parent
    while (parent := top.parent) is not None and parent.tag not in ("body", "html") and _only_child(top):
        top = parent
    page.main_nodes = [top]
    parent, best = top.parent, final(top) or best
    if parent is not None:
        floor = max(s["sibling_min_score"], best * s["sibling_share"])
        child = parent.child
        while child is not None:
            if child.mem_id != top.mem_id and (final(child) or 0) >= floor:
                page.main_nodes.append(child)
            child = child.next
    return {n.mem_id for n in page.main_nodes}


def _ancestor_ids(node) -> set[int]:
    out = set()
    node = node.parent
    while node is not None:
        out.add(node.mem_id)
        node = node.parent
    return out


def _only_child(node) -> bool:
    parent = node.parent
    child = parent.child if parent is not None else None
    elements = 0
    while child is not None:
        if child.tag not in ("-text", "-comment", "_text", "_comment"):
            elements += 1
            if elements > 1:
                return False
        child = child.next
    return True


def _base_score(page: Page, node) -> float:
    kind, positive = page.info(node)[:2]
    weight = page.vocab.scores["class_weight"]
    score = page.vocab.tag_scores.get(node.tag, 0.0)
    if positive:
        score += weight
    if kind is not None:
        score -= weight
    return score


def _link_density(node) -> float:
    text = len(node.text())
    if not text:
        return 1.0
    linked = sum(len(a.text()) for a in node.css("a"))
    return min(linked / text, 1.0)


def main_state(page: Page, node, main: set[int], state: dict) -> tuple[bool, str | None]:
    """(in the main block, what the nearest element with a say below the main block makes it)."""
    path = []
    while node is not None:
        key = node.mem_id
        known = state.get(key)
        if known is not None:
            break
        if key in main:
            known = state[key] = (True, None)
            break
        path.append(node)
        node = node.parent
    else:
        known = (False, None)
    if path and known[0]:
        page.info(path[0])  # fills in every node on the path
        nodes = page.nodes
        for n in reversed(path):
            kind, positive = nodes[n.mem_id][:2]
            below = kind if kind is not None else (None if positive else known[1])
            known = state[n.mem_id] = (True, below)
    else:
        for n in path:
            state[n.mem_id] = known
    return known


def text_spot(page: Page, link, main: set[int]) -> str | None:
    """content / content_list when the link's nearest block is running text, else None."""
    own = page.vocab.scores["own_text_block"]
    node = link.parent
    while node is not None and node.tag in INLINE_TAGS:
        if len(node.text(deep=False).strip()) >= own:  # a <span> of bare text, as some CMSs write
            return "content"
        node = node.parent
    if node is None:
        return None
    tag = node.tag
    if tag in page.vocab.content_tags:
        return "content"
    if tag in page.vocab.list_tags:
        return None if link_list(page, node.parent) else "content_list"
    # straight in the main block (bare text beside it), or in a block of bare text of its own
    if node.mem_id in main or len(node.text(deep=False).strip()) >= own:
        return "content"
    return None


def link_list(page: Page, listing) -> bool:
    """A list of nothing but links to the site's own pages: "more stories", not the article's list."""
    if listing is None:
        return False
    key = listing.mem_id
    hit = page.lists.get(key)
    if hit is None:
        items = listing.css("li")
        hit = len(items) >= 2 and all(_only_links(page, item) for item in items)
        page.lists[key] = hit
    return hit


def _only_links(page: Page, item) -> bool:
    text = len(item.text(strip=True))
    links = item.css("a[href]")
    if not links or not page.internal(links[0].attributes.get("href") or ""):
        return False
    return sum(len(a.text(strip=True)) for a in links) >= 0.9 * text


__all__ = ["INLINE_TAGS", "KINDS", "NAMED", "PLACEMENTS", "Page", "link_list", "main_block", "main_state", "text_spot",
           "vocabulary"]
