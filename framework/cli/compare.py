"""``linkwijzer compare``: your profile beside one to five competitors' (parsing and printing only)."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from linkwijzer.cli.common import (DEFAULT_MAX_MB, add_options, checked_domain, existing, load_competitors,
                                   load_exports, settings_and_filters, write_output)
from linkwijzer.i18n import LANGUAGES, text

GAP_LINES = 10


def add_compare_parser(commands) -> argparse.ArgumentParser:
    """Add the ``compare`` sub-command to the ``linkwijzer`` sub-parsers."""
    compare = commands.add_parser("compare", help="compare your profile with 1-5 competitors: mixes, deviations, link gap")
    compare.add_argument("files", nargs="+", metavar="OWN_FILE", type=Path, help="your own backlink export(s)")
    compare.add_argument("--competitor", action="append", default=[], metavar="NAME=FILE", required=True,
                         help="a competitor's export (repeatable; repeat a NAME to give it several files)")
    add_options(compare, site_required=False)
    compare.add_argument("--lang", choices=LANGUAGES, default="nl")
    compare.add_argument("--max-mb", type=int, default=DEFAULT_MAX_MB, help="refuse files larger than this")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument("--gap-csv", type=Path, metavar="OUT.csv", help="also write the link gap as a CSV file")
    return compare


def run_compare(args: argparse.Namespace) -> int:
    from linkwijzer.profile.comparison.compare import compare_profiles, competitor_settings

    existing(args.files)
    settings, filters = settings_and_filters(args)
    if args.site:
        checked_domain(args.site, settings.domain)
    own = load_exports(args.files, args.lang, args.max_mb)
    theirs = load_competitors(args.competitor, args.lang, args.max_mb)
    if not own.files:
        return 1
    if not settings.domain:  # no --site: read it from the exports, as for the competitors
        derived = competitor_settings(own.links, settings)
        settings = replace(settings, site=derived.site)
    comparison = compare_profiles((own.links, own.aggregates), theirs, settings, args.lang, filters=filters)
    if args.gap_csv:
        write_output(args.gap_csv, comparison.link_gap_csv(args.lang))
    if args.json:
        print(json.dumps(comparison.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        print(comparison_text(comparison, args.lang))
    return 0


def comparison_text(comparison, lang: str, gap_lines: int = GAP_LINES) -> str:
    """The human-readable comparison: counts, each mix as a table, deviations, the top of the link gap."""
    from linkwijzer.profile.comparison.compare import MIXES, OWN, VELOCITY, deviation_held, format_value, measure_label

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


__all__ = ["add_compare_parser", "run_compare", "comparison_text"]
