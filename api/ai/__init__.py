"""The OpenAI-compatible client wrapper, built-in prompt templates and output schemas."""
