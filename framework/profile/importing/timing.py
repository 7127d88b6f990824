"""Wall-clock time per import stage, recorded only while someone (the benchmark) listens."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from contextlib import contextmanager

_lock = threading.Lock()
_totals: dict[str, float] | None = None


@contextmanager
def stage(name: str):
    """Time a block under ``name``; free when nobody records (one ``is None`` check)."""
    if _totals is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        with _lock:
            if _totals is not None:
                _totals[name] += time.perf_counter() - start


@contextmanager
def recording():
    """Collect stage times for the duration of the block; yields the dict being filled."""
    global _totals
    _totals = defaultdict(float)
    try:
        yield _totals
    finally:
        _totals = None


__all__ = ["stage", "recording"]
