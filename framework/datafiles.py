"""Loading the framework's TOML data files with errors that name the file and the key."""

from __future__ import annotations

import tomllib
from pathlib import Path


class DataFileError(ValueError):
    """A data file is missing, unreadable or has a wrong value; says which file and key."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = str(path), key, problem
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")


def load_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataFileError(path, "", "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(path, "", f"not valid TOML ({error})") from None
