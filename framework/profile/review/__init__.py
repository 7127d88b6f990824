"""A whole profile review: filters, the signals from the registry, the three conditions and the outcome."""
