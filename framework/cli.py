"""The ``linkwijzer`` command: a thin layer that parses arguments, calls the framework and prints.

Bad arguments exit with status 2 and one line on stderr; the framework never sees argv.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from framework.i18n import LANGUAGES, text
from framework.questionnaire.rules import load_rules
from framework.questionnaire.verdict import Answers, assess, validate

APP = Path(__file__).resolve().parent.parent / "app.py"
DEFAULT_MAX_MB = int(os.environ.get("LINKWIJZER_MAX_IMPORT_MB", "2048"))


class UsageError(Exception):
    """Raised instead of argparse's multi-line usage dump: the CLI prints one clear line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse hook
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="linkwijzer", description="Judge backlinks by meaning, context and patterns.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

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
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as error:
        print(f"linkwijzer: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run_app(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "streamlit", "run", str(APP)]
    if args.port:
        command += ["--server.port", str(args.port)]
    os.chdir(APP.parent)
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
    from framework.profile.importer import import_files  # pandas/pyarrow: only load when needed

    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}")
    result = import_files([(f.name, f) for f in args.files], lang=args.lang, max_bytes=args.max_mb * 1024 * 1024)
    if args.json:
        print(json.dumps(result.summary(), ensure_ascii=False, indent=2, default=str))
    else:
        print(result.summary_text(args.lang))
    for problem in result.problems:
        print(f"linkwijzer: {problem.message(args.lang)}", file=sys.stderr)
    # Nothing usable at all is a failure a script should notice; a partial import is not.
    return 1 if result.problems and not result.files else 0


COMMANDS = {"app": run_app, "assess": run_assess, "import": run_import}

if __name__ == "__main__":
    sys.exit(main())
