"""URL inputs: fetched from a local server only (tests never leave this machine)."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import pytest

from crosscheck.engine.ingest import load_document
from crosscheck.errors import CrosscheckError

ARTICLE = b"""<html><head><title>Ferry service resumes</title><script>track()</script></head>
<body><nav>Home | News | Sport</nav><article><h1>Ferry service resumes after storm</h1>
<p>The ferry between Arnholt and Sellby resumed on Tuesday after a two-day suspension.</p>
<p>The operator said all crossings would run on schedule by Thursday.</p></article></body></html>
"""


@pytest.fixture
def server(tmp_path):
    (tmp_path / "article.html").write_bytes(ARTICLE)
    (tmp_path / "big.html").write_bytes(b"<p>" + b"word " * 5000 + b"</p>")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *args: None
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_and_reduced_to_the_article(server):
    doc = load_document(f"{server}/article.html", side="L")
    assert doc.source.endswith("/article.html")
    assert doc.title == "Ferry service resumes after storm"
    assert "resumed on Tuesday" in doc.text
    assert "track()" not in doc.text and "Sport" not in doc.text


def test_url_over_the_size_cap_is_refused(server):
    with pytest.raises(CrosscheckError, match="limit"):
        load_document(f"{server}/big.html", side="L", max_bytes=1000)


def test_missing_page_is_a_clear_error(server):
    with pytest.raises(CrosscheckError, match="HTTP 404"):
        load_document(f"{server}/nope.html", side="L")


def test_unreachable_host_is_a_clear_error():
    with pytest.raises(CrosscheckError, match="cannot fetch"):
        load_document("http://127.0.0.1:9/article.html", side="L")
