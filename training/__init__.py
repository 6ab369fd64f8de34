"""Reproducible training of kroniek's Dutch analysis models (never run in CI)."""
