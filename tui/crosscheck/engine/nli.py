"""Optional NLI model backend: a Hugging Face sequence classifier, loaded from local files only.

transformers and torch are imported inside ``load_nli`` so that analysis without ``--nli``
never pays for them (a test checks ``sys.modules``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from crosscheck.errors import CrosscheckError

LABELS = ("contradiction", "entailment", "neutral")
DEFAULT_BATCH_SIZE = 16
MAX_TOKENS = 256


class NliScorer(Protocol):
    """Anything that gives a contradiction probability for (premise, hypothesis) pairs."""

    def score(self, pairs: list[tuple[str, str]]) -> list[float]: ...


def label_indices(id2label: Mapping[Any, str]) -> dict[str, int]:
    """Map contradiction/entailment/neutral to output indices from a model's ``id2label``.

    Case is ignored and prefixes are accepted ("CONTRADICTION", "contra", "Entail").
    """
    found: dict[str, int] = {}
    for index, label in id2label.items():
        name = str(label).strip().lower()
        for wanted in LABELS:
            if len(name) >= 3 and (wanted.startswith(name) or name.startswith(wanted)):
                found.setdefault(wanted, int(index))
    if "contradiction" not in found:
        shown = ", ".join(str(v) for v in id2label.values())
        raise CrosscheckError(f"NLI model has no contradiction label (labels: {shown})")
    return found


class HfNliScorer:
    """Batched contradiction probabilities from a sequence-classification model."""

    def __init__(self, model: Any, tokenizer: Any, contradiction: int,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.contradiction = contradiction
        self.batch_size = max(1, batch_size)

    def score(self, pairs: list[tuple[str, str]]) -> list[float]:
        """Probability of "contradiction" for each (left, right) pair, in order."""
        import torch

        out: list[float] = []
        for start in range(0, len(pairs), self.batch_size):
            batch = pairs[start:start + self.batch_size]
            encoded = self.tokenizer([a for a, _ in batch], [b for _, b in batch], padding=True,
                                     truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            with torch.no_grad():
                logits = self.model(**encoded).logits
            probabilities = torch.softmax(logits.float(), dim=-1)[:, self.contradiction]
            out.extend(round(float(p), 4) for p in probabilities)
        return out


def load_nli(model: str, *, batch_size: int = DEFAULT_BATCH_SIZE) -> HfNliScorer:
    """Load an NLI model from a local directory or the local Hugging Face cache (no download)."""
    try:
        import torch  # noqa: F401
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
    except ImportError as exc:
        raise CrosscheckError(
            f"--nli needs the optional extra: pip install 'crosscheck-tui[nli]' ({exc.name} "
            "is not installed)") from None
    try:
        tokenizer = AutoTokenizer.from_pretrained(model, local_files_only=True)
        classifier = AutoModelForSequenceClassification.from_pretrained(
            model, local_files_only=True)
    except (OSError, ValueError, KeyError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        message = f"cannot load NLI model {model!r} from local files: {first}"
        raise CrosscheckError(message) from None
    classifier.eval()
    labels = label_indices(classifier.config.id2label)
    return HfNliScorer(classifier, tokenizer, labels["contradiction"], batch_size)
