"""The profile's risk signals, one module per signal id, and the registry that lists them."""
