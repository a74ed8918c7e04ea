"""The judge stays light: its options cost the CLI's start-up nothing, and the stage brings
no UI and no numerical library (the app runs it in a thread worker)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(("module", "absent"), [
    ("crosscheck.judge.options", {"http", "numpy", "textual", "rich", "sqlite3"}),
    ("crosscheck.judge.stage", {"numpy", "scipy", "onnxruntime", "textual", "rich"}),
])
def test_judge_modules_import_only_what_they_need(module: str, absent: set[str]) -> None:
    code = (f"import sys, {module}\n"
            "print(','.join(sorted({m.split('.')[0] for m in sys.modules})))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert not absent & set(result.stdout.strip().split(","))
