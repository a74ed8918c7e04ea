"""Analyses cached beside the verdict database, so reopening a pair skips the work.

Keyed by both texts' sha256, the options that change the result (the semantic tier, the
verifier) and the engine's fingerprint: a hash of the engine's code and data files, so any
change to them misses the cache instead of serving an old result. One JSON file a key under
``<data dir>/analysis-cache/``, written to a temporary file and renamed into place. A file
that does not parse, or whose key or checksum does not match, is recomputed and replaced,
never trusted. The folder is capped at ``CAP_BYTES``: the least recently used files go first.
A cache that cannot be written (a full disk, a read-only folder) is skipped: the analysis
never fails for it. An analysis with a user-supplied NLI model is never cached (its model is
not part of the key).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict
from crosscheck.engine.model import Analysis, Document

FOLDER = "analysis-cache"
CAP_BYTES = 64 * 1024 * 1024
FORMAT = "crosscheck.analysis-cache/1"
# The engine's files that decide a result. The ONNX models are left out of the hash (23 MB
# each): their sha256 sits in files that are in it (verifier.json, semantic/transformer.py).
_FINGERPRINTED = (".py", ".json", ".tsv", ".npz")


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """sha256 over the package version and every engine code and data file."""
    import crosscheck
    from crosscheck import engine

    digest = hashlib.sha256(crosscheck.__version__.encode())
    root = Path(engine.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in _FINGERPRINTED):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def analysis_options(semantic: str, verify: bool) -> dict[str, str]:
    """The options that change an analysis, as the key holds them: the CLI's ``analyze`` and
    the app write the same entries for the same choices."""
    return {"semantic": semantic, "verifier": "on" if verify else "off"}


def cache_key(left: Document, right: Document, options: Mapping[str, object]) -> str:
    """The key of an analysis of ``left`` and ``right`` with these options."""
    parts = {"left": left.sha256, "right": right.sha256, "options": dict(options),
             "engine": engine_fingerprint()}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class AnalysisCache:
    """The cache folder: ``get`` a stored analysis, ``put`` a new one."""

    def __init__(self, folder: Path, cap_bytes: int = CAP_BYTES) -> None:
        self.folder = folder
        self.cap_bytes = cap_bytes

    @classmethod
    def beside(cls, database: Path) -> AnalysisCache:
        """The cache of the verdict database at ``database``."""
        return cls(database.parent / FOLDER)

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str, left: Document, right: Document) -> Analysis | None:
        """The stored analysis, with today's documents (same texts), or None."""
        path = self._file(key)
        try:
            stored = json.loads(path.read_bytes())
            body = json.dumps(stored["analysis"], sort_keys=True, ensure_ascii=False)
            if (stored.get("format") != FORMAT or stored.get("key") != key
                    or stored.get("sha256") != hashlib.sha256(body.encode()).hexdigest()):
                raise ValueError("not this key's analysis")
            analysis = analysis_from_dict(stored["analysis"])
            if (analysis.left.sha256, analysis.right.sha256) != (left.sha256, right.sha256):
                raise ValueError("other texts")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            self._forget(path)  # damaged or foreign: recomputed, never trusted
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: trimmed last
        # The same texts segment the same way: the sources (paths, URLs) are today's.
        return dataclasses.replace(analysis, left=left, right=right)

    def put(self, key: str, analysis: Analysis) -> None:
        """Store ``analysis`` under ``key`` (silently skipped when the folder is unusable)."""
        payload = analysis_to_dict(analysis)
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False)
        record = {"format": FORMAT, "key": key,
                  "sha256": hashlib.sha256(body.encode()).hexdigest(), "analysis": payload}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(record, out, ensure_ascii=False)
                os.replace(temporary, self._file(key))
            except BaseException:
                self._forget(Path(temporary))
                raise
            self._trim()
        except OSError:
            return

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
            self._forget(path)
            total -= size

    @staticmethod
    def _forget(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()


def cached(cache: AnalysisCache | None, left: Document, right: Document,
           options: Mapping[str, object], compute: Callable[[], Analysis]) -> Analysis:
    """The stored analysis for these inputs, else ``compute()``, stored (no cache: compute)."""
    if cache is None:
        return compute()
    key = cache_key(left, right, options)
    found = cache.get(key, left, right)
    if found is not None:
        return found
    analysis = compute()
    cache.put(key, analysis)
    return analysis
