"""Argument parsing and exit codes only; the work happens in engine, store, reports and app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from crosscheck import __version__
from crosscheck.errors import CrosscheckError, ExitCode
from crosscheck.judge.options import add_judge_options, judge_config
from crosscheck.output import emit, error_line, refuse_inputs, report_width, write_output

SUBCOMMANDS = ("analyze", "facts", "demo", "open", "export", "import", "list")


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line on stderr with exit code 2."""

    def error(self, message: str) -> NoReturn:
        error_line(f"{message} (see 'crosscheck --help')")
        self.exit(ExitCode.INPUT)

    def _print_message(self, message: str, file=None) -> None:  # noqa: ANN001 - argparse's
        # Help and usage echo argv (an invalid choice, say): through the sanitising writer.
        if message:
            emit(message, stream=file or sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar (also used by the help-text test)."""
    reviewer_help = "reviewer name (default: $CROSSCHECK_REVIEWER or the login name)"
    # SUPPRESS: a subcommand's --reviewer must not reset one given before the subcommand.
    common = _Parser(add_help=False)
    common.add_argument("--reviewer", default=argparse.SUPPRESS, help=reviewer_help)
    parser = _Parser(
        prog="crosscheck",
        description="Compare two accounts of the same story. "
        "'crosscheck LEFT RIGHT' opens the review app.",
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    parser.add_argument("--reviewer", default=None, help=reviewer_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    analyze = sub.add_parser("analyze", parents=[common], help="analyse a pair headlessly",
                             description="Align two articles and print the analysis.")
    _add_inputs(analyze)
    analyze.add_argument("--format", choices=("json", "text", "tsv", "markdown"),
                         default="text",
                         help="output format: text (blocks wrapped to $COLUMNS, else the "
                         "terminal's width, else 80), tsv (a header row, then one line an "
                         "item), markdown, json (default: text)")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    analyze.add_argument(
        "--only", metavar="CLASSES", type=_item_classes, default=None,
        help="list only these items, a comma list of: flags (likely contradictions), "
        "one-sided (sentences only one article has), links (every linked pair); the summary "
        "counts still cover everything, and json is always the whole analysis")
    analyze.add_argument(
        "--fail-on-flags", action="store_true",
        help="exit with status 1 (after writing the output) when a likely contradiction "
        "is found, 0 when none is; errors stay status 2")
    add_judge_options(analyze)
    analyze.set_defaults(func=_run_analyze)

    opener = sub.add_parser("open", parents=[common], help="open a pair in the review app "
                            "(also: crosscheck LEFT RIGHT)",
                            description="Open two articles side by side for review.")
    _add_inputs(opener)
    opener.set_defaults(func=_run_open)

    facts = sub.add_parser("facts", parents=[common], help="print the facts table of a pair",
                           description="Every figure, date, name and quote of two articles, "
                           "one row per slot: conflicts first, then facts only one source "
                           "states, then agreements.")
    _add_inputs(facts)
    facts.add_argument("--format", choices=("text", "markdown", "csv", "json"), default="text",
                       help="output format (default: text, fitted to the terminal)")
    facts.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    facts.set_defaults(func=_run_facts)

    demo = sub.add_parser("demo", parents=[common], help="open the bundled sample pair",
                          description="Open the bundled sample pair in the review app.")
    demo.add_argument("--nli", metavar="MODEL", help="local NLI model path or cached name")
    demo.add_argument("--print", dest="print_only", action="store_true",
                      help="print the analysis instead of opening the app")
    _add_semantic(demo)
    _add_verifier(demo)
    _add_no_cache(demo)
    add_names(demo)
    demo.set_defaults(func=_run_demo)

    from crosscheck.cli_store import register

    register(sub, common)
    return parser


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("left", metavar="LEFT", help="left article: path, '-' for stdin, or URL")
    parser.add_argument("right", metavar="RIGHT", help="right article: path, '-' or URL")
    parser.add_argument("--max-bytes", type=_positive_int, default=10 * 1024 * 1024,
                        metavar="N", help="refuse inputs larger than N bytes (default 10 MB)")
    add_timeout(parser)
    parser.add_argument("--nli", metavar="MODEL",
                        help="local NLI model (path or cached name) to score contradictions")
    _add_semantic(parser)
    _add_verifier(parser)
    _add_no_cache(parser)
    add_names(parser)


def add_names(parser: argparse.ArgumentParser) -> None:
    """``--name LEFT_NAME RIGHT_NAME``: the outlets' names, shown instead of Left / Right."""
    parser.add_argument(
        "--name", nargs=2, metavar=("LEFT_NAME", "RIGHT_NAME"), type=_source_name,
        default=None, help="the two sources' names (default: the page's site name, else the "
        "URL's host, else none)")


def _source_name(value: str) -> str:
    name = " ".join(value.split())
    if not name or len(name) > 80 or not name.isprintable():
        raise argparse.ArgumentTypeError(
            "a source name is 1 to 80 printable characters")
    return name


def _item_classes(value: str) -> frozenset[str]:
    from crosscheck.reports.select import parse_item_classes

    try:
        return parse_item_classes(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_no_cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache", action="store_true",
        help="analyse afresh: neither read nor write the analysis cache kept beside the "
        "verdict database")


def _analysis_cache(args: argparse.Namespace):
    """The analysis cache beside the verdict database, or None (``--no-cache``, ``--nli``)."""
    if args.no_cache or args.nli:
        return None
    from crosscheck.store.analysis_cache import AnalysisCache
    from crosscheck.store.db import default_db_path

    return AnalysisCache.beside(default_db_path())


def _add_verifier(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verifier", choices=("on", "off"), default="off",
        help="on: the learned conflict verifier also reads the pairs that can conflict "
        "(experimental; see BENCHMARKS.md) (default: off, the rules alone)")


def _add_semantic(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--semantic", choices=("auto", "full", "fast", "off"), default="auto",
        help="sentence-embedding tier: full (transformer), fast (static), off (words only); "
        "auto picks full when this machine is expected to load it and embed the pair within "
        "0.3 s, else fast (default: auto)")


def add_timeout(parser: argparse.ArgumentParser) -> None:
    """``--timeout``: the whole read of an input (a URL's download, a pipe's writer)."""
    parser.add_argument("--timeout", type=_positive_float, default=60.0, metavar="SECONDS",
                        help="give up on an input (URL, pipe) not read in full within "
                        "SECONDS (default 60)")


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number < 1e9:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r}")
    return number


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r}")
    return number


