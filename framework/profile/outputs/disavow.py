"""Google disavow files: the domains a user selected as `domain:` lines with reasons, merged with their own file."""

from __future__ import annotations

import ipaddress
import re
from datetime import date

from linkwijzer.present.formatting import count
from linkwijzer.i18n import text
from linkwijzer.profile.importing.urls import extractor, registrable_domain, split_host

# Google's format (Search Console help, "Disavow links to your site"): plain UTF-8 text, one entry
# a line — a full URL, or ``domain:example.com`` — and ``#`` starts a comment line; at most
# 100,000 lines and 2 MB. An upload REPLACES the previous list, which is why the user's existing
# file is merged in rather than overwritten. Pages offer the file only after ``caution(lang)``.
LINE_LIMIT = 100_000
BYTE_LIMIT = 2 * 1024 * 1024
# Linkwijzer's own header lines start with this. They are dropped when a file made earlier is
# merged again, because they are regenerated; the user's comments and our reasons stay.
OWN = "#| "
_LABEL = re.compile(r"^\w([\w-]{0,61}\w)?$")  # letters in any script, digits; hyphens only inside
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_URL = re.compile(r"^https?://[^/?#\s]+", re.IGNORECASE)


class ParsedDisavow(tuple):
    """``(domains, urls, comments)``; unpacks as three lists.

    ``junk`` lists ``(line number, text)`` of lines that are neither a comment, a ``domain:``
    line with a valid name nor an http(s) URL — reported, never fatal. ``entries`` keeps every
    non-blank line in file order as ``(kind, value)`` for merging.
    """

    junk: list[tuple[int, str]]
    entries: list[tuple[str, str]]

    def __new__(cls, domains: list[str], urls: list[str], comments: list[str],
                junk: list[tuple[int, str]], entries: list[tuple[str, str]]) -> "ParsedDisavow":
        parsed = super().__new__(cls, (domains, urls, comments))
        parsed.junk, parsed.entries = junk, entries
        return parsed


