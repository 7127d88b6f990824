"""``linkwijzer compare``: your profile beside one to five competitors' (parsing and printing only)."""

# Wired into framework/cli.py with ``add_compare_parser(commands)`` and ``COMMANDS["compare"] =
# run_compare``. framework.cli is imported inside the functions, not at the top, so that cli.py can
# import this module at its own top without a circular import.

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from framework.i18n import LANGUAGES, text

DEFAULT_MAX_MB = int(os.environ.get("LINKWIJZER_MAX_IMPORT_MB", "2048"))
GAP_LINES = 10


def add_compare_parser(commands) -> argparse.ArgumentParser:
    """Add the ``compare`` sub-command to the ``linkwijzer`` sub-parsers."""
    compare = commands.add_parser("compare", help="compare your profile with 1-5 competitors: mixes, deviations, link gap")
    compare.add_argument("files", nargs="+", metavar="OWN_FILE", type=Path, help="your own backlink export(s)")
    compare.add_argument("--competitor", action="append", default=[], metavar="NAME=FILE", required=True,
                         help="a competitor's export (repeatable; repeat a NAME to give it several files)")
    compare.add_argument("--site", default="", help="your own domain (default: read from your exports' target URLs)")
    compare.add_argument("--brand", action="append", default=[], metavar="T", help="a brand term (repeatable)")
    compare.add_argument("--keyword", action="append", default=[], metavar="T", help="a money keyword (repeatable)")
    compare.add_argument("--topic", action="append", default=[], metavar="T", help="a topic term (repeatable)")
    compare.add_argument("--lang", choices=LANGUAGES, default="nl")
    compare.add_argument("--max-mb", type=int, default=DEFAULT_MAX_MB, help="refuse files larger than this")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument("--gap-csv", type=Path, metavar="OUT.csv", help="also write the link gap as a CSV file")
    return compare


def competitor_files(pairs: list[str]) -> dict[str, list[Path]]:
    """``NAME=FILE`` values grouped per name, in the order given; bad values raise UsageError."""
    from framework.cli import UsageError
    from framework.profile.compare import MAX_COMPETITORS, OWN

    out: dict[str, list[Path]] = {}
    for pair in pairs:
        name, sep, file = pair.partition("=")
        name, file = name.strip(), file.strip()
        if not sep or not name or not file:
            raise UsageError(f"--competitor takes NAME=FILE (e.g. fietsplein=fietsplein.csv), got {pair!r}")
        if name.lower() == OWN:
            raise UsageError(f"--competitor name {OWN!r} is reserved for your own profile; use another name")
        out.setdefault(name, []).append(Path(file))
    if len(out) > MAX_COMPETITORS:
        raise UsageError(f"compare with at most {MAX_COMPETITORS} competitors, got {len(out)}")
    return out


