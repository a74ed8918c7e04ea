"""Ingest: every kind of bad input is a one-line error; good input keeps exact offsets."""

from __future__ import annotations

import pytest

from crosscheck.engine.ingest import document_from_text, load_document
from crosscheck.errors import CrosscheckError


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n  ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("latin.txt", b"\xff\xfe\x00\xd8", "decode"),
    ],
)
def test_bad_file_content_is_refused_with_a_reason(tmp_path, name, data, message):
    with pytest.raises(CrosscheckError, match=message):
        load_document(write(tmp_path, name, data), side="L")


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(CrosscheckError, match="no such file"):
        load_document(str(tmp_path / "nope.txt"), side="L")


def test_directory_is_refused(tmp_path):
    with pytest.raises(CrosscheckError, match="directory"):
        load_document(str(tmp_path), side="L")


def test_file_over_the_size_cap_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", b"Words here. " * 200)
    with pytest.raises(CrosscheckError, match="limit"):
        load_document(path, side="L", max_bytes=1000)


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    doc = load_document(write(tmp_path, "bom.txt", "\ufeffHello there. Bye.".encode()), side="L")
    assert doc.text.startswith("Hello")


def test_latin1_text_is_detected_and_decoded(tmp_path):
    text = "Le ministère a déclaré que la réunion était très importante pour l'économie. " * 4
    doc = load_document(write(tmp_path, "fr.txt", text.encode("cp1252")), side="L")
    assert "ministère" in doc.text


def test_crlf_line_endings_do_not_break_offsets(tmp_path):
    doc = load_document(write(tmp_path, "crlf.txt", b"Title line\r\n\r\nOne. Two.\r\n"), side="L")
    assert [s.text for s in doc.sentences] == ["Title line", "One.", "Two."]


def test_every_sentence_offset_points_at_its_text(tmp_path):
    text = "Headline here\n\nMr. Smith went to Washington. He said \"no.\" Then left.\n\n- a list\n"
    doc = document_from_text(text, source="x", side="R")
    assert doc.sentences, "expected sentences"
    for index, sentence in enumerate(doc.sentences):
        assert sentence.id == f"R{index}"
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_single_huge_line_without_punctuation_finishes_in_bounded_chunks(tmp_path):
    words = " ".join(f"word{i}" for i in range(45000))[:300_000]
    doc = load_document(write(tmp_path, "huge.txt", words.encode()), side="L")
    assert len(doc.sentences) > 10
    assert max(len(s.text) for s in doc.sentences) <= 2000


def test_html_keeps_the_article_and_drops_scripts_and_navigation(tmp_path):
    html = b"""<html><head><title>Port strike ends</title><script>var tracker = 1;</script>
    <style>p {color: red}</style></head><body>
    <nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
    <article><h1>Port strike ends after nine days</h1>
    <p>Dock workers in Lanmouth voted on Sunday to end a strike that had lasted nine days.</p>
    <p>The union said members accepted a raise of 6 percent over two years.</p>
    <p>Shipping companies said the backlog would take weeks to clear.</p></article>
    <footer>Copyright 2026 Lanmouth Daily</footer></body></html>"""
    doc = load_document(write(tmp_path, "a.html", html), side="R")
    assert doc.title == "Port strike ends after nine days"
    assert "Dock workers in Lanmouth voted" in doc.text
    assert "tracker" not in doc.text
    assert "World news menu" not in doc.text
    assert "color: red" not in doc.text


def test_markdown_title_is_its_first_heading(tmp_path):
    doc = load_document(write(tmp_path, "a.md", b"# Council backs budget\n\nThe vote was 7-2.\n"),
                        side="L")
    assert doc.title == "Council backs budget"


def test_same_text_gives_same_sha256_and_ids():
    first = document_from_text("One thing. Another thing.", source="a", side="L")
    second = document_from_text("One thing. Another thing.", source="b", side="L")
    assert first.sha256 == second.sha256
    assert [s.id for s in first.sentences] == [s.id for s in second.sentences]
