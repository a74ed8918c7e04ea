"""``emit``, the one writer to stdout and stderr: what a terminal may receive (issue 10)."""

from __future__ import annotations

import io
import json

import pytest

from crosscheck.output import emit, error_line
from crosscheck.textsafe import json_safe, terminal_text

HOSTILE = "a\x1b]52;c;cHduZWQ=\x07b\u202ec\x9b2Jd\ud800e\rf"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_messages_are_sanitised_wherever_they_go() -> None:
    out = io.StringIO()
    emit(HOSTILE + "\n", stream=out)
    assert out.getvalue() == "a␛]52;c;cHduZWQ=␇b<U+202E>c\ufffd2Jd\ufffde␍f\n"


def test_data_is_byte_exact_when_piped_and_sanitised_on_a_terminal() -> None:
    piped, terminal = io.StringIO(), Terminal()
    emit("x,y\r\n" + HOSTILE, stream=piped, data=True)
    emit("x,y\r\n" + HOSTILE, stream=terminal, data=True)
    assert piped.getvalue() == "x,y\r\n" + HOSTILE.replace("\ud800", "\ufffd")
    assert terminal.getvalue() == "x,y\n" + terminal_text(HOSTILE)


def test_an_error_is_one_line_whatever_its_message(capsys: pytest.CaptureFixture[str]) -> None:
    error_line("/tmp/evil\nsecond: no such file")
    err = capsys.readouterr().err
    assert err == "crosscheck: error: /tmp/evil\u2424second: no such file\n"


def test_json_safe_escapes_exactly_and_keeps_the_value() -> None:
    value = {"k": HOSTILE + "\u2028\u0085"}
    text = json_safe(json.dumps(value, ensure_ascii=False))
    assert all(not 0x80 <= ord(c) < 0xA0 and c not in "\u202e\u2028" for c in text)
    assert json.loads(text) == value
