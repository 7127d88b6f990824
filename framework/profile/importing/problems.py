"""Why a file could not be imported: one exception type whose message names the problem."""

from __future__ import annotations

from linkwijzer.i18n import text

# Every code has a text ``import.problem.<code>`` in both languages (a test checks).
PROBLEM_CODES = (
    "too_large",
    "empty",
    "header_only",
    "binary",
    "xls",
    "xlsx_needs_openpyxl",
    "xlsx_unreadable",
    "archive",
    "encoding",
    "delimiter",
    "delimiter_unknown",
    "missing_column",
    "mapping_column",
    "no_source_column",
    "too_many_columns",
    "no_valid_rows",
    "unreadable",
    "not_found",
    "out_of_memory",
    "internal",
)


class ImportProblem(Exception):
    """A file that cannot be imported; ``message(lang)`` says why, and where if a row is known.

    >>> ImportProblem("empty", "links.csv").message("en")
    'links.csv: the file is empty.'
    """

    def __init__(self, code: str, file: str = "", row: int | None = None, **params: object) -> None:
        if code not in PROBLEM_CODES:
            raise ValueError(f"unknown import problem code {code!r}")
        self.code, self.file, self.row, self.params = code, file, row, params
        super().__init__(f"{file}: {code}" + (f" (row {row})" if row else ""))

    def message(self, lang: str) -> str:
        params = dict(self.params)
        if params.get("format"):
            params["format"] = text(lang, f"import.format.{params['format']}")
        for key in ("found", "header"):
            if params.get(key) in ("tab", "comma", "semicolon"):
                params[key] = text(lang, f"import.delimiter.{params[key]}")
        body = text(lang, f"import.problem.{self.code}", row=self.row, **params)
        if self.row is not None and "{row}" not in _template(lang, self.code):
            body = text(lang, "import.at_row", row=self.row, message=body)
        return text(lang, "import.in_file", file=self.file, message=body) if self.file else body

    def for_file(self, file: str) -> ImportProblem:
        """The same problem, now naming the file (helpers below the importer do not know it)."""
        self.file = file
        return self

    def as_dict(self, lang: str) -> dict:
        return {"file": self.file, "code": self.code, "row": self.row, "message": self.message(lang)}


def _template(lang: str, code: str) -> str:
    from linkwijzer.i18n import catalogue

    return catalogue(lang).get(f"import.problem.{code}", "")


__all__ = ["ImportProblem", "PROBLEM_CODES"]
