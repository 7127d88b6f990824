"""What every ``linkwijzer`` sub-command shares: one-line usage errors, file checks, loading exports, writing outputs."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

DEFAULT_MAX_MB = int(os.environ.get("LINKWIJZER_MAX_IMPORT_MB", "2048"))
DOMAIN = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


class UsageError(Exception):
    """Raised instead of argparse's multi-line usage dump: the CLI prints one clear line."""


class NothingUsable(Exception):
    """No file of a needed profile could be read: exit status 1, like any import that yields nothing."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse hook
        raise UsageError(message)


def add_options(parser: argparse.ArgumentParser, *, site_required: bool = True) -> None:
    """The profile settings and filters as flags, from their one definition (``review/options.py``)."""
    from linkwijzer.profile.review.options import add_arguments

    add_arguments(parser, site_required=site_required)


def settings_and_filters(args: argparse.Namespace):
    """``ProfileSettings`` and ``Filters`` from the parsed flags; a bad value is a usage error."""
    from linkwijzer.profile.review.options import OPTIONS, from_values

    try:
        return from_values({option.name: getattr(args, option.name, None) for option in OPTIONS})
    except ValueError as error:
        raise UsageError(str(error)) from None


def existing(files: list[Path]) -> list[Path]:
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}")
    return files


def checked_domain(site: str, domain: str) -> None:
    """``--site`` must name a domain such as example.nl (a URL is accepted and reduced to it)."""
    if not DOMAIN.fullmatch(domain):
        raise UsageError(f"--site needs a domain such as example.nl, got {site!r}")


def competitor_files(pairs: list[str]) -> dict[str, list[Path]]:
    """``NAME=FILE`` values grouped per name, in the order given; bad values raise UsageError."""
    from linkwijzer.profile.comparison.compare import MAX_COMPETITORS, OWN

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


def load_exports(files: list[Path], lang: str, max_mb: int):
    """Import the files, naming each unreadable one on stderr (the rest still count)."""
    from linkwijzer.profile.importing.importer import import_files

    imported = import_files([(f.name, f) for f in files], lang=lang, max_bytes=max_mb * 1024 * 1024)
    for problem in imported.problems:
        print(f"linkwijzer: {problem.message(lang)}", file=sys.stderr)
    return imported


def load_competitors(pairs: list[str], lang: str, max_mb: int) -> dict[str, tuple]:
    """Each competitor's links and aggregates; a competitor with no usable file is a usage error."""
    competitors = competitor_files(pairs)
    existing([f for files in competitors.values() for f in files])
    out = {}
    for name, files in competitors.items():
        imported = load_exports(files, lang, max_mb)
        if not imported.files:
            raise NothingUsable(f"no usable file for competitor {name!r}")
        out[name] = (imported.links, imported.aggregates)
    return out


def write_output(path: Path, content: bytes | str) -> None:
    """Write an output file; a path that cannot be written is one line, not a traceback."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.write_bytes(data)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


__all__ = ["DEFAULT_MAX_MB", "UsageError", "NothingUsable", "Parser", "existing", "checked_domain", "competitor_files",
           "load_exports", "load_competitors", "write_output", "add_options", "settings_and_filters"]
