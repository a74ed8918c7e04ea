"""The headless layers must never pull in the UI: analyze and export run without Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = [
    "crosscheck.engine.ingest",
    "crosscheck.engine.analyze",
    "crosscheck.engine.jsonio",
    "crosscheck.store",
    "crosscheck.cli",
]


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("module", ["crosscheck.engine.analyze", "crosscheck.store"])
def test_engine_and_store_do_not_import_rich(module: str) -> None:
    code = f"import sys, {module}\nprint(any(m.split('.')[0] == 'rich' for m in sys.modules))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