def parse_disavow(source: str | bytes) -> ParsedDisavow:
    """Read a disavow file: BOM, CRLF, blank and junk lines tolerated.

    Domains come back lower-case and de-duplicated (case-insensitively, first spelling kept),
    URLs de-duplicated as written, comments without their ``#``.
    """
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    domains: dict[str, str] = {}
    urls: dict[str, None] = {}
    comments, junk, entries = [], [], []
    for number, raw in enumerate(source.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            comments.append(line[1:].strip())
            entries.append(("comment", line))
        elif line[:7].lower() == "domain:" and _valid_name(name := line[7:].strip().lower().rstrip(".")):
            if _key(name) not in domains:
                domains[_key(name)] = name
                entries.append(("domain", name))
        elif _URL.match(line) and not any(c.isspace() for c in line):
            if line not in urls:
                urls[line] = None
                entries.append(("url", line))
        else:
            junk.append((number, line))
            entries.append(("junk", line))
    return ParsedDisavow(list(domains.values()), list(urls), comments, junk, entries)


def disavow_text(domains: list[str], reasons: dict[str, str], existing: str | bytes | None = None, *,
                 lang: str, today: date | None = None) -> str:
    """The disavow file for the selected ``domains`` (URLs and hosts are reduced to their domain).

    ``reasons`` maps an entry as given, or its domain, to a one-line reason written as a comment
    above it. With ``existing`` (the user's current file) its comments and URL lines are kept,
    and a domain it already covers is not added again. Raises ``ValueError`` naming every entry
    that is empty or not a domain, and when the result would exceed Google's limits.
    """
    if not domains:
        raise ValueError(text(lang, "profile_report.disavow.error.nothing"))
    chosen: dict[str, tuple[str, list[str]]] = {}
    problems = []
    for entry in domains:
        try:
            domain = normalise_domain(entry, lang)
        except ValueError as problem:
            problems.append(str(problem))
            continue
        reason = reasons.get(entry) or reasons.get(domain) or reasons.get(str(entry).strip().lower())
        notes = chosen.setdefault(_key(domain), (domain, []))[1]
        if reason and _one_line(reason) not in notes:
            notes.append(_one_line(reason))
    if problems:
        raise ValueError(text(lang, "profile_report.disavow.error.refused", problems="; ".join(problems)))

    old = parse_disavow(existing) if existing else ParsedDisavow([], [], [], [], [])
    present = {_key(d) for d in old[0]}
    already = [d for k, (d, _) in chosen.items() if _covered(k, present)]
    added = [(d, notes) for k, (d, notes) in chosen.items() if not _covered(k, present)]
    disavowed = present | {_key(d) for d, _ in added}
    covered_urls = sum(_covered(_key(split_host(url)[0].split(":")[0]), disavowed) for url in old[1])

    def own(key: str, **params: object) -> str:
        return OWN + text(lang, f"profile_report.disavow.{key}", **params)

    lines = [own("header", date=(today or date.today()).isoformat()), own("review"), own("replaces")]
    if already:
        lines.append(own("already", domains=", ".join(already)))
    if covered_urls:
        lines.append(own("covered_urls", count=covered_urls))
    kept = [(kind, value) for kind, value in old.entries if not (kind == "comment" and value.startswith(OWN.strip()))]
    if kept:
        lines.append(own("existing"))
        for kind, value in kept:
            if kind == "junk":  # kept visibly but inert, so the file stays valid and nothing is lost
                lines.append("# " + text(lang, "profile_report.disavow.junk", line=_one_line(value)))
            else:
                lines.append(f"domain:{value}" if kind == "domain" else value)
    if added:
        lines.append(own("added", count=len(added)))
        for domain, notes in added:
            lines.append("# " + ("; ".join(notes) or text(lang, "profile_report.disavow.no_reason")))
            lines.append(f"domain:{domain}")
    body = "\n".join(lines) + "\n"
    size = len(body.encode("utf-8"))
    if len(lines) > LINE_LIMIT or size > BYTE_LIMIT:
        raise ValueError(text(lang, "profile_report.disavow.error.too_large",
                              lines=count(len(lines), lang), size=count(size // 1024, lang)))
    return body


def normalise_domain(entry: object, lang: str = "nl") -> str:
    """A domain, host or URL as the registrable domain a ``domain:`` line needs; ValueError if none."""
    raw = str(entry if entry is not None else "").strip()
    if raw[:7].lower() == "domain:":
        raw = raw[7:].strip()
    if raw.startswith("*."):  # a wildcard means "the whole domain", which is what domain: does
        raw = raw[2:]
    if not raw:
        raise ValueError(text(lang, "profile_report.disavow.error.empty"))
    host = split_host(raw)[0]
    bare = host.strip("[]")
    if ":" in host and not _is_ip(bare):
        bare = host.rsplit(":", 1)[0]  # a port: not part of the name
    if _is_ip(bare):
        raise ValueError(text(lang, "profile_report.disavow.error.ip", entry=_one_line(raw)))
    bare = bare.rstrip(".")
    parts = extractor()(bare) if _valid_name(bare) else None
    if parts is None or not parts.suffix or not parts.domain:
        raise ValueError(text(lang, "profile_report.disavow.error.invalid", entry=_one_line(raw)))
    return registrable_domain(bare)


def caution(lang: str) -> str:
    """What the page shows BEFORE any disavow download: Google's conditions, then the article's caution."""
    return "\n\n".join(text(lang, f"profile_report.caution.{part}") for part in ("google", "article", "practice"))


def _valid_name(name: str) -> bool:
    labels = name.split(".")
    return 2 <= len(labels) and len(name) <= 253 and all(_LABEL.match(label) for label in labels)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _key(domain: str) -> str:
    """Comparison form: lower case, and IDNA so ``bücher.de`` equals ``xn--bcher-kva.de``."""
    name = domain.lower().rstrip(".")
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return name


def _covered(key: str, disavowed: set[str]) -> bool:
    """A domain line also covers every subdomain: ``domain:a.nl`` covers ``blog.a.nl``."""
    labels = key.split(".")
    return any(".".join(labels[i:]) in disavowed for i in range(len(labels) - 1))


def _one_line(value: object) -> str:
    """A line break in a reason would start a line Google reads as an entry: fold it to one line."""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


__all__ = ["BYTE_LIMIT", "LINE_LIMIT", "ParsedDisavow", "caution", "disavow_text", "normalise_domain",
           "parse_disavow"]
