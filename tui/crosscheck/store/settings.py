"""The reviewer's small preferences (the palette's theme), in ``settings.json`` in the data dir.

A preference is a convenience: a missing, damaged or unwritable file is never an error, the
app just starts with its default and keeps working.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SETTINGS_NAME = "settings.json"


def read_settings(directory: Path) -> dict[str, Any]:
    """The stored preferences, ``{}`` when there are none or the file cannot be read."""
    try:
        data = json.loads((directory / SETTINGS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_setting(directory: Path, key: str, value: Any) -> bool:
    """Store one preference (temporary file renamed into place); False when it cannot be."""
    settings = {**read_settings(directory), key: value}
    target = directory / SETTINGS_NAME
    temporary = target.with_name(f".{SETTINGS_NAME}.{os.getpid()}.tmp")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(settings, indent=2, sort_keys=True) + "\n",
                             encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True
