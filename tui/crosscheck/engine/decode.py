"""Bytes to text: BOM-aware, UTF-8 first, then detection; binary data is refused."""

from __future__ import annotations

import codecs
import re

from crosscheck.errors import CrosscheckError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED = {"cp1252": 0, "latin_1": 1, "iso8859_15": 2}
# Control characters that never occur in prose; tab, newline, CR and form feed do.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def decode_bytes(raw: bytes, label: str) -> str:
    """Decode article bytes; raise CrosscheckError for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                message = f"{label}: cannot decode as {encoding}: {exc.reason}"
                raise CrosscheckError(message) from None
    if _looks_binary(raw):
        raise CrosscheckError(f"{label}: looks like binary data, not an article")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise CrosscheckError(f"{label}: cannot decode the text (not UTF-8, encoding unknown)")
    best = matches[0]
    # Detection often ties between Windows code pages; Western European text is far more
    # common in news files than Central European, so prefer it when the evidence is equal.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if len(tied) > 1 and not any(m.encoding in _PREFERRED for m in tied):
        # Undecided (typical of a short line: "déclaré" ties between a dozen code pages and
        # the first of them made "dķclarķ"), and the candidates need not even hold cp1252:
        # take it when the result reads like Western European text.
        western = _western(raw)
        if western is not None:
            return western
    preferred = min(tied, key=lambda m: _PREFERRED.get(m.encoding, len(_PREFERRED)))
    return str(preferred)


def _western(raw: bytes) -> str | None:
    """``raw`` as cp1252 (else Latin-1) when it reads like Western European text.

    Accented letters there stand one or two at a time between ASCII letters ("déclaré",
    "Größe"); Cyrillic or Greek bytes read as cp1252 give whole words of them ("Ïðèâåò").
    """
    for encoding in ("cp1252", "latin_1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any("\x80" <= ch <= "\x9f" for ch in text) or _LONG_ACCENT_RUN.search(text):
            return None
        return text
    return None


_LONG_ACCENT_RUN = re.compile(r"[^\x00-\x7f]{3,}")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return bool(sample) and controls / len(sample) > 0.05
