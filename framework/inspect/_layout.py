"""Where a part of the page stands against its main text: in a band above or below it, or in a column beside it.

Pre-HTML5 pages (table layouts, bare divs) name none of their parts, so their menus, side
columns and footers are named from the page's shape instead: walk up from a link until the path
meets the main block's own line of ancestors. Where it meets at the page's top level (the
first element, from <body> down, that splits into several parts), the link is in a band across
the page: above the text a menu (many links) or a header, below it a footer. Where it meets
lower down, it is in a column beside the text: a menu when it is a run of links before the
text, a sidebar otherwise. A part in the text's own container (tags, a byline under the text)
is none of these.
"""

from __future__ import annotations

_NOT_PARTS = frozenset(("-text", "_text", "-comment", "_comment", "script", "style", "noscript", "template",
                        "link", "meta", "br", "hr"))
_TOP = frozenset(("-document", "#document", "html"))


class Layout:
    """The main block's line of ancestors, ready to place other parts against it."""

    def __init__(self, main_nodes: list) -> None:
        self.toward: dict[int, object] = {}  # mem_id of an ancestor of the main block -> its child on that line
        self.depth: dict[int, int] = {}
        self.level = -1  # depth of the page's top level; -1 when there is no main block
        self.main = {n.mem_id for n in main_nodes}
        self.memo: dict[int, str | None] = {}
        if not main_nodes:
            return
        chain, child, node = [], main_nodes[0], main_nodes[0].parent
        while node is not None:
            self.toward[node.mem_id] = child
            chain.append(node)
            child, node = node, node.parent
        chain.reverse()
        for depth, node in enumerate(chain):
            self.depth[node.mem_id] = depth
        self.level = next((d for d, n in enumerate(chain) if n.tag not in _TOP and _parts(n) >= 2), len(chain) - 1)

    def kind(self, block, menu: bool) -> str | None:
        """navigation, header, footer or sidebar for a block outside the main text; None when the page has no main block."""
        if self.level < 0 or block is None:
            return None
        key = block.mem_id
        if key in self.memo:
            return self.memo[key]
        node = block
        while node.parent is not None and node.parent.mem_id not in self.toward:
            if node.mem_id in self.main:
                return None
            node = node.parent
        meet = node.parent
        if meet is None or node.mem_id in self.main:
            return None
        toward = self.toward[meet.mem_id]
        before = _before(node, toward)
        if toward.mem_id in self.main and meet.tag != "tr":
            kind = None  # right beside the text in its own container: tags, a byline, a share bar
        elif self.depth[meet.mem_id] <= self.level:
            kind = ("navigation" if menu else "header") if before else "footer"
        else:
            kind = "navigation" if menu and before else "sidebar"
        self.memo[key] = kind
        return kind


def _parts(node) -> int:
    count, child = 0, node.child
    while child is not None:
        count += child.tag not in _NOT_PARTS
        child = child.next
    return count


def _before(node, other) -> bool:
    """Whether ``node`` comes before its sibling ``other``."""
    sibling = node.next
    while sibling is not None:
        if sibling.mem_id == other.mem_id:
            return True
        sibling = sibling.next
    return False


__all__ = ["Layout"]
