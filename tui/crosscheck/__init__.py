"""Crosscheck: compare two accounts of the same story."""

__version__ = "0.1.0"
