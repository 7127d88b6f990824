"""The ``linkwijzer`` command."""

from linkwijzer.cli.commands import main

__all__ = ["main"]
