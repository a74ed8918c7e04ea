"""Fetch an article over http(s): the only network access, and only when the user asks."""

from __future__ import annotations

import urllib.error
import urllib.request

from crosscheck.errors import CrosscheckError

USER_AGENT = "crosscheck/0.1 (+article comparison)"


def fetch_url(url: str, *, max_bytes: int, timeout: float = 15.0) -> tuple[bytes, str]:
    """Return (body, content type) of ``url``; refuse bodies over ``max_bytes``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise CrosscheckError(f"{url}: larger than the {max_bytes}-byte limit")
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "")
    except CrosscheckError:
        raise
    except urllib.error.HTTPError as exc:
        raise CrosscheckError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CrosscheckError(f"{url}: cannot fetch ({reason})") from None
    if len(body) > max_bytes:
        raise CrosscheckError(f"{url}: larger than the {max_bytes}-byte limit")
    return body, content_type
