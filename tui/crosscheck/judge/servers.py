"""What each server's answers look like, and what to tell the user when it lacks the model.

Four servers are in view: Ollama (its own API, plus an OpenAI-compatible route), llama.cpp's
``llama-server``, vLLM and LM Studio (OpenAI-compatible). Their model lists tell them apart
(``owned_by``), which is all the hint for a missing model needs.
"""

from __future__ import annotations

from crosscheck.textsafe import terminal_text

# The model list each API serves, and the field that names a model in it.
MODEL_LISTS = {"openai": ("/v1/models", "data", "id"), "ollama": ("/api/tags", "models", "name")}
CHAT_PATHS = {"openai": "/v1/chat/completions", "ollama": "/api/chat"}
_OWNERS = {"llamacpp": "llama.cpp", "vllm": "vllm", "organization_owner": "lm-studio",
           "library": "ollama"}


def served_models(kind: str, listing: object) -> tuple[list[str], str | None] | None:
    """The model names in a model list answer and the server software they suggest, or None
    when the answer is not that API's list (LM Studio answers unknown routes with 200)."""
    _, key, name_field = MODEL_LISTS[kind]
    entries = listing.get(key) if isinstance(listing, dict) else None
    if not isinstance(entries, list):
        return None
    names = [str(e[name_field]) for e in entries
             if isinstance(e, dict) and isinstance(e.get(name_field), str)]
    if kind == "ollama":
        return names, "ollama"
    owners = {e.get("owned_by") for e in entries if isinstance(e, dict)}
    software = next((_OWNERS[o] for o in owners if isinstance(o, str) and o in _OWNERS), None)
    return names, software


def same_model(asked: str, named: str) -> bool:
    """Whether a listed or answering model name is the one asked for: Ollama adds a
    ``:latest`` tag, llama.cpp and LM Studio may name a model by its file path."""
    return _normal(asked) == _normal(named)


def _normal(name: str) -> str:
    name = name.strip().lower().replace("\\", "/").rsplit("/", 1)[-1]
    name = name.removesuffix(".gguf")
    return name.removesuffix(":latest")


def missing_model_hint(model: str, names: list[str], software: str | None) -> str:
    """One line: the model is not served, what is, and how this server gets it."""
    listed = ", ".join(shown(n) for n in names[:5]) + (" …" if len(names) > 5 else "")
    served = f"it serves {listed}" if names else "it serves no model"
    hint = {
        "ollama": f"run 'ollama pull {shown(model)}'",
        "lm-studio": f"load {shown(model)} in LM Studio (or 'lms load {shown(model)}')",
        "vllm": "vLLM serves the names given by --served-model-name",
        "llama.cpp": "llama-server serves the model it was started with (-m FILE, "
                     "--alias NAME)",
    }.get(software or "", "pass one of the served names as --judge-model")
    return f"model {shown(model)} is not served there ({served}): {hint}"


def shown(text: str) -> str:
    """A server's string as a message may hold it: one line, controls visible, bounded."""
    text = terminal_text(text, one_line=True)
    return text if len(text) <= 80 else text[:79] + "…"


def server_message(body: bytes) -> str:
    """The error a server put in its answer (``{"error": ...}``), safe and short, or ''."""
    import json

    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        text = body.decode("utf-8", "replace")
    else:
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict):
            error = error.get("message")
        text = error if isinstance(error, str) else ""
    text = " ".join(text.split())
    return shown(text[:200]) if text else ""


def is_loading(status: int, body: bytes) -> bool:
    """A server that is up but still loading its model (llama.cpp: 503 "Loading model")."""
    return status == 503 and b"oading" in body[:2000]
