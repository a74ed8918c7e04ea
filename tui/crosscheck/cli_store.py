"""The ``export``, ``import`` and ``list`` subcommands: parsing and printing only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crosscheck.errors import CrosscheckError, ExitCode
from crosscheck.output import write_output
from crosscheck.textsafe import visible_controls


def register(subparsers: argparse._SubParsersAction,
             common: argparse.ArgumentParser | None = None) -> None:
    """Add the store subcommands; each sets ``func(args) -> int``."""
    parents = [common] if common is not None else []
    export = subparsers.add_parser(
        "export", parents=parents, help="write stored verdicts as jsonl, csv, markdown or w3c",
        description="Write every stored verdict (or one comparison's) to stdout or a file.")
    export.add_argument("--format", choices=("jsonl", "csv", "markdown", "w3c"), default="jsonl",
                        help="jsonl (default, re-importable), csv, markdown report, or w3c "
                        "Web Annotation JSON-LD")
    export.add_argument("--comparison", type=int, metavar="ID",
                        help="only this comparison (ids are shown by 'crosscheck list')")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    export.set_defaults(func=run_export)

    importer = subparsers.add_parser(
        "import", parents=parents, help="merge a jsonl export from another reviewer",
        description="Merge a JSONL export; importing the same file twice changes nothing.")
    importer.add_argument("file", metavar="FILE", help="a file made by 'crosscheck export'")
    importer.set_defaults(func=run_import)

    lister = subparsers.add_parser(
        "list", parents=parents, help="list stored comparisons and reviewer agreement",
        description="Show stored comparisons; with two or more reviewers, their agreement "
        "(Cohen's kappa) and the items where they disagree.")
    lister.set_defaults(func=run_list)


def run_export(args: argparse.Namespace) -> int:
    """``crosscheck export``."""
    from crosscheck.store import VerdictStore
    from crosscheck.store.exports import FORMATS

    with VerdictStore.open() as store:
        records = store.export_records(args.comparison)
    write_output(FORMATS[args.format](records), args.output)
    if args.output is not None:
        print(f"wrote {len(records)} verdicts to {args.output}", file=sys.stderr)
    return ExitCode.OK


def run_import(args: argparse.Namespace) -> int:
    """``crosscheck import FILE``."""
    from crosscheck.store import VerdictStore

    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CrosscheckError(f"{args.file}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CrosscheckError(f"{args.file}: cannot read ({exc})") from None
    with VerdictStore.open() as store:
        report = store.import_jsonl(text, args.file)
    print(report.summary())
    return ExitCode.OK


def run_list(args: argparse.Namespace) -> int:
    """``crosscheck list``."""
    from crosscheck.store import VerdictStore

    with VerdictStore.open() as store:
        summaries = store.comparisons()
        agreements = {s.id: store.agreement(s.id) for s in summaries if len(s.reviewers) > 1}
    if not summaries:
        print("no stored comparisons yet (open a pair with 'crosscheck LEFT RIGHT')")
        return ExitCode.OK
    for s in summaries:
        # Titles and sources come from articles: never let their control codes reach the tty.
        left_title, right_title = (visible_controls(t or "(untitled)")
                                   for t in (s.left_title, s.right_title))
        print(f"#{s.id}  {visible_controls(s.left_source)}  <>  {visible_controls(s.right_source)}")
        print(f"     titles: {left_title} / {right_title}")
        print(f"     items: {s.items}  reviewed: {s.reviewed}  last activity: "
              f"{s.last_activity}  reviewers: {', '.join(s.reviewers) or '-'}")
        for pair in agreements.get(s.id, []):
            kappa = "n/a" if pair.kappa is None else f"{pair.kappa:.2f}"
            print(f"     {pair.first} vs {pair.second}: kappa {kappa} on {pair.shared} items, "
                  f"{len(pair.disagreements)} disagreements")
            for key, first, second in pair.disagreements:
                print(f"       {key}: {pair.first}={first} {pair.second}={second}")
    return ExitCode.OK
