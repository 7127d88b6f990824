"""General evidence about where each link of a page sits: the numbers the placement model weighs.

Every feature is something any web page has, not a word learned from the pages the model was
fitted on. For each link inside the page's main text block (found by text density): what kind of
block holds it (paragraph, heading, list item, cell, bare text), how much of that block is link
text, how much plain text surrounds the link and whether it reads as sentences, how big the block
is against the page, where the link stands in the page, whether HTML5/ARIA semantics or class/id
words (a weak, general vocabulary in data/placement.toml) name the part it is in. Values are scaled to about 0..1 so that the weights in
data/placement_model.toml can be read side by side.
"""

# Blocks are shared by the links in them (a menu, a paragraph with three links), so what is known
# about a block is worked out once per page, keyed by the lexbor node's mem_id.

from __future__ import annotations

from math import log1p

import numpy as np

from linkwijzer.inspect._placement import INLINE_TAGS, KINDS, Page, main_block, main_state, text_spot

FEATURES = (
    "boilerplate_below", "paragraph", "heading", "list_item", "cell", "bare_text", "link_density", "text_around",
    "sentences", "links_in_block", "block_share", "markup_part", "class_part", "class_text", "internal", "button",
    "anchor_words", "position", "text_spot",
)
_PARAGRAPHS = frozenset(("p", "blockquote", "figcaption", "pre", "dd", "dt"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_CELLS = frozenset(("td", "th"))
_BOILERPLATE = frozenset(KINDS)
_EDGES = " \t\r\n.,;:!?()[]|•·@#"
_NOT_PAGES = ("mailto:", "tel:", "javascr", "sms:", "data:")
# log1p scales: the sizes at which a feature reaches 1
_TEXT_SCALE = log1p(2000)
_LINKS_SCALE = log1p(50)
_WORDS_SCALE = log1p(12)


def block_of(link):
    """The nearest element around a link that is not inline markup (a <p>, <li>, <td>, <div> ...)."""
    node = link.parent
    while node is not None and node.tag in INLINE_TAGS:
        node = node.parent
    return node


def link_text(block) -> tuple[str, int, int, int]:
    """(text, its length, the length of its links' text, how many links) of a block, spaces trimmed."""
    text = block.text()
    links = block.css("a")
    return text, len(text.strip()), sum(len(a.text().strip()) for a in links), len(links)


def _block_facts(block, own: int) -> list[float]:
    """paragraph .. block_share columns of one block, block_share as its text length (divided later)."""
    tag = block.tag
    text, length, linked, links = link_text(block)
    plain = max(length - linked, 0)
    return [float(tag in _PARAGRAPHS), float(tag in _HEADINGS), float(tag == "li"), float(tag in _CELLS),
            float(len(block.text(deep=False).strip()) >= own),
            min(linked / length, 1.0) if length else 1.0, min(log1p(plain) / _TEXT_SCALE, 1.0),
            float(plain >= 40 and (". " in text or ", " in text)),
            min(log1p(links) / _LINKS_SCALE, 1.0), float(length)]


_BLOCK_COLUMNS = [FEATURES.index(name) for name in ("paragraph", "heading", "list_item", "cell", "bare_text",
                                                     "link_density", "text_around", "sentences", "links_in_block",
                                                     "block_share")]
_LINK_COLUMNS = [FEATURES.index(name) for name in ("boilerplate_below", "markup_part", "class_part", "class_text",
                                                    "internal", "button", "anchor_words", "position", "text_spot")]
_SHARE = FEATURES.index("block_share")


def link_features(page: Page, links: list, anchors: list[str] | None) -> tuple[np.ndarray, list[int], list]:
    """Features of the links inside the main text block: a matrix with one row of FEATURES per such
    link, their positions in ``links``, and every link's block (None for a link with no parent).

    Links outside the main block are never running text (on the labelled pages 7 of 526 text
    links were, against 9,700 that were not), so they cost one walk up the tree and nothing more.
    Per block, what its links share is worked out once. Without ``anchors`` the links' texts are
    read where needed.
    """
    main = main_block(page)
    own = page.vocab.scores["own_text_block"]
    buttons = page.vocab.buttons
    info, internal = page.info, page.internal
    state: dict[int, tuple[bool, str | None]] = {}
    index: dict[int, int] = {}  # block mem_id -> row in facts
    facts: list[list[float]] = []
    blocks, chosen, where, per_link = [], [], [], []
    total = max(len(links), 1)
    # which links are in the main block, asked of lexbor once, so that the other links need no walk
    inside = {a.mem_id for node in page.main_nodes for a in node.css("a[href]")}
    for i, link in enumerate(links):
        block = block_of(link)
        blocks.append(block)
        if block is None or link.mem_id not in inside:
            continue
        parent = link.parent
        below = main_state(page, parent, main, state)[1]
        key = block.mem_id
        row = index.get(key)
        if row is None:
            row = index[key] = len(facts)
            facts.append(_block_facts(block, own))
        chosen.append(i)
        where.append(row)
        _, _, decided, _, markup, worded = info(parent)
        anchor = anchors[i] if anchors is not None else link.text()
        href = link.attributes.get("href") or ""
        button = (len(anchor) < 20 and anchor.strip(_EDGES).lower() in buttons) or \
            href.lstrip()[:7].lower().startswith(_NOT_PAGES)
        spot = below is None and not button and text_spot(page, link, main) is not None
        words = anchor.count(" ") + 1 if anchor.strip() else 0
        per_link.append([below is not None, markup is not None or decided in _BOILERPLATE, worded in _BOILERPLATE,
                         worded == "", internal(href), button, min(log1p(words) / _WORDS_SCALE, 1.0), i / total,
                         spot])
    x = np.zeros((len(chosen), len(FEATURES)))
    if chosen:
        block_rows = np.array(facts)[np.array(where)]
        main_text = max(sum(len(n.text().strip()) for n in page.main_nodes), 1)
        block_rows[:, -1] = np.minimum(block_rows[:, -1] / main_text, 1.0)
        x[:, _BLOCK_COLUMNS] = block_rows
        x[:, _LINK_COLUMNS] = np.array(per_link, dtype=float)
    return x, chosen, blocks


__all__ = ["FEATURES", "block_of", "link_features", "link_text"]
