"""robots.txt rules per RFC 9309: group choice, longest match, Allow on ties, * and $."""

from __future__ import annotations

import pytest

from linkwijzer.inspect._robots import parse

FILE = """
# comments and odd spacing are fine
User-agent: *
Disallow: /

User-agent: OtherBot
User-agent: linkwijzer
Disallow: /private   # trailing comment
Disallow: /*.pdf$
Allow: /private/open
Disallow: /shop?
Disallow:

User-agent: Linkwijzer
Disallow: /tmp/
"""


@pytest.mark.parametrize(("path", "allowed"), [
    ("/", True), ("/blog/post", True),
    ("/private", False), ("/private/x", False), ("/private/open", True), ("/private/open/deeper", True),
    ("/files/a.pdf", False), ("/files/a.pdf?x=1", True), ("/files/a.pdfx", True),
    ("/shop?id=3", False), ("/shop", True),
    ("/tmp/a", False),                  # a second group for the same agent is merged
    ("/robots.txt", True),
    ("/%70rivate", False),              # percent-encoded the same path
])
def test_our_groups(path: str, allowed: bool) -> None:
    assert parse(FILE, "Linkwijzer/0.1.0 (backlink review tool)").allows(path) is allowed


def test_other_agents_fall_back_to_star() -> None:
    robots = parse(FILE, "SomeBot/2.0")
    assert not robots.allows("/") and not robots.allows("/blog")


def test_allow_wins_a_tie_and_longest_match_wins() -> None:
    robots = parse("User-agent: *\nDisallow: /page\nAllow: /page\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c", "x")
    assert robots.allows("/page") and not robots.allows("/a/x") and robots.allows("/a/b/x")
    assert not robots.allows("/a/b/c")


@pytest.mark.parametrize("text", ["", "garbage\n\n", "Disallow: /\n", "User-agent: Googlebot\nDisallow: /\n"])
def test_no_rules_for_us_allows_everything(text: str) -> None:
    assert parse(text, "Linkwijzer").allows("/anything")


def test_a_backtracking_rule_is_matched_in_linear_time() -> None:
    import time

    from linkwijzer.inspect._robots import parse

    robots = parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*X\nAllow: /*a$", "Linkwijzer")
    started = time.perf_counter()
    for size in (60, 600, 6000):
        assert robots.allows("/" + "a" * size)  # no X: the Disallow rule never matches
        assert not robots.allows("/" + "a" * size + "X")  # the Disallow rule matches, and no Allow does
    assert time.perf_counter() - started < 0.5
