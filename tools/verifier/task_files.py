"""The text of an annotation task: two ECB+ articles, their sentences numbered from 0."""

from __future__ import annotations


def article_pair_lines(title: str, row: dict) -> list[str]:
    """Header, both articles' numbered sentences (``L0: ...``, ``R0: ...``), as task lines."""
    lines = [title, f"left_doc: {row['left_doc']}", f"right_doc: {row['right_doc']}", "",
             "## LEFT"]
    lines += [f"L{k}: {s}" for k, s in enumerate(row["left_sentences"])]
    lines += ["", "## RIGHT"]
    lines += [f"R{k}: {s}" for k, s in enumerate(row["right_sentences"])]
    return lines
