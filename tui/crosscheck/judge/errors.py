"""How the judge fails: each failure is one message a person can act on.

A ``JudgeFailure`` stops the judge (the server is gone, the model is missing, an answer never
ends); an ``InvalidAnswer`` spoils one answer only, and the judge goes on to the next question.
Neither ever stops the analysis: the CLI and the app report the message and keep the engine's
result.
"""

from __future__ import annotations


class JudgeFailure(Exception):
    """The judge cannot go on; ``str(exc)`` says why (may quote the server: print it safely)."""


class InvalidAnswer(Exception):
    """One answer was unusable (not JSON, not the schema, cut short); the next may be fine."""


class JudgeCancelled(Exception):
    """The caller cancelled the run (the app's cancel key, or closing it)."""
