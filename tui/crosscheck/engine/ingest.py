"""Read an article from a path, stdin or URL into a segmented ``Document``."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Literal

from crosscheck.engine.boilerplate import boilerplate_kind
from crosscheck.engine.decode import decode_bytes
from crosscheck.engine.model import Document, Sentence
from crosscheck.engine.segment import segment, split_paragraphs
from crosscheck.errors import CrosscheckError
from crosscheck.limited_read import read_limited

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0
Side = Literal["L", "R"]
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def load_document(source: str, *, side: Side, max_bytes: int = DEFAULT_MAX_BYTES,
                  timeout: float = DEFAULT_TIMEOUT) -> Document:
    """Load ``source`` (path, ``-`` or http(s) URL) and segment it; bad input raises.

    ``timeout`` bounds the whole read: a URL's download, or a pipe waiting for its writer.
    """
    raw, is_html = _read(source, max_bytes, timeout)
    text = decode_bytes(raw, _label(source))
    return document_from_text(text, source=source, side=side, is_html=is_html)


def document_from_text(text: str, *, source: str, side: Side, is_html: bool = False) -> Document:
    """Build a ``Document`` from already-decoded text (HTML is reduced to its main text, and
    its site name and publication times are kept; a URL's host names a page that has none)."""
    from crosscheck.engine.html_text import PageMeta, host_name

    title: str | None = None
    meta = PageMeta(host_name(source))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_html or _sniff_html(text):
        meta = _page_meta(text, source)
        text, title = _extract_html(text)
    text = text.strip("\ufeff")
    if not text.strip():
        raise CrosscheckError(f"{_label(source)}: no article text (the input is empty)")
    spans = segment(text)
    sentences = tuple(
        Sentence(
            id=f"{side}{index}", start=start, end=end, text=text[start:end],
            paragraph=paragraph, boilerplate=boilerplate_kind(text[start:end]) is not None,
        )
        for index, (start, end, paragraph) in enumerate(spans)
    )
    return Document(
        source=source,
        title=title or _first_line_title(text),
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        paragraphs=tuple(split_paragraphs(text)),
        sentences=sentences,
        name=meta.name,
        published=meta.published,
        updated=meta.updated,
    )


def _read(source: str, max_bytes: int, timeout: float) -> tuple[bytes, bool]:
    if source.startswith(("http://", "https://")):
        from crosscheck.engine.fetch import fetch_url

        body, content_type = fetch_url(source, max_bytes=max_bytes, deadline=timeout)
        return body, "html" in content_type.lower()
    if source == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise CrosscheckError(f"stdin: larger than the {max_bytes}-byte limit (--max-bytes)")
        return raw, False
    # The cap counts the bytes read, so devices (/dev/zero) and pipes are bounded too.
    raw = read_limited(source, max_bytes=max_bytes, wait=timeout)
    return raw, Path(source).suffix.lower() in _HTML_SUFFIXES


def _sniff_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _page_meta(markup: str, source: str):  # -> PageMeta (html_text is imported lazily)
    from crosscheck.engine.html_text import page_meta

    return page_meta(markup, source if source.startswith(("http://", "https://")) else None)


def _extract_html(markup: str) -> tuple[str, str | None]:
    from crosscheck.engine.html_text import html_to_text

    return html_to_text(markup)


def _first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return None


def _label(source: str) -> str:
    return "stdin" if source == "-" else source
