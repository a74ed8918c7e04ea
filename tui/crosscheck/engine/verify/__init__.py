"""The learned conflict verifier: a MiniLM cross-encoder fine-tuned on pairs we made.

``load_verifier`` opens the shipped int8 ONNX model (its sha256 checked first) and
``Verifier.verify`` gives each (left, right) pair calibrated probabilities of the same claim
stated consistently, the same claim or slot in conflict, and different claims, with the
conflict's type. ``select`` chooses which pairs of an analysis it reads; ``combine`` turns its
probabilities, the relatedness gate and the rules' evidence into the contradiction score;
``reason`` names the words that differ when no rule explains a conflict the model found.
"""

from crosscheck.engine.verify.model import (
    TYPES,
    Verdict,
    Verifier,
    VerifierError,
    check_verifier_file,
    load_verifier,
)

__all__ = ["TYPES", "Verdict", "Verifier", "VerifierError", "check_verifier_file",
           "load_verifier"]
