"""The judge's answers, cached beside the verdict database, so reopening a pair asks nothing.

One JSON file an answer under ``<data dir>/judge-cache/``, keyed by the server's API kind,
the model, the prompt version, both texts' sha256 and the question itself (a digest of
everything sent). Only answers that passed the schema are stored, and they are checked again
when read: a file that does not parse, or whose key or checksum does not match, is dropped and
the question asked again, never trusted. Written to a temporary file and renamed into place;
the folder is capped at ``CAP_BYTES`` (least recently used first). A folder that cannot be
written is skipped: the judge never fails for its cache. The same folder remembers which
remote hosts were told the articles' text, so that warning is given on first use.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

FOLDER = "judge-cache"
CAP_BYTES = 16 * 1024 * 1024
FORMAT = "crosscheck.judge-cache/1"
_REMOTE_HOSTS = "remote-hosts.txt"  # not *.json: never trimmed


def answer_key(server: str, model: str, prompt: str, left_sha256: str, right_sha256: str,
               question: str) -> str:
    """The cache key of one answer (``question`` is the digest of what was sent)."""
    parts = {"server": server, "model": model, "prompt": prompt, "left": left_sha256,
             "right": right_sha256, "question": question}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class JudgeCache:
    """The cache folder: ``get`` a stored answer, ``put`` a new one."""

    def __init__(self, folder: Path, cap_bytes: int = CAP_BYTES) -> None:
        self.folder = folder
        self.cap_bytes = cap_bytes

    @classmethod
    def beside(cls, database: Path) -> JudgeCache:
        """The judge cache of the verdict database at ``database``."""
        return cls(database.parent / FOLDER)

    def get(self, key: str) -> dict | None:
        """The stored answer under ``key`` (the caller validates it again), or None."""
        path = self.folder / f"{key}.json"
        try:
            stored = json.loads(path.read_bytes())
            answer = stored["answer"]
            if (stored.get("format") != FORMAT or stored.get("key") != key
                    or stored.get("sha256") != _checksum(answer) or not isinstance(answer, dict)):
                raise ValueError("not this key's answer")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            _forget(path)  # damaged or foreign: asked again, never trusted
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: trimmed last
        return answer

    def put(self, key: str, answer: dict) -> None:
        """Store ``answer`` under ``key`` (silently skipped when the folder is unusable)."""
        record = {"format": FORMAT, "key": key, "sha256": _checksum(answer), "answer": answer}
        with contextlib.suppress(OSError):
            self._write(f"{key}.json", json.dumps(record, ensure_ascii=False))
            self._trim()

    def first_use_of(self, host: str) -> bool:
        """Whether ``host`` has not been sent text before (and remember that it now has).

        Unreadable or unwritable: True every time, so the warning is never lost.
        """
        path = self.folder / _REMOTE_HOSTS
        try:
            known = path.read_text(encoding="utf-8").split()
        except FileNotFoundError:
            known = []
        except (OSError, UnicodeDecodeError):
            return True
        if host in known:
            return False
        with contextlib.suppress(OSError):
            self._write(_REMOTE_HOSTS, "\n".join([*known, host]) + "\n")
        return True

    def _write(self, name: str, text: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, self.folder / name)
        except BaseException:
            _forget(Path(temporary))
            raise

    def _trim(self) -> None:
        files = []
        for path in self.folder.glob("*.json"):
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= self.cap_bytes:
                break
            _forget(path)
            total -= size


def _checksum(answer: object) -> str:
    body = json.dumps(answer, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
