"""robots.txt as RFC 9309 reads it: groups per product token, the longest matching rule wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
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
        for allowed, pattern, regex in self._compiled:
            if regex.match(path):
                candidate = (len(pattern), allowed)  # longer wins; at equal length True (allow) wins
                if best is None or candidate > best:
                    best = candidate
        return True if best is None else best[1]

    @cached_property
    def _compiled(self) -> list[tuple[bool, str, re.Pattern[str]]]:
        return [(allowed, pattern, _regex(pattern)) for allowed, pattern in self.rules]


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
            if value and agents:  # an empty Disallow allows everything: no rule
                rules.append((key == "allow", unquote(value)))
    if agents:
        groups.append((agents, rules))
    token = agent.split("/", 1)[0].strip().lower()
    mine = [r for a, group in groups if token in a for r in group]
    if not any(token in a for a, _ in groups):
        mine = [r for a, group in groups if "*" in a for r in group]
    return Robots(tuple(mine))


def _regex(pattern: str) -> re.Pattern[str]:
    anchored = pattern.endswith("$")
    body = ".*".join(re.escape(part) for part in (pattern[:-1] if anchored else pattern).split("*"))
    return re.compile(body + ("$" if anchored else ""), re.DOTALL)


__all__ = ["Robots", "parse", "ALLOW_ALL", "DISALLOW_ALL"]