def run_compare(args: argparse.Namespace) -> int:
    from framework.cli import UsageError
    from framework.profile.compare import compare_profiles, competitor_settings
    from framework.profile.importer import import_files
    from framework.profile.settings import ProfileSettings

    competitors = competitor_files(args.competitor)
    missing = [str(f) for f in [*args.files, *(f for files in competitors.values() for f in files)] if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}")
    settings = ProfileSettings(site=args.site, brand=tuple(args.brand), keywords=tuple(args.keyword),
                               topics=tuple(args.topic))
    if args.site and not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", settings.domain):
        raise UsageError(f"--site needs a domain such as example.nl, got {args.site!r}")
    max_bytes = args.max_mb * 1024 * 1024

    def load(files: list[Path]):
        imported = import_files([(f.name, f) for f in files], lang=args.lang, max_bytes=max_bytes)
        for problem in imported.problems:
            print(f"linkwijzer: {problem.message(args.lang)}", file=sys.stderr)
        return imported

    own = load(args.files)
    if not own.files:
        return 1
    if not settings.domain:  # no --site: read it from the exports, as for the competitors
        derived = competitor_settings(own.links, settings)
        settings = ProfileSettings(site=derived.site, brand=settings.brand, keywords=settings.keywords,
                                   topics=settings.topics)
    theirs = {}
    for name, files in competitors.items():
        imported = load(files)
        if not imported.files:
            print(f"linkwijzer: no usable file for competitor {name!r}", file=sys.stderr)
            return 1
        theirs[name] = (imported.links, imported.aggregates)
    comparison = compare_profiles((own.links, own.aggregates), theirs, settings, args.lang)
    if args.gap_csv:
        args.gap_csv.write_bytes(comparison.link_gap_csv(args.lang))
    if args.json:
        print(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        print(comparison_text(comparison, args.lang))
    return 0


def comparison_text(comparison, lang: str, gap_lines: int = GAP_LINES) -> str:
    """The human-readable comparison: counts, each mix as a table, deviations, the top of the link gap."""
    from framework.profile.compare import MIXES, OWN, VELOCITY, deviation_held, format_value, measure_label

    # Short column heads ("Jij", then the competitors' names): the sites are in the counts above them.
    labels = {**{n: n for n in comparison.profiles}, OWN: text(lang, "compare.text.own")}
    names = list(comparison.profiles)
    lines = [text(lang, "compare.text.title")]
    for name, p in comparison.profiles.items():
        lines.append("  " + text(lang, "compare.text.counts", name=labels[name], site=p.site or "?", links=p.links,
                                 domains=p.referring_domains))
    width = max(6, *(len(labels[n]) for n in names))
    for mix in (*MIXES, "velocity"):
        keys = VELOCITY if mix == "velocity" else list(dict.fromkeys(k for p in comparison.profiles.values()
                                                                     for k in p.mixes[mix]))
        lines += ["", text(lang, f"compare.mix.{mix}")]
        if not keys:
            lines.append("  " + text(lang, "compare.text.not_measured"))
            continue
        rows = [(measure_label(f"{mix}.{k}", lang).split(": ", 1)[-1], f"{mix}.{k}") for k in keys]
        first = max(len(r[0]) for r in rows)
        lines.append("  " + " " * first + "".join(f"  {labels[n]:>{width}}" for n in names))
        for label, measure in rows:
            digits = 1 if measure == "velocity.growth_per_month" else 0
            cells = [format_value(measure, comparison.profiles[n].value(measure), lang, digits) for n in names]
            lines.append(f"  {label:<{first}}" + "".join(f"  {c:>{width}}" for c in cells))
    lines.append("")
    risky = [d for d in comparison.deviations if d.risk]
    other = [d for d in comparison.deviations if not d.risk]
    if risky:
        lines.append(text(lang, "compare.text.deviations"))
        lines += [f"  [{text(lang, f'review.levels.{d.level}')}] {d.why}" for d in risky]
    else:
        lines.append(text(lang, "compare.text.no_deviations"))
    if other:
        lines.append(text(lang, "compare.text.differences"))
        lines += [f"  · {d.why}" for d in other]
    held = deviation_held(comparison)
    lines.append(text(lang, "compare.text.condition_held" if held else "compare.text.condition_not_held"))
    lines.append("")
    gap = comparison.link_gap
    if not len(gap):
        lines.append(text(lang, "compare.text.gap_none"))
    else:
        lines.append(text(lang, "compare.text.gap_title", count=len(gap)))
        platforms = ", ".join(f"{text(lang, f'compare.platform.{p}')} {n}"
                              for p, n in comparison.link_gap_by_platform().items())
        lines.append("  " + text(lang, "compare.text.gap_platforms", platforms=platforms))
        for row in gap.head(gap_lines).itertuples():
            lines.append("  " + text(lang, "compare.text.gap_line", domain=row.domain,
                                     platform=text(lang, f"compare.platform.{row.platform}"),
                                     competitors=", ".join(row.competitors)))
            if isinstance(row.anchor, str) or isinstance(row.title, str):
                lines.append("      " + text(lang, "compare.text.gap_context", anchor=_short(row.anchor),
                                             title=_short(row.title)))
        if len(gap) > gap_lines:
            lines.append("  " + text(lang, "compare.text.gap_more", count=len(gap) - gap_lines))
    lines += ["", text(lang, "compare.text.caution")]
    return "\n".join(lines)


def _short(value, limit: int = 70) -> str:
    if not isinstance(value, str):
        return "–"
    return value if len(value) <= limit else value[:limit - 1] + "…"


__all__ = ["add_compare_parser", "run_compare", "competitor_files", "comparison_text"]
