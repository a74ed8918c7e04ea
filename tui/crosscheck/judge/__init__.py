"""An optional judge: a language-model server the user names reads the pairs most likely to
conflict and both articles, and its checked findings join the analysis (issue 18).

``JudgeRun`` (stage.py) asks one question at a time as a generator, for the CLI and the app
alike; ``apply_judgements`` (merge.py) joins what it found to an ``Analysis``. Nothing here
depends on the server: every failure ends the run with a one-line message.
"""
