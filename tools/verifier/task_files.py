"""The text of an annotation task: two ECB+ articles, their sentences numbered from 0."""

from __future__ import annotations

from pathlib import Path


def article_pair_lines(title: str, row: dict) -> list[str]:
    """Header, both articles' numbered sentences (``L0: ...``, ``R0: ...``), as task lines."""
    lines = [title, f"left_doc: {row['left_doc']}", f"right_doc: {row['right_doc']}", "",
             "## LEFT"]
    lines += [f"L{k}: {s}" for k, s in enumerate(row["left_sentences"])]
    lines += ["", "## RIGHT"]
    lines += [f"R{k}: {s}" for k, s in enumerate(row["right_sentences"])]
    return lines


def write_pair_tasks(out: Path, chosen: list[dict], start: int) -> None:
    """``pair_NN.txt`` for each chosen ECB+ article pair, numbered from ``start``, and a line
    saying how many were written from how many groups."""
    out.mkdir(parents=True, exist_ok=True)
    for n, row in enumerate(chosen, start=start):
        group = row["id"].split(":", 1)[0]
        lines = article_pair_lines(f"# pair_{n:02d}: {group}", row)
        (out / f"pair_{n:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(chosen)} tasks from {len({r['id'].split(':')[0] for r in chosen})} groups")


def task_doc_pairs(folder: Path, pattern: str) -> set[tuple[str, str]]:
    """(left_doc, right_doc) of every task file in ``folder`` matching ``pattern``."""
    found = set()
    for task in folder.glob(pattern):
        lines = task.read_text(encoding="utf-8").splitlines()
        found.add((lines[1].split(": ")[1], lines[2].split(": ")[1]))
    return found
