"""The WordPiece tokenizer of all-MiniLM-L6-v2, shipped with Crosscheck (``assets/``)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from crosscheck.errors import CrosscheckError

ASSETS = Path(__file__).resolve().parent / "assets"
TOKENIZER_FILE = ASSETS / "tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 128  # the length the model was trained at; longer sentences are truncated


class SemanticModelError(CrosscheckError):
    """A model or tokenizer file is missing or damaged (reinstall crosscheck-tui)."""


def verified_bytes(path: Path, sha256: str, what: str) -> bytes:
    """The bytes of ``path`` if their sha256 is ``sha256``; otherwise a one-line error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SemanticModelError(
            f"{what} is missing ({exc.strerror or exc}); reinstall crosscheck-tui") from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SemanticModelError(f"{what} is damaged (sha256 mismatch); reinstall crosscheck-tui")
    return data


@lru_cache(maxsize=1)
def load_tokenizer():  # -> tokenizers.Tokenizer (imported lazily: analyze may not need it)
    """The verified tokenizer, unpadded, truncated at ``MAX_TOKENS``."""
    from tokenizers import Tokenizer

    data = verified_bytes(TOKENIZER_FILE, TOKENIZER_SHA256, "the sentence tokenizer")
    tokenizer = Tokenizer.from_str(data.decode("utf-8"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    return tokenizer
