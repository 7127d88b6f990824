"""Shared test setup: the project root on sys.path (pages import each other as ``pages.*``)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_collection_modifyitems(config, items):
    """Run the real-browser tests last: they are the slowest and hold a Playwright event loop."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def exports() -> Path:
    """The real vendor exports in shared/data/exports, read where they lie."""
    folder = SHARED_DATA / "exports"
    if not folder.is_dir():
        pytest.skip(f"real exports not found at {folder}")
    return folder
