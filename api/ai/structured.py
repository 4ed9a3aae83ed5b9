"""Structured answers: ask for JSON in the richest format the provider takes, validate it, and
repair it once (API.md §5).

Formats step down `json_schema` → `json_object` → plain prompt when the provider refuses one
(a 4xx); the client remembers the format that worked, so later requests start there. In every
format the reply's JSON is extracted (a fenced block or prose around it is not an error) and
validated against the template's schema; an invalid answer gets one repair request carrying the
validator's messages, and is unusable (4004) if still invalid.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field

from ai.client import ChatClient, Rejected
from ai.json_output import NoJson, extract_json, schema_problems
from core.errors import AiOutputUnusable, AiProviderError

log = logging.getLogger("storyloom.ai")
FORMATS = ("json_schema", "json_object", "plain")


@dataclass
class Answer:
    """A validated JSON answer, the tokens it cost and how it was obtained."""

    data: object
    prompt_tokens: int = 0
    completion_tokens: int = 0
    notes: list = field(default_factory=list)


class StructuredChat:
    """Asks one provider for answers that match a JSON Schema."""

    def __init__(self, client: ChatClient):
        self._client = client
        self._first_format = 0          # index into FORMATS: the richest one not refused
        self._lock = threading.Lock()

    def ask(self, name: str, system: str, user: str, schema: dict) -> Answer:
        """The answer to one system + user prompt as JSON matching `schema`."""
        answer = Answer(None)
        start = self._first_format
        for index in range(start, len(FORMATS)):
            kind = FORMATS[index]
            messages = _messages(kind, system, user, schema)
            try:
                reply = self._client.chat(messages, _response_format(kind, name, schema))
            except Rejected as refusal:
                answer.notes.append(f"{kind} refused ({refusal.status})")
                log.info("AI format refused; stepping down", extra={"fields": {
                    "format": kind, "status": refusal.status}})
                if index + 1 < len(FORMATS):
                    continue
                raise AiProviderError(f"The AI provider refused the request: "
                                      f"{refusal.message}") from None
            if index > start:
                with self._lock:
                    self._first_format = max(self._first_format, index)
            _count(answer, reply)
            return self._validated(answer, messages, reply.text, schema, kind, name)
        raise AssertionError("unreachable")

    def _validated(self, answer: Answer, messages, text: str, schema: dict, kind: str,
                   name: str) -> Answer:
        problems = _problems(text, schema)
        if not problems:
            answer.data = extract_json(text)
            return answer
        answer.notes.append("repaired")
        log.info("AI answer invalid; asking for a repair", extra={"fields": {
            "template": name, "problems": len(problems)}})
        repair = [*messages, {"role": "assistant", "content": text},
                  {"role": "user", "content": _repair_request(problems, schema)}]
        try:
            reply = self._client.chat(repair, _response_format(kind, name, schema))
        except Rejected as refusal:
            raise AiProviderError(f"The AI provider refused the repair request: "
                                  f"{refusal.message}") from None
        _count(answer, reply)
        problems = _problems(reply.text, schema)
        if problems:
            raise AiOutputUnusable("The AI's answer did not match the expected shape, even "
                                   f"after a repair: {problems[0]}", data={"problems": problems})
        answer.data = extract_json(reply.text)
        return answer


def _problems(text: str, schema: dict) -> list[str]:
    try:
        value = extract_json(text)
    except NoJson:
        return ["the answer holds no JSON object"]
    return schema_problems(schema, value)


def _count(answer: Answer, reply) -> None:
    answer.prompt_tokens += reply.prompt_tokens
    answer.completion_tokens += reply.completion_tokens


def _schema_text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, separators=(",", ":"))


def _messages(kind: str, system: str, user: str, schema: dict) -> list[dict]:
    """The chat messages; below `json_schema` the schema is spelled out in the system prompt."""
    if kind != "json_schema":
        system = (f"{system}\n\nAnswer with one JSON object and nothing else. It must match "
                  f"this JSON Schema: {_schema_text(schema)}")
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _response_format(kind: str, name: str, schema: dict) -> dict | None:
    if kind == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name, "schema": schema}}
    if kind == "json_object":
        return {"type": "json_object"}
    return None


def _repair_request(problems: list[str], schema: dict) -> str:
    listed = "\n".join(f"- {p}" for p in problems)
    return (f"That answer does not match the required JSON Schema:\n{listed}\n\nAnswer again "
            f"with only the corrected JSON object. The schema: {_schema_text(schema)}")
