"""The verdict store: SQLite schema, migrations, the verdict API, exports and imports.

No UI imports here: the app and the CLI call this package, never the reverse.
"""

from __future__ import annotations

from crosscheck.store.db import StoreError, data_dir, default_db_path, default_reviewer
from crosscheck.store.records import (
    VERDICTS,
    Comparison,
    ComparisonSummary,
    Item,
    Selector,
    VerdictRecord,
)
from crosscheck.store.verdicts import VerdictStore

__all__ = [
    "VERDICTS",
    "Comparison",
    "ComparisonSummary",
    "Item",
    "Selector",
    "StoreError",
    "VerdictRecord",
    "VerdictStore",
    "data_dir",
    "default_db_path",
    "default_reviewer",
]
