"""The Textual review app; build it with ``make_app``."""

from __future__ import annotations

from crosscheck.app.app import CrosscheckApp, make_app

__all__ = ["CrosscheckApp", "make_app"]