def _load_pair(args: argparse.Namespace):
    from crosscheck.engine.ingest import load_document

    if args.left == "-" and args.right == "-":
        raise CrosscheckError("only one side can be read from stdin")
    left = load_document(args.left, side="L", max_bytes=args.max_bytes, timeout=args.timeout)
    right = load_document(args.right, side="R", max_bytes=args.max_bytes, timeout=args.timeout)
    if getattr(args, "name", None):
        import dataclasses

        left = dataclasses.replace(left, name=args.name[0])
        right = dataclasses.replace(right, name=args.name[1])
    from crosscheck.engine.semantic import check_model_files, content_count

    # A missing or damaged model file is one line and exit 2 before any work or screen.
    check_model_files(args.semantic, content_count(left, right))
    if args.verifier == "on":
        from crosscheck.engine.verify import check_verifier_file

        check_verifier_file()  # a missing or damaged model is one line, exit 2
    return left, right


def _load_nli(name: str | None):
    if not name:
        return None
    from crosscheck.engine.nli import load_nli

    return load_nli(name)


def _run_analyze(args: argparse.Namespace) -> int:
    from crosscheck.reports import render_analysis
    from crosscheck.reports.rows import flag_count

    judge = judge_config(args)  # an option that cannot work: one line, exit 2, before the work
    if args.output is not None:  # before the work, not after it
        refuse_inputs(args.output, (args.left, args.right))
    left, right = _load_pair(args)
    from crosscheck.store.analysis_cache import analysis_options, cached

    def compute():
        # Imported on a cache miss only: the aligner brings scipy (about 0.17 s).
        from crosscheck.engine.analyze import analyze

        return analyze(left, right, nli=_load_nli(args.nli), semantic=args.semantic,
                       verify=args.verifier == "on")

    analysis = cached(_analysis_cache(args), left, right,
                      analysis_options(args.semantic, args.verifier == "on"), compute)
    if judge is not None:  # a stage after the engine; the analysis is never lost for it
        from crosscheck.judge.analyze_stage import judge_for_analyze

        analysis = judge_for_analyze(analysis, judge, use_cache=not args.no_cache,
                                     semantic=args.semantic, progress=_progress)
    to_terminal = args.output is None and _is_tty()
    color = to_terminal and not os.environ.get("NO_COLOR")  # https://no-color.org
    # `demo --print` comes here too, without the analyze-only options.
    only, fail_on_flags = getattr(args, "only", None), getattr(args, "fail_on_flags", False)
    output = render_analysis(analysis, args.format, color=color, only=only,
                             width=report_width(to_terminal=to_terminal))
    write_output(output, args.output, inputs=(args.left, args.right), styled=color)
    if fail_on_flags and flag_count(analysis):
        return ExitCode.FAILURE
    return ExitCode.OK


