"""The judge's command-line options, and the checked ``JudgeConfig`` they give.

Imported by the CLI at start-up, so it imports nothing heavy. A value that cannot work (a
malformed URL, a remote host without ``--judge-allow-remote``, a key bound for plain http) is
a ``JudgeOptionError``: one line and exit status 2, before any work.
"""

from __future__ import annotations

import argparse
import os

from crosscheck.judge.config import (
    KEY_VARIABLE,
    MODEL_VARIABLE,
    URL_VARIABLE,
    JudgeConfig,
    JudgeOptionError,
    check_key,
    parse_endpoint,
)

MODES = {"pair": ("pair",), "article": ("article",), "both": ("pair", "article")}


def add_judge_options(parser: argparse.ArgumentParser) -> None:
    """``--judge URL`` and its companions (README, "The judge")."""
    group = parser.add_argument_group(
        "judge", "an optional language-model server reads the likeliest conflicts and both "
        "articles (README, 'The judge')")
    group.add_argument("--judge", metavar="URL", default=None,
                       help=f"the server, such as http://127.0.0.1:11434 (default: "
                       f"${URL_VARIABLE}; none: no judge)")
    group.add_argument("--no-judge", action="store_true",
                       help=f"no judge even if ${URL_VARIABLE} is set")
    group.add_argument("--judge-model", metavar="NAME", default=None,
                       help=f"the model the server serves (default: ${MODEL_VARIABLE})")
    group.add_argument("--judge-api", choices=("auto", "openai", "ollama"), default="auto",
                       help="openai (/v1/chat/completions), ollama (/api/chat), or auto: "
                       "probe the server (default: auto)")
    group.add_argument("--judge-mode", choices=tuple(MODES), default="both",
                       help="pair: ask about the likeliest conflicting pairs; article: give "
                       "it both articles; both (default)")
    group.add_argument("--judge-pairs", type=_count, default=40, metavar="K",
                       help="how many pairs pair mode asks about (default 40)")
    group.add_argument("--judge-context", type=_count, default=8192, metavar="TOKENS",
                       help="the model's context window; longer articles are sent in parts "
                       "(default 8192)")
    group.add_argument("--judge-timeout", type=_seconds, default=120.0, metavar="SECONDS",
                       help="give up on an answer after SECONDS (default 120)")
    group.add_argument("--judge-load-timeout", type=_seconds, default=600.0, metavar="SECONDS",
                       help="the first answer, while the server may load the model "
                       "(default 600)")
    group.add_argument("--judge-allow-remote", action="store_true",
                       help="allow a server that is not this machine (the articles' text is "
                       "sent there)")


def judge_config(args: argparse.Namespace) -> JudgeConfig | None:
    """The judge the user asked for, checked; None when no judge is asked (or the command
    has no judge options)."""
    if not hasattr(args, "judge") or args.no_judge:
        return None
    url = args.judge if args.judge is not None else os.environ.get(URL_VARIABLE, "")
    if not url:
        return None
    endpoint = parse_endpoint(url, allow_remote=args.judge_allow_remote)
    model = args.judge_model or os.environ.get(MODEL_VARIABLE, "")
    if not model:
        raise JudgeOptionError(f"the judge needs a model: --judge-model NAME (or "
                               f"${MODEL_VARIABLE})")
    if len(model) > 200 or not model.isprintable() or any(ch.isspace() for ch in model):
        raise JudgeOptionError("--judge-model: a model name is up to 200 printable "
                               "characters without spaces")
    if args.judge_load_timeout < args.judge_timeout:
        raise JudgeOptionError("--judge-load-timeout must be at least --judge-timeout")
    return JudgeConfig(
        endpoint=endpoint, model=model, api=args.judge_api, modes=MODES[args.judge_mode],
        pairs=args.judge_pairs, context=args.judge_context, timeout=args.judge_timeout,
        load_timeout=args.judge_load_timeout,
        key=check_key(endpoint, os.environ.get(KEY_VARIABLE)))


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 0 < number <= 1_000_000:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number < 1e6:
        raise argparse.ArgumentTypeError(f"must be positive: {value!r}")
    return number
