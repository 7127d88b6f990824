"""What every printable document shares: the Jinja environments, the common frame, and escaping.

User text is made inert once, here: HTML templates autoescape, the Markdown environment escapes
every value (``escape_markdown``) unless it is our own locale text marked ``MarkdownText``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from linkwijzer.i18n import text

TEMPLATES = Path(__file__).with_name("templates")


class MarkdownText(str):
    """Text that is already Markdown (from our own locale files) and must not be escaped."""


def escape_markdown(value: object, addresses: bool = False) -> str:
    """User text made inert in Markdown: it renders as the same characters, never as markup.

    Bare addresses ("https://…", "www.…") are not left for a renderer to turn into links either,
    unless ``addresses``: a downloaded Markdown report keeps the user's own URLs clickable.

    >>> escape_markdown("# 1. <b>[x](y)</b> *a_b*")
    '\\\\# 1. \\\\<b\\\\>\\\\[x\\\\](y)\\\\</b\\\\> \\\\*a\\\\_b\\\\*'
    """
    if isinstance(value, MarkdownText):
        return value
    lines = []
    for line in str(value).splitlines() or [""]:
        # Leading spaces are dropped because four of them would start a code block.
        line = _MD_INLINE.sub(r"\\\1", line.strip())
        line = _MD_LINE_START.sub(r"\1\\\2", line)
        if not addresses:
            line = _AUTOLINK.sub(r"\1\\\2", line)
        lines.append(line)
    # Two trailing spaces keep the user's line breaks as line breaks once rendered.
    return "  \n".join(lines)


# Characters that are markup anywhere in a line. ( ) ! only form links after [ ], which are escaped.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# Bare addresses a Markdown renderer turns into links on its own ("https://…", "www.…"): the
# escaped ":" or "." still shows, but the address is no longer clickable.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)([:.])")
# Markup only at the start of a line: headings, list items, setext underlines, ordered lists.
_MD_LINE_START = re.compile(r"^(\d*)([#+\-=]|(?<=\d)[.)])")


def frame(lang: str, today: date | None) -> dict:
    """What every report shares: the language, a text lookup and the footer."""
    return {
        "lang": lang,
        "t": lambda key, **params: text(lang, key, **params),
        "generated": text(lang, "report.generated", date=(today or date.today()).isoformat()),
        "no_scores": text(lang, "report.no_scores"),
    }


@cache
def environment(kind: str) -> Environment:
    if kind == "html":
        env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)
        env.filters["markdown"] = _trusted_markdown_html
    else:
        # finalize runs on every {{ value }}: escaping there means a template cannot forget it.
        env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined,
                          finalize=partial(escape_markdown, addresses=True), keep_trailing_newline=True,
                          trim_blocks=True)
        env.filters["oneline"] = lambda value: " ".join(str(value).split())
    return env


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")
_CODE = re.compile(r"`(.+?)`")
_NUMBERED = re.compile(r"^\d+\.\s+")


def _trusted_markdown_html(source: str) -> Markup:
    """The small Markdown of our own locale texts (numbered lists, bold, italic, code) as HTML.

    The text is HTML-escaped before any tag is added, so even a locale file cannot inject HTML.
    """
    def inline(line: str) -> str:
        line = _CODE.sub(r"<code>\1</code>", str(escape(line)))
        return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", line))

    blocks = []
    for block in re.split(r"\n\s*\n", str(source).strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(_NUMBERED.match(line) for line in lines):
            items = "".join(f"<li>{inline(_NUMBERED.sub('', line))}</li>" for line in lines)
            blocks.append(f"<ol>{items}</ol>")
        elif lines:
            blocks.append("<p>" + "<br>".join(inline(line) for line in lines) + "</p>")
    return Markup("\n".join(blocks))


__all__ = ["TEMPLATES", "MarkdownText", "escape_markdown", "frame", "environment"]
