"""The article pair the fake server knows about, and a judge config for it (imported by the
tests by this unique name: every tests/ folder has its own conftest)."""

from __future__ import annotations

from fake_server import FakeJudge

LEFT = ("Ferry to close\n\nThe river council voted to close the old ferry on Tuesday.\n"
        "Seven members backed the plan and two opposed it.\n\n"
        "Repairs would have cost four million pounds, officials said.\n")
RIGHT = ("Council shuts ferry\n\nOn Tuesday the council agreed to shut the ferry.\n"
         "Eight members backed the plan and one opposed it.\n\n"
         "The harbour master praised the crew for decades of service.\n")
# What the fake "model" knows: one conflict the engine links, one it does not.
VOTE = ("two opposed it", "one opposed it", "number")
UNLINKED = ("four million pounds", "decades of service", "other")


def config_for(fake: FakeJudge, **changes: object):
    """A judge config for ``fake`` with timeouts short enough for a test of a slow server."""
    from crosscheck.judge.config import JudgeConfig, parse_endpoint

    settings: dict = {"endpoint": parse_endpoint(fake.url, allow_remote=False),
                      "model": "judge-7b", "timeout": 5.0, "load_timeout": 5.0,
                      "retry_interval": 0.01, **changes}
    return JudgeConfig(**settings)
