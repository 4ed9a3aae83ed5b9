"""The AI assistant's entry point; this part reports how the provider is configured."""

from __future__ import annotations


class GPTService:
    """Knows the OpenAI-compatible provider's settings; AI jobs build on it."""

    def __init__(self, base_url: str, api_key: str, model: str):
        self.base_url = base_url
        self._api_key = api_key
        self.model = model

    @property
    def configured(self) -> bool:
        """A provider is configured by a key (OpenAI) or a base URL (Ollama, llama.cpp, vLLM)."""
        return bool(self._api_key or self.base_url)

    def status(self) -> dict:
        """What health reports: whether AI is configured and which model it uses."""
        return {"configured": self.configured, "model": self.model if self.configured else None}
