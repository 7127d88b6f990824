"""The examples in the import modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["importer", "generic", "problems", "urls"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(f"framework.profile.{name}")
    failures, tried = doctest.testmod(module)
    assert tried and not failures
