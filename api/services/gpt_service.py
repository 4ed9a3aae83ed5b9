"""The AI assistant's entry point: the configured provider, asked through stored templates."""

from __future__ import annotations

import logging

from ai.client import ChatClient
from ai.structured import Answer, StructuredChat
from ai.templates import LANGUAGE_NAMES
from core.errors import AiUnavailable

log = logging.getLogger("storyloom.ai")


class GPTService:
    """Knows the OpenAI-compatible provider and asks it for answers in a template's shape."""

    def __init__(self, base_url: str, api_key: str, model: str, templates,
                 timeout: float = 60.0, retries: int = 3, backoff: float = 0.5):
        self.base_url = base_url
        self._api_key = api_key
        self.model = model
        self.templates = templates
        self._chat = StructuredChat(ChatClient(base_url, api_key, model, timeout, retries,
                                               backoff)) if self.configured else None

    @property
    def configured(self) -> bool:
        """A provider is configured by a key (OpenAI) or a base URL (Ollama, llama.cpp, vLLM)."""
        return bool(self._api_key or self.base_url)

    def status(self) -> dict:
        """What health reports: whether AI is configured and which model it uses."""
        return {"configured": self.configured, "model": self.model if self.configured else None}

    def require(self) -> None:
        """4001 when no provider is configured."""
        if not self.configured:
            raise AiUnavailable("No AI provider is configured: set OPENAI_API_KEY, or "
                                "OPENAI_BASE_URL for a local server (README: \"AI\")")

    def ask(self, template: str, values: dict, language: str) -> Answer:
        """The model's answer for a template, rendered with `values`, in the language."""
        self.require()
        prompt = self.templates.prompt(template, {
            **values, "language": LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["vi"])})
        answer = self._chat.ask(template, prompt.system, prompt.user, prompt.schema)
        log.info("AI answer", extra={"fields": {
            "template": template, "template_version": prompt.version,
            "prompt_tokens": answer.prompt_tokens, "completion_tokens": answer.completion_tokens,
            "notes": answer.notes}})
        return answer
