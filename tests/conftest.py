"""Settings every test shares."""

import os

# `--semantic auto` chooses by the throughput it measures on the machine; the suite pins it
# (2,000 sentences a second: the full tier up to 120 content sentences, as the tests expect),
# so no test's tier depends on how busy the machine is. Subprocesses inherit it.
os.environ.setdefault("CROSSCHECK_SEMANTIC_RATE", "2000")
