"""Fixtures for the import tests: the real vendor exports in shared/, read where they lie."""

from __future__ import annotations

import re
from pathlib import Path


EXPORTS = Path(__file__).resolve().parents[3] / "shared" / "data" / "exports"


def readme_rows() -> dict[str, int]:
    """Data rows per file, as the exports README states them (the test's source of truth)."""
    text = (EXPORTS.parent / "README.md").read_text(encoding="utf-8")
    rows = {}
    for name, count in re.findall(r"^\|\s*`([^`]+)`\s*\|[^|]*\|\s*([\d,]+)\s*\|", text, re.MULTILINE):
        rows[name] = int(count.replace(",", ""))
    return rows


def export_files() -> list[Path]:
    return sorted(EXPORTS.iterdir()) if EXPORTS.is_dir() else []