def _run_facts(args: argparse.Namespace) -> int:
    import shutil

    from crosscheck.reports.facts_table import render_facts

    if args.output is not None:
        refuse_inputs(args.output, (args.left, args.right))
    left, right = _load_pair(args)
    from crosscheck.store.analysis_cache import analysis_options, cached

    def compute():
        from crosscheck.engine.analyze import analyze

        return analyze(left, right, nli=_load_nli(args.nli), semantic=args.semantic,
                       verify=args.verifier == "on")

    analysis = cached(_analysis_cache(args), left, right,
                      analysis_options(args.semantic, args.verifier == "on"), compute)
    width = shutil.get_terminal_size((80, 24)).columns if _is_tty() else 80
    output = render_facts(analysis, args.format, width=width)
    write_output(output, args.output, inputs=(args.left, args.right), styled=False)
    return ExitCode.OK


def _run_open(args: argparse.Namespace) -> int:
    # Inputs, the model and the store are checked before the app takes the screen, so every
    # error is the same one line as in `analyze`. Reading a long pair takes a moment before
    # the screen can open: say so at once, on the terminal only.
    _progress(f"crosscheck: reading {args.left} and {args.right} …")
    # The engine process boots while the inputs are read and starts analysing them before
    # Textual is imported; it loads every model itself. A --nli model is loaded here instead
    # (a bad one is the one error line before any screen) and a loaded model does not cross
    # a pipe: that analysis stays in this process, its sentence model loading meanwhile.
    engine = None if args.nli else _engine_process()
    try:
        try:
            documents = _load_pair(args)
        finally:
            _progress("")  # an error is then the one line left on the terminal
        _progress(f"crosscheck: {len(documents[0].sentences):,} and "
                  f"{len(documents[1].sentences):,} sentences read; opening the review …\n")
        nli = _load_nli(args.nli)
        if nli is not None:
            from crosscheck.engine.semantic import prefetch

            prefetch(documents, args.semantic)
        elif engine is not None:
            cache = _analysis_cache(args)
            engine.analyse(*documents, semantic=args.semantic, verify=args.verifier == "on",
                           nli=None, cache_folder=str(cache.folder) if cache else None)
        return _run_app(args, documents, nli, engine)
    finally:
        if engine is not None:
            engine.close()  # whatever ended the app, or an input error before it


def _engine_process():
    """The app's engine process, started (None if no process can be: the app says why)."""
    from crosscheck.analysis_client import EngineClient

    engine = EngineClient()
    try:
        engine.start()
    except OSError:
        return None
    return engine


def _run_demo(args: argparse.Namespace) -> int:
    from crosscheck.demo import demo_pair

    left, right = demo_pair()
    args.left, args.right, args.max_bytes = str(left), str(right), 10 * 1024 * 1024
    args.timeout = 60.0
    if args.print_only:
        args.format, args.output = "text", None
        return _run_analyze(args)
    return _run_open(args)


def _run_app(args: argparse.Namespace, documents, nli: object, engine=None) -> int:
    from crosscheck.app import make_app
    from crosscheck.app.terminal_input import keys_from_terminal, lenient_keyboard

    # An article read from stdin leaves no keyboard there: the terminal takes its place.
    keys_from_terminal((getattr(args, "left", ""), getattr(args, "right", "")))
    lenient_keyboard()

    app = make_app(args.left, args.right, reviewer=args.reviewer, nli=nli, store_path=None,
                   documents=documents, semantic=args.semantic,
                   verify=args.verifier == "on", cache=not args.no_cache, engine=engine)
    app.start_engine()  # if the CLI has not: the analysis starts while Textual does
    try:
        app.run()
    finally:
        app.close_engine()  # whatever ended the app (its unmount kills it too)
    if app.fatal_error:
        raise CrosscheckError(app.fatal_error)
    return int(app.return_code or 0)


def _progress(message: str) -> None:
    """A status line on an interactive terminal, replacing the previous one ("" clears it)."""
    if sys.stderr.isatty():
        sys.stderr.write(_CLEAR_LINE)
        if message:
            emit(message, stream=sys.stderr)
        sys.stderr.flush()


_CLEAR_LINE = "\r\x1b[K"  # our own control sequence: back to the line start, erase it


def _is_tty() -> bool:
    return sys.stdout.isatty()


_VALUE_OPTIONS = {"--reviewer", "--nli", "--max-bytes", "--semantic", "--timeout",
                  "--verifier"}


def _normalise_argv(argv: list[str]) -> list[str]:
    """``crosscheck LEFT RIGHT`` is shorthand for ``crosscheck open LEFT RIGHT``."""
    if {"-h", "--help", "--version"} & set(argv):
        return argv
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True  # the next word is this option's value, not a command
        elif not arg.startswith("-") or arg == "-":
            return argv if arg in SUBCOMMANDS else ["open", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``crosscheck`` command."""
    args_list = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitCode.INPUT
    try:
        if getattr(args, "reviewer", None):
            from crosscheck.store.db import check_reviewer

            check_reviewer(args.reviewer, "--reviewer")
        return int(args.func(args))
    except CrosscheckError as exc:
        error_line(str(exc))
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
