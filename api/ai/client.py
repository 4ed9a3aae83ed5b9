"""One chat request to an OpenAI-compatible provider, with its retries and its errors mapped.

The official `openai` client makes the request; its own retries are off, because it also
retries 408, 409 and refused connections. Here a request is retried, with exponential backoff,
only on 429, on 5xx and on a timeout, at most `retries` times; a provider nobody listens on is
4001 at once, and any other 4xx is answered at once (as `Rejected`, so the caller may step down
to a simpler format).
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass

import openai

from core.errors import AiProviderError, AiTimeout, AiUnavailable

log = logging.getLogger("storyloom.ai")
MAX_RETRY_AFTER = 20.0      # seconds: a longer Retry-After is not waited for


@dataclass
class Reply:
    """What the model wrote and the tokens it cost."""

    text: str
    prompt_tokens: int
    completion_tokens: int


class Rejected(Exception):
    """The provider refused the request with a 4xx other than 429 (no retry)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class ChatClient:
    """Sends chat requests to one provider and model."""

    def __init__(self, base_url: str, api_key: str, model: str, timeout: float = 60.0,
                 retries: int = 3, backoff: float = 0.5, sleep=time.sleep):
        # Local servers (Ollama, llama.cpp, vLLM) need no key; the client insists on one.
        self._client = openai.OpenAI(api_key=api_key or "not-needed", base_url=base_url or None,
                                     timeout=timeout, max_retries=0)
        self.model = model
        self.timeout = timeout
        self._retries = retries
        self._backoff = backoff
        self._sleep = sleep

    def chat(self, messages: list[dict], response_format: dict | None = None) -> Reply:
        """The model's reply; raises Rejected, AiUnavailable (4001), AiProviderError (4002) or
        AiTimeout (4003)."""
        options = {"response_format": response_format} if response_format else {}
        for attempt in range(self._retries + 1):
            last = attempt == self._retries
            try:
                completion = self._client.chat.completions.create(
                    model=self.model, messages=messages, **options)
                return _reply(completion)
            except openai.APITimeoutError:
                if last:
                    raise AiTimeout(f"The AI provider did not answer within {self.timeout:g} "
                                    f"seconds ({attempt + 1} attempts)") from None
                wait = self._wait(attempt, None)
            except openai.APIConnectionError:
                # Not one of the retried failures (429, 5xx, timeouts): nobody is listening.
                raise AiUnavailable("The AI provider cannot be reached; check OPENAI_BASE_URL "
                                    "and that the server runs") from None
            except openai.APIStatusError as error:
                status = error.status_code
                if status != 429 and status < 500:
                    raise _rejection(error) from None
                if last:
                    raise AiProviderError(f"The AI provider answered {status} "
                                          f"({attempt + 1} attempts)") from None
                wait = self._wait(attempt, error.response.headers.get("retry-after"))
            log.info("AI request retried", extra={"fields": {"attempt": attempt + 1,
                                                            "wait_s": round(wait, 2)}})
            self._sleep(wait)
        raise AssertionError("unreachable")

    def _wait(self, attempt: int, retry_after: str | None) -> float:
        """Seconds before the next attempt: the provider's Retry-After, else backoff."""
        try:
            asked = float(retry_after) if retry_after is not None else None
        except ValueError:
            asked = None
        if asked is not None and 0 <= asked <= MAX_RETRY_AFTER:
            return asked
        return self._backoff * (2 ** attempt) * (0.5 + random.random())


def _reply(completion) -> Reply:
    """The text of the first choice, and the usage (0 when the provider leaves it out)."""
    choices = getattr(completion, "choices", None) or []
    text = (choices[0].message.content or "") if choices else ""
    usage = getattr(completion, "usage", None)
    return Reply(text, int(getattr(usage, "prompt_tokens", 0) or 0),
                 int(getattr(usage, "completion_tokens", 0) or 0))


def _rejection(error) -> Exception:
    """A 401/403 (the key) or 404 (the model) is the setup's fault: 4002 with what to fix.
    Any other 4xx may be a format the provider does not take: Rejected, to step down."""
    status = error.status_code
    if status in (401, 403):
        return AiProviderError("The AI provider refused the API key (check OPENAI_API_KEY)")
    if status == 404:
        return AiProviderError("The AI provider does not know this model or route (check "
                               "OPENAI_MODEL and OPENAI_BASE_URL)")
    return Rejected(status, _message_of(error))


def _message_of(error) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return inner["message"][:300]
    return f"status {error.status_code}"
