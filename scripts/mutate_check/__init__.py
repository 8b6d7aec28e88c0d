"""The mutation run of `sourcing-sim check` (entry point: scripts/mutate-check.py)."""
