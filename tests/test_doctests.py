"""The examples in every linkwijzer module's docstrings run as written.

Imported by their package name, not by file path, so each module exists once (pytest's
``--doctest-modules`` would import ``framework/…`` a second time under another name).
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import linkwijzer

MODULES = sorted(m.name for m in pkgutil.walk_packages(linkwijzer.__path__, "linkwijzer."))


def test_walk_finds_the_packages():
    assert "linkwijzer.profile.signals.keyword_anchors" in MODULES and "linkwijzer.cli.commands" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    failures, _ = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert not failures
