"""CSV files that are safe to open in Excel, LibreOffice or Google Sheets.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula, so a hostile anchor text in an export could call
``=HYPERLINK(...)`` on the reader's machine. Following OWASP's CSV-injection guidance every
such text cell gets a leading ``'``, which spreadsheets show as plain text. Files are UTF-8 with
a byte order mark, without which Excel reads "één" as mojibake, and the csv module quotes
cells that hold the delimiter, quotes or line breaks.

>>> safe_csv([{"anchor": "=1+1", "n": -2}], ["anchor", "n"]).decode("utf-8-sig")
"anchor,n\\r\\n'=1+1,-2\\r\\n"
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING, Iterable, Mapping

from linkwijzer.i18n import text

if TYPE_CHECKING:  # pandas and the store are only needed by the functions that take them
    import pandas as pd

    from linkwijzer.store.assessments import SavedAssessment

BOM = "\ufeff"
# A tab or CR first, or one of = + - @ after any leading whitespace: spreadsheets skip the
# whitespace before deciding that a cell is a formula.
FORMULA_START = re.compile(r"^(?:[\t\r]|\s*[=+\-@])")


def defuse(value: object) -> str:
    """One cell as text, with a leading ``'`` when a spreadsheet would run it as a formula.

    Only text is defused: a real number such as ``-2`` cannot carry a formula and stays a number.
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return str(value)
    cell = str(value)
    return "'" + cell if FORMULA_START.match(cell) else cell


def safe_csv(rows: Iterable[Mapping[str, object]], columns: list[str],
             headers: dict[str, str] | None = None, *, delimiter: str = ",") -> bytes:
    """Rows as CSV bytes with the given columns in order; ``headers`` renames columns for people."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([defuse((headers or {}).get(c, c)) for c in columns])
    for row in rows:
        writer.writerow([defuse(row.get(c)) for c in columns])
    return (BOM + out.getvalue()).encode("utf-8")


def safe_csv_frame(df: "pd.DataFrame", headers: dict[str, str] | None = None, *, delimiter: str = ",") -> bytes:
    """A DataFrame as safe CSV bytes, vectorised so a million-row export stays fast.

    Text-like columns (object, string, category) are defused with one regex pass per column;
    numeric, boolean and date columns cannot hold formulas and are written as they are.
    """
    import pandas as pd

    safe = df.copy(deep=False)
    for name in safe.columns:
        column = safe[name]
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)
                or isinstance(column.dtype, pd.CategoricalDtype)):
            continue
        # Arrow-backed strings keep missing values missing and run the regex in native code.
        as_text = column.astype("string[pyarrow]")
        risky = as_text.str.match(FORMULA_START.pattern).fillna(False).astype(bool)
        if risky.any():
            as_text = as_text.where(~risky, "'" + as_text)
        safe[name] = as_text
    safe.columns = [defuse((headers or {}).get(c, c)) for c in safe.columns]
    return (BOM + safe.to_csv(index=False, sep=delimiter, lineterminator="\r\n")).encode("utf-8")


# The five trait columns (named by their ids in rules.toml) go between `quick_yes` and `boosters`.
SAVED_COLUMNS = ["id", "label", "note", "created", "source_url", "target_url", "anchor", "quick_yes",
                 "boosters", "outcome", "decision"]


def saved_list_csv(saved: list["SavedAssessment"], lang: str, *, delimiter: str = ",") -> bytes:
    """The saved assessments as one row each, with headers and values in ``lang``.

    Values are the translated texts ("Deels", "Nastreven") rather than ids, because this file
    is for people reading it in a spreadsheet; the numeric id links a row back to the app.
    The verdict is computed with the current rules, as on screen.
    """
    from linkwijzer.questionnaire.rules import load_rules

    rules = load_rules()
    headers = {c: text(lang, f"report.csv.{c}") for c in SAVED_COLUMNS}
    for trait in rules.traits:
        headers[trait] = text(lang, f"questionnaire.traits.{trait}.name")
    rows = []
    for item in saved:
        a = item.assessment
        verdict = item.verdict(lang)
        row: dict[str, object] = {
            "id": item.id, "label": item.label, "note": item.note,
            "created": item.created.strftime("%Y-%m-%d %H:%M"),
            "source_url": a.source_url, "target_url": a.target_url, "anchor": a.anchor,
            "quick_yes": verdict.quick_yes,
            "boosters": "; ".join(text(lang, f"questionnaire.boosters.{b}") for b in rules.boosters
                                  if b in a.answers.boosters),
            "outcome": text(lang, f"questionnaire.outcomes.{verdict.outcome}"),
            "decision": text(lang, f"questionnaire.decisions.{verdict.decision}"),
        }
        for trait in rules.traits:
            row[trait] = text(lang, f"questionnaire.answers.{a.answers.trait(trait)}")
        rows.append(row)
    split = SAVED_COLUMNS.index("boosters")
    columns = SAVED_COLUMNS[:split] + list(rules.traits) + SAVED_COLUMNS[split:]
    return safe_csv(rows, columns, headers, delimiter=delimiter)


__all__ = ["BOM", "defuse", "safe_csv", "safe_csv_frame", "saved_list_csv", "SAVED_COLUMNS"]
