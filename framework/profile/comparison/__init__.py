"""Competitor comparison: mixes side by side, deviations and the link gap."""
