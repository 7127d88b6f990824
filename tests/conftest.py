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


@pytest.fixture
def data_file(monkeypatch):
    """Point a module's cached data-file loader at another file for one test: ``load = data_file(module,
    "PATH_NAME", path, loader)``. The loader's cache is cleared before and after, so no test sees another's file."""
    loaders = []

    def swap(module, name: str, path: Path, loader):
        monkeypatch.setattr(module, name, path)
        loader.cache_clear()
        loaders.append(loader)
        return loader

    yield swap
    for loader in loaders:
        loader.cache_clear()
