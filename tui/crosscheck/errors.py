"""Exit codes and the one error type every layer raises for bad input."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    INPUT = 2


class CrosscheckError(Exception):
    """A problem the user can fix; the CLI prints ``crosscheck: error: <message>`` and exits 2."""

    exit_code: ExitCode = ExitCode.INPUT
