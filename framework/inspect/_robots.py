"""robots.txt as RFC 9309 reads it: groups per product token, the longest matching rule wins."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

# urllib.robotparser applies the first matching rule in file order and knows no * or $; RFC 9309
# (and Google) use the most specific (longest) match with Allow winning a tie, so a site's
# "Disallow: /  Allow: /blog/" means what its author meant.


@dataclass(frozen=True)
class Robots:
    """The rules of one robots.txt that apply to one product token."""

    rules: tuple[tuple[bool, str], ...] = ()
    """(allowed, path pattern) pairs; an empty tuple allows everything.

    >>> robots = parse("User-agent: *\\nDisallow: /\\nAllow: /blog/", "Linkwijzer")
    >>> robots.allows("/blog/post"), robots.allows("/shop")
    (True, False)
    """

    def allows(self, path: str) -> bool:
        """Whether the path (with its query) may be fetched."""
        path = unquote(path or "/")
        if path == "/robots.txt":
            return True
        best: tuple[int, bool] | None = None
        for allowed, pattern in self.rules:
            if _matches(pattern, path):
                candidate = (len(pattern), allowed)  # longer wins; at equal length True (allow) wins
                if best is None or candidate > best:
                    best = candidate
        return True if best is None else best[1]


# Bounds on what one robots.txt may cost per URL checked (Google reads at most 500 KiB of one).
MAX_RULES, MAX_PATTERN = 2000, 2048
ALLOW_ALL = Robots()
DISALLOW_ALL = Robots(((False, "/"),))


def parse(text: str, agent: str) -> Robots:
    """The rules for ``agent`` (a product token such as ``Linkwijzer``): its own groups, else ``*``."""
    groups: list[tuple[set[str], list[tuple[bool, str]]]] = []
    agents: set[str] = set()
    rules: list[tuple[bool, str]] = []
    in_rules = False
    for line in text.splitlines():
        key, sep, value = line.split("#", 1)[0].partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key in ("user-agent", "useragent"):
            if in_rules:  # a user-agent line after rules starts the next group
                groups.append((agents, rules))
                agents, rules, in_rules = set(), [], False
            agents.add(value.lower())
        elif key in ("allow", "disallow"):
            in_rules = True
            if value and agents and len(rules) < MAX_RULES:  # an empty Disallow allows everything: no rule
                rules.append((key == "allow", unquote(value)[:MAX_PATTERN]))
    if agents:
        groups.append((agents, rules))
    token = agent.split("/", 1)[0].strip().lower()
    mine = [r for a, group in groups if token in a for r in group]
    if not any(token in a for a, _ in groups):
        mine = [r for a, group in groups if "*" in a for r in group]
    return Robots(tuple(mine))


def _matches(pattern: str, path: str) -> bool:
    """Whether a rule (``*`` any run of characters, a final ``$`` the end) matches the start of ``path``.

    Each literal piece is found leftmost, once: time linear in the path per piece, never the
    exponential backtracking a regex of many ``.*`` takes on a crafted path.

    >>> _matches("/*a*a*a*X", "/" + "a" * 60), _matches("/shop*.php$", "/shop/cart.php")
    (False, True)
    """
    anchored = pattern.endswith("$")
    parts = (pattern[:-1] if anchored else pattern).split("*")
    if not path.startswith(parts[0]):
        return False
    position = len(parts[0])
    if len(parts) == 1:
        return not anchored or position == len(path)
    for part in parts[1:-1]:
        found = path.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    last = parts[-1]
    if anchored:
        return path.endswith(last) and len(path) - len(last) >= position
    return path.find(last, position) >= 0


__all__ = ["Robots", "parse", "ALLOW_ALL", "DISALLOW_ALL"]
