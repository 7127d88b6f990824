"""Importing backlink exports: detect, read, convert to the canonical table, merge and fold."""
