"""Backlink profiles: import of vendor exports, metrics and risk signals."""
