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


@pytest.mark.parametrize("argv", [["--help"], ["list"], ["export", "--format", "jsonl"]])
def test_commands_that_analyse_nothing_import_no_engine(argv: list[str], tmp_path) -> None:
    # These answer at start-up speed: numpy, scipy, onnxruntime and the aligner stay unloaded.
    code = (
        "import contextlib, io, sys\n"
        "from crosscheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({argv!r})\n"
        "heavy = {'numpy', 'scipy', 'onnxruntime', 'tokenizers'}\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & heavy)))\n"
        "print('crosscheck.engine.match' in sys.modules)\n"
    )
    env = {**__import__("os").environ, "CROSSCHECK_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=env)
    assert result.stdout.split("\n")[:2] == ["", "False"]
