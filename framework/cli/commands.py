"""The ``linkwijzer`` command: a thin layer that parses arguments, calls the framework and prints.

Bad arguments exit with status 2 and one line on stderr; the framework never sees argv.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from linkwijzer.cli.common import (DEFAULT_MAX_MB, NothingUsable, Parser, UsageError, add_options, checked_domain,
                                   existing, load_competitors, load_exports, settings_and_filters, write_output)
from linkwijzer.cli.compare import add_compare_parser, run_compare
from linkwijzer.i18n import LANGUAGES, text
from linkwijzer.questionnaire.rules import load_rules
from linkwijzer.resources import app_root
from linkwijzer.cli.history import add_history_parsers, run_history, run_portfolio, run_snapshot
from linkwijzer.questionnaire.verdict import Answers, assess, validate

def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="linkwijzer", description="Judge backlinks by meaning, context and patterns.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    app = commands.add_parser("app", help="start the Streamlit app")
    app.add_argument("--port", type=int, default=None, help="port to listen on (default 8501)")

    rules = load_rules()
    check = commands.add_parser("assess", help="judge one link with the one-minute test and the five traits")
    check.add_argument("--quick", metavar="A,B,C",
                       help=f"the three one-minute answers, each {'/'.join(rules.quick_answers)}")
    check.add_argument("--trait", action="append", default=[], metavar="ID=ANSWER",
                       help=f"traits: {', '.join(rules.traits)}; answers: {', '.join(rules.answers)}")
    check.add_argument("--booster", action="append", default=[], choices=rules.boosters,
                       help="a 'neutral becomes valuable' circumstance that applies")
    check.add_argument("--fact", action="append", default=[], choices=rules.facts,
                       help="something known about the link (shows what is not automatically a risk)")
    check.add_argument("--lang", choices=LANGUAGES, default="nl")
    check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    imports = commands.add_parser("import", help="read backlink exports: detected format, rows, referring domains")
    imports.add_argument("files", nargs="+", metavar="FILE", type=Path)
    imports.add_argument("--lang", choices=LANGUAGES, default="nl")
    imports.add_argument("--max-mb", type=int, default=DEFAULT_MAX_MB, help="refuse files larger than this")
    imports.add_argument("--json", action="store_true", help="print the summary as JSON")
    profile = commands.add_parser("profile", help="review a backlink profile: signals, conditions, outcome")
    profile.add_argument("files", nargs="+", metavar="FILE", type=Path)
    add_options(profile)
    profile.add_argument("--lang", choices=LANGUAGES, default="nl")
    profile.add_argument("--max-mb", type=int, default=DEFAULT_MAX_MB, help="refuse files larger than this")
    profile.add_argument("--json", action="store_true", help="print the review as JSON")
    profile.add_argument("--report", type=Path, metavar="OUT.html", help="also write the printable one-page report")
    profile.add_argument("--links-csv", type=Path, metavar="OUT.csv",
                         help="also write the classified links (domain, anchor_class, placement, relevance, ...)")
    profile.add_argument("--reclaim-csv", type=Path, metavar="OUT.csv",
                         help="also write the reclaim list of a broken-backlinks report (links to your dead pages)")
    profile.add_argument("--competitor", action="append", default=[], metavar="NAME=FILE",
                         help="a competitor's export (repeatable, as in compare): feeds 'deviates from competitors'")
    add_compare_parser(commands)
    add_history_parsers(commands)

    inspect = commands.add_parser("inspect", help="read a linking page: is the link there, where, how")
    inspect.add_argument("url", metavar="URL")
    which = inspect.add_mutually_exclusive_group(required=True)
    which.add_argument("--target", metavar="SITE", help="your site (domain) or page (URL) the link points to")
    which.add_argument("--all-links", action="store_true", help="list every <a href> of the page in document order")
    inspect.add_argument("--brand", action="append", default=[], metavar="T")
    inspect.add_argument("--keyword", action="append", default=[], metavar="T")
    inspect.add_argument("--lang", choices=LANGUAGES, default="nl")
    inspect.add_argument("--json", action="store_true")

    verify = commands.add_parser("verify", help="check a profile's source pages live (placement, rel, lost links)")
    verify.add_argument("file", metavar="FILE", type=Path)
    verify.add_argument("--target", required=True, metavar="SITE", help="your domain")
    verify.add_argument("--concurrency", type=int, default=8)
    verify.add_argument("--sample", type=int, default=None, help="check this many pages (default: all)")
    verify.add_argument("--out", type=Path, metavar="FILE", help="write the links with their live status as CSV")
    verify.add_argument("--lang", choices=LANGUAGES, default="nl")
    verify.add_argument("--max-mb", type=int, default=DEFAULT_MAX_MB)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below, not at exit
        return code
    except UsageError as error:
        print(f"linkwijzer: {error}", file=sys.stderr)
        return 2
    except NothingUsable as error:
        print(f"linkwijzer: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`linkwijzer … | head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# Streamlit treats a pages/ folder beside the main script as old-style multipage pages until the
# server's first st.navigation() call: the first visitor of a fresh server on a deep link
# (/portfolio, a shared /check?...) got that page run alone, without app.py's frame, menu or
# session setup. The flag is decided before the server starts instead.
_LAUNCH = ("import sys\n"
           "from streamlit.runtime.pages_manager import PagesManager\n"
           "PagesManager.uses_pages_directory = False\n"
           "from streamlit.web.cli import main\n"
           "sys.argv = ['streamlit', *sys.argv[1:]]\n"
           "sys.exit(main())\n")


def run_app(args: argparse.Namespace) -> int:
    app = app_root() / "app.py"
    command = [sys.executable, "-c", _LAUNCH, "run", str(app)]
    if args.port:
        command += ["--server.port", str(args.port)]
    os.chdir(app.parent)  # Streamlit reads .streamlit/config.toml from the working folder
    # Replace this process rather than spawn a child, so stopping `linkwijzer app` stops the server.
    os.execv(sys.executable, command)


def run_assess(args: argparse.Namespace) -> int:
    answers = Answers(quick=_quick(args.quick), traits=_traits(args.trait),
                      boosters=frozenset(args.booster), facts=frozenset(args.fact))
    problems = validate(answers)
    if problems:
        raise UsageError(problems[0])
    verdict = assess(answers, args.lang)
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    print(f"{text(lang, f'questionnaire.outcomes.{verdict.outcome}')} → "
          f"{text(lang, f'questionnaire.decisions.{verdict.decision}')}")
    for reason in verdict.reasons:
        print(f"  - {reason}")
    if verdict.pattern_note:
        print(f"  ! {verdict.pattern_note}")
    for reassurance in verdict.reassurances:
        print(f"  ✓ {text(lang, f'questionnaire.reassurances.{reassurance}')}")
    return 0


def _quick(raw: str | None) -> tuple[str | None, ...]:
    size = len(load_rules().quick_questions)
    if raw is None:
        return (None,) * size
    parts = [p.strip().lower() for p in raw.split(",")]
    if len(parts) != size:
        raise UsageError(f"--quick takes {size} comma-separated answers (e.g. yes,yes,no), got {len(parts)}")
    return tuple(parts)


def _traits(pairs: list[str]) -> dict[str, str]:
    traits: dict[str, str] = {}
    for pair in pairs:
        trait, sep, answer = pair.partition("=")
        if not sep:
            raise UsageError(f"--trait takes ID=ANSWER (e.g. relevance=yes), got {pair!r}")
        if trait.strip() in traits:
            raise UsageError(f"--trait {trait.strip()} is given twice")
        traits[trait.strip().lower()] = answer.strip().lower()
    return traits


def run_import(args: argparse.Namespace) -> int:
    result = load_exports(existing(args.files), args.lang, args.max_mb)
    if args.json:
        print(json.dumps(result.summary(), ensure_ascii=False, indent=2, default=str))
    else:
        print(result.summary_text(args.lang))
    # Nothing usable at all is a failure a script should notice; a partial import is not.
    return 1 if result.problems and not result.files else 0


def run_profile(args: argparse.Namespace) -> int:
    from linkwijzer.profile.outputs.reclaim import reclaim_csv, reclaim_json
    from linkwijzer.profile.review.run import review_profile
    from linkwijzer.profile.review.scope import scope_of

    existing(args.files)
    settings, filters = settings_and_filters(args)
    checked_domain(args.site, settings.domain)
    imported = load_exports(args.files, args.lang, args.max_mb)
    competitors = load_competitors(args.competitor, args.lang, args.max_mb)
    if not imported.files:
        return 1
    scope = scope_of(imported, settings.domain, args.lang)
    for note in scope.notes:
        print(f"linkwijzer: {note}", file=sys.stderr)
    if competitors:
        from linkwijzer.profile.comparison.compare import review_with_competitors

        review = review_with_competitors(scope.links, imported.aggregates, settings, competitors, args.lang,
                                         filters=filters, reclaim_rows=len(imported.reclaim))
    else:
        review = review_profile(scope.links, imported.aggregates, settings, args.lang, filters=filters,
                                reclaim_rows=len(imported.reclaim))
    if args.report:
        from linkwijzer.profile.outputs.report import profile_report_html

        write_output(args.report, profile_report_html(review, args.lang, site=settings.domain, files=imported.files,
                                                      import_notes=scope.notes, reclaim=imported.reclaim))
    if args.links_csv:
        from linkwijzer.profile.outputs.links_csv import classified_links_csv

        write_output(args.links_csv, classified_links_csv(review, args.lang))
    if args.reclaim_csv:
        write_output(args.reclaim_csv, reclaim_csv(imported.reclaim, args.lang))
    if args.json:
        summary = imported.summary()
        print(json.dumps({**review.to_json(), "files": summary["files"], "folded": summary["folded"],
                          "target_sites": summary["target_sites"], "reviewed_site": scope.site or settings.domain,
                          "import_notes": scope.notes, "reclaim": reclaim_json(imported.reclaim)},
                         ensure_ascii=False, indent=2, default=str))
    else:
        print(_profile_text(review, args.lang, imported.reclaim))
    return 0


def _profile_text(review, lang: str, reclaim=None) -> str:
    from linkwijzer.present.formatting import count
    from linkwijzer.profile.outputs.reclaim import reclaim_list

    lines = [f"{text(lang, f'review.outcome.{review.outcome}')} — {text(lang, f'review.outcome_explained.{review.outcome}')}",
             text(lang, "ui.review.counts", links=count(review.links, lang),
                  domains=count(review.referring_domains, lang))]
    lines += [f"  ! {note}" for note in review.notes()]
    if reclaim is not None and len(reclaim):
        listed = reclaim_list(reclaim)
        lines.append(text(lang, "ui.reclaim.title_count", links=count(len(listed), lang),
                          pages=count(listed["target_url"].nunique(), lang)))
        for row in listed.head(10).itertuples():
            lines.append(f"  {row.target_url}  ← {row.source_url}  [{row.anchor if isinstance(row.anchor, str) else ''}]")
    if review.insufficient:
        return "\n".join(lines)
    for signal in review.signals:
        lines.append(f"  [{text(lang, f'review.levels.{signal.level}')}] "
                     f"{text(lang, f'{signal.id}.name')}: {signal.why}")
    lines.append(text(lang, "review.conditions.title"))
    for name, held in review.verdict.conditions.items():
        lines.append(f"  {'✓' if held else '·'} {text(lang, f'review.conditions.{name}')}")
    if review.lacks:
        lines.append(text(lang, "review.lacks.title"))
        lines += [f"  + {text(lang, f'{x}.lacks')}" for x in review.lacks]
    if review.reassurances:
        lines.append(text(lang, "review.reassure.title"))
        lines += [f"  ✓ {text(lang, f'review.reassure.{x}')}" for x in review.reassurances]
    return "\n".join(lines)


def run_inspect(args: argparse.Namespace) -> int:
    from linkwijzer.inspect.inspection import inspect_link

    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"URL must start with http:// or https://, got {args.url!r}")
    found = inspect_link(args.url, args.target or "", brand=tuple(args.brand), keywords=tuple(args.keyword),
                         lang=args.lang)
    if found.fetched.error in ("refused_address", "invalid_url", "scheme", "redirect_refused"):
        raise UsageError(found.fetched.message(args.lang))
    data = found.to_json(args.lang, all_links=args.all_links)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif not found.ok:
        print(found.fetched.message(args.lang))
    else:
        print(f"{data['status']} {data['final_url']} — {data['title']}")
        for link in data["links"]:
            print(f"  [{link['placement']}] {link['anchor']!r} → {link['href']} {' '.join(link['rel'])}".rstrip())
        if not args.all_links:
            for item in data["evidence"]:
                print(f"  {item['trait']}: {item['suggestion']} — {item['reason']}")
    return 0 if found.ok else 1


def run_verify(args: argparse.Namespace) -> int:
    from linkwijzer.inspect.verify import verify_links
    from linkwijzer.present.spreadsheet import safe_csv_frame

    existing([args.file])
    if args.concurrency < 1 or args.concurrency > 64:
        raise UsageError("--concurrency takes a number from 1 to 64")
    imported = load_exports([args.file], args.lang, args.max_mb)
    if not len(imported.links):
        return 1
    total = {"done": 0}

    def progress(done: int, count: int, result) -> None:
        total["done"] = done
        print(f"\r{done}/{count}", end="", file=sys.stderr, flush=True)

    checked = verify_links(imported.links, args.target, sample=args.sample, concurrency=args.concurrency,
                           progress=progress, lang=args.lang)
    print(file=sys.stderr)
    if args.out:
        write_output(args.out, safe_csv_frame(checked.links))
    print(json.dumps(checked.summary(), ensure_ascii=False, indent=2))
    return 0


COMMANDS = {"app": run_app, "assess": run_assess, "import": run_import, "profile": run_profile, "compare": run_compare,
            "inspect": run_inspect, "verify": run_verify, "snapshot": run_snapshot, "history": run_history,
            "portfolio": run_portfolio}

if __name__ == "__main__":
    sys.exit(main())
