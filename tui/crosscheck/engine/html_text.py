"""Main-text extraction from HTML: trafilatura first, a tag-stripping fallback for short pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BLOCKS = ("script style noscript nav header footer aside form iframe svg template button"
           .split())


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return (main text with paragraphs separated by blank lines, title or None)."""
    import trafilatura
    from lxml import html

    try:
        tree = html.fromstring(markup)
    except (ValueError, SyntaxError):
        tree = None
    title = _title(tree)
    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
        output_format="txt",
    )
    fallback = _fallback_text(tree)
    # trafilatura drops very short pages and sometimes the headline; prefer whichever
    # keeps more of the article body.
    if not text or len(text) < 0.6 * len(fallback):
        text = fallback
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return _blank_line_paragraphs(text), title


def _title(tree: HtmlElement | None) -> str | None:
    if tree is None:
        return None
    for xpath in ("//h1", "//title"):
        for node in tree.xpath(xpath):
            value = " ".join(node.text_content().split())
            if value:
                return value
    return None


def _fallback_text(tree: HtmlElement | None) -> str:
    """Visible block text without page furniture (this drops nodes from ``tree``)."""
    if tree is None:
        return ""
    for node in tree.xpath("|".join(f"//{tag}" for tag in _BLOCKS) + "|//title"):
        node.drop_tree()
    blocks = []
    for node in tree.xpath("//h1|//h2|//h3|//h4|//p|//li|//blockquote|//pre|//td|//figcaption"):
        value = " ".join(node.text_content().split())
        if value and not node.xpath("ancestor::p|ancestor::li|ancestor::blockquote"):
            blocks.append(value)
    return "\n\n".join(blocks)


def _blank_line_paragraphs(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(line for line in lines if line)).strip()
