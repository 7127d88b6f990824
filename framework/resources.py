"""Where the app's own files live: inside the installed package, or beside the source tree in a checkout.

A wheel carries ``app.py``, ``pages/``, ``sample_data/`` and ``.streamlit/`` under
``linkwijzer/_app/`` (see ``setup.py``); an editable install or a checkout finds them at the
repository's top level, where they are written.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``app.py``, ``pages/`` and ``sample_data/``."""
    bundled = Path(str(files("linkwijzer") / "_app"))
    if (bundled / "app.py").is_file():
        return bundled
    return Path(__file__).resolve().parent.parent


def sample_dir() -> Path:
    return app_root() / "sample_data"


__all__ = ["app_root", "sample_dir"]
