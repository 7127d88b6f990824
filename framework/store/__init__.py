"""The embedded SQLite store: saved assessments and the fetch cache, each in its own module."""
