"""The judge's settings and the server address they name, checked before any work.

Only loopback is spoken to unless the user allows remote hosts, since the articles' text is
sent to the server; a key for a hosted endpoint comes from the environment only (never argv,
where other users can read it, nor the store), and is sent only over https or to loopback.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from crosscheck.errors import CrosscheckError

ApiChoice = Literal["auto", "openai", "ollama"]
Mode = Literal["pair", "article"]
KEY_VARIABLE = "CROSSCHECK_JUDGE_KEY"
URL_VARIABLE = "CROSSCHECK_JUDGE_URL"
MODEL_VARIABLE = "CROSSCHECK_JUDGE_MODEL"


class JudgeOptionError(CrosscheckError):
    """A judge option that cannot work as given (the CLI's one line, exit 2)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where the server listens: ``scheme://host:port`` plus any path prefix (a proxy's)."""

    scheme: str
    host: str
    port: int
    prefix: str
    loopback: bool

    @property
    def base(self) -> str:
        """The base URL as shown to people and recorded in the JSON."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{self.prefix}"


@dataclass(frozen=True, slots=True)
class JudgeConfig:
    """What the user asked of the judge. Timeouts are seconds; ``context`` is in tokens."""

    endpoint: Endpoint
    model: str
    api: ApiChoice = "auto"
    modes: tuple[Mode, ...] = ("pair", "article")
    pairs: int = 40
    context: int = 8192
    # One answer; the first gets ``load_timeout`` instead: a cold model loads on first use
    # (Ollama, LM Studio), which takes minutes for a 7B model from a slow disk.
    timeout: float = 120.0
    load_timeout: float = 600.0
    connect_timeout: float = 5.0
    retry_interval: float = 1.0  # between tries while a server says it is still loading
    max_answer_bytes: int = 1 << 20  # a server that streams forever is cut off here
    key: str | None = field(default=None, repr=False)


def parse_endpoint(url: str, *, allow_remote: bool) -> Endpoint:
    """The endpoint of ``url`` (http or https, a host, no credentials), or JudgeOptionError."""
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        raise JudgeOptionError(f"{url!r}: not a server URL (spaces or control characters)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # a broken IPv6 literal, a port out of range
        raise JudgeOptionError(f"{url}: not a server URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise JudgeOptionError(f"{url}: the judge URL must be http:// or https:// with a host, "
                               "such as http://127.0.0.1:11434")
    if parts.username is not None or parts.password is not None:
        raise JudgeOptionError(f"the judge URL must not hold credentials: put a key in "
                               f"${KEY_VARIABLE}")
    if parts.query or parts.fragment:
        raise JudgeOptionError(f"{url}: the judge URL takes no query or fragment")
    host = parts.hostname
    loopback = _is_loopback(host)
    if not loopback and not allow_remote:
        raise JudgeOptionError(
            f"{host} is not this machine: the articles' text would be sent there; pass "
            "--judge-allow-remote to allow it")
    prefix = parts.path.rstrip("/")
    # "…/v1" names the OpenAI route itself; the client adds it back.
    prefix = prefix[:-3] if prefix.endswith("/v1") else prefix
    return Endpoint(scheme, host, port or (443 if scheme == "https" else 80), prefix, loopback)


def check_key(endpoint: Endpoint, key: str | None) -> str | None:
    """The key to send, or JudgeOptionError if it would cross the network in clear text."""
    if not key:
        return None
    if not key.isprintable() or any(ch.isspace() for ch in key):
        raise JudgeOptionError(f"${KEY_VARIABLE} holds spaces or control characters")
    if endpoint.scheme != "https" and not endpoint.loopback:
        raise JudgeOptionError(f"${KEY_VARIABLE} is set and {endpoint.host} is reached over "
                               "plain http: use https, or unset the key")
    return key


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: where it resolves is not ours to trust
