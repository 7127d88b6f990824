"""The presentation layer: numbers, dates, labels, tables, charts and reports per language."""
