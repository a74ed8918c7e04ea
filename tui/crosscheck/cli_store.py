"""The ``export``, ``import`` and ``list`` subcommands: parsing and printing only."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from crosscheck.errors import CrosscheckError, ExitCode
from crosscheck.output import emit, write_output
from crosscheck.textsafe import terminal_text

IMPORT_MAX_BYTES = 256 * 1024 * 1024  # a team's export: far above any real one, below RAM
MAX_ID = 2**63 - 1  # SQLite's largest integer

if TYPE_CHECKING:
    from crosscheck.store.records import ComparisonSummary


def register(subparsers: argparse._SubParsersAction,
             common: argparse.ArgumentParser | None = None) -> None:
    """Add the store subcommands; each sets ``func(args) -> int``."""
    parents = [common] if common is not None else []
    export = subparsers.add_parser(
        "export", parents=parents, help="write stored verdicts as jsonl, csv, markdown or w3c",
        description="Write every stored verdict (or one comparison's) to stdout or a file.")
    export.add_argument("--format", choices=("jsonl", "csv", "markdown", "w3c"), default="jsonl",
                        help="jsonl (default, re-importable), csv, markdown (the newsroom report; "
                        "--full for everything), or w3c "
                        "Web Annotation JSON-LD")
    export.add_argument("--full", action="store_true",
                        help="markdown: every verdict group with item ids and scores, instead "
                        "of the newsroom report")
    export.add_argument("--comparison", type=_comparison_id, metavar="ID",
                        help="only this comparison (ids are shown by 'crosscheck list')")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(func=run_export)

    importer = subparsers.add_parser(
        "import", parents=parents, help="merge a jsonl export from another reviewer",
        description="Merge a JSONL export; importing the same file twice changes nothing.")
    importer.add_argument("file", metavar="FILE", help="a file made by 'crosscheck export'")
    importer.add_argument("--max-bytes", type=int, default=IMPORT_MAX_BYTES, metavar="N",
                          help="refuse files larger than N bytes (default 256 MB)")
    importer.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                          help="give up on a pipe not read in full within SECONDS")
    importer.set_defaults(func=run_import)

    lister = subparsers.add_parser(
        "list", parents=parents, help="list stored comparisons and reviewer agreement",
        description="Show stored comparisons; with two or more reviewers, their agreement "
        "(Cohen's kappa) and the items where they disagree.")
    lister.set_defaults(func=run_list)


def _comparison_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comparison id: {value!r}") from None
    if not 0 < number <= MAX_ID:
        raise argparse.ArgumentTypeError(f"no comparison has id {value} (see 'crosscheck list')")
    return number


def run_export(args: argparse.Namespace) -> int:
    """``crosscheck export``."""
    from crosscheck.store import VerdictStore, default_db_path
    from crosscheck.store.exports import render

    with VerdictStore.open() as store:
        if args.comparison is not None:
            records = store.export_records(args.comparison)
            included = []
        else:
            included = [(s, store.export_records(s.id)) for s in store.comparisons()]
            records = [r for _, found in included for r in found]
        coverage = store.coverage(None if args.comparison is None else [args.comparison])
    text = render(args.format, records, full=args.full, coverage=coverage)
    # The database is an input too: `-o` onto it would replace the verdicts with their export.
    write_output(text, args.output, inputs=[default_db_path()])
    if args.output is not None:
        emit(f"wrote {len(records)} verdicts to {args.output}\n", stream=sys.stderr)
    if args.comparison is None:
        emit(_included_note(included), stream=sys.stderr)
    return ExitCode.OK


def _included_note(included: list[tuple[ComparisonSummary, list]]) -> str:
    """Which comparisons an export of everything took records from, one line each."""
    lines = [f"included comparison #{s.id}: {s.left_name or s.left_title or s.left_source} / "
             f"{s.right_name or s.right_title or s.right_source} "
             f"({s.left_source} | {s.right_source}; "
             f"{len(found)} record{'' if len(found) == 1 else 's'})"
             for s, found in included if found]
    if not lines:
        return "no verdicts or notes stored yet; nothing included\n"
    return "\n".join(lines) + "\n"


def run_import(args: argparse.Namespace) -> int:
    """``crosscheck import FILE``."""
    from crosscheck.limited_read import read_limited
    from crosscheck.store import VerdictStore

    # Capped by the bytes read and bounded in time: /dev/zero or a FIFO cannot hang import.
    raw = read_limited(args.file, max_bytes=args.max_bytes, wait=args.timeout)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CrosscheckError(f"{args.file}:{line}: not UTF-8 text; nothing was imported") from None
    with VerdictStore.open() as store:
        report = store.import_jsonl(text, args.file)
    emit(report.summary() + "\n")
    return ExitCode.OK


def run_list(args: argparse.Namespace) -> int:
    """``crosscheck list``."""
    from crosscheck.store import VerdictStore

    with VerdictStore.open() as store:
        summaries = store.comparisons()
        agreements = {s.id: store.agreement(s.id) for s in summaries if len(s.reviewers) > 1}
    if not summaries:
        emit("no stored comparisons yet (open a pair with 'crosscheck LEFT RIGHT')\n")
        return ExitCode.OK
    lines = []
    for s in summaries:
        # Every field is stored data (titles and sources from articles, reviewer names and
        # times from imports): one line each, and emit makes control codes visible.
        left_title, right_title = (_one_line(t or "(untitled)")
                                   for t in (s.left_title, s.right_title))
        lines.append(f"#{s.id}  {_one_line(s.left_name or s.left_source)}  <>  "
                     f"{_one_line(s.right_name or s.right_source)}")
        if s.left_name or s.right_name:
            # Named outlets: the paths or URLs still say which files were compared.
            lines.append(f"     sources: {_one_line(s.left_source)} / "
                         f"{_one_line(s.right_source)}")
        lines.append(f"     titles: {left_title} / {right_title}")
        reviewers = ", ".join(_one_line(name) for name in s.reviewers) or "-"
        lines.append(f"     items: {s.items}  reviewed: {s.reviewed}  last activity: "
                     f"{_one_line(str(s.last_activity))}  reviewers: {reviewers}")
        for pair in agreements.get(s.id, []):
            kappa = "n/a" if pair.kappa is None else f"{pair.kappa:.2f}"
            first, second = _one_line(pair.first), _one_line(pair.second)
            lines.append(f"     {first} vs {second}: kappa {kappa} on {pair.shared} items, "
                         f"{len(pair.disagreements)} disagreements")
            for key, one, other in pair.disagreements:
                lines.append(f"       {_one_line(key)}: {first}={one} {second}={other}")
    emit("".join(line + "\n" for line in lines))
    return ExitCode.OK


def _one_line(value: str) -> str:
    return terminal_text(value, one_line=True)
