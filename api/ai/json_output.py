"""Finding the JSON in a model's reply and checking it against the template's schema."""

from __future__ import annotations

import json
import re

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

_FENCED = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)
MAX_MESSAGES = 8


class NoJson(ValueError):
    """The reply holds no JSON object or array."""


def extract_json(text: str):
    """The JSON value a reply carries: the whole reply, a fenced block, or the first object or
    array inside surrounding prose (providers that ignore the requested format do all three)."""
    text = (text or "").strip()
    try:
        return json.loads(text)
    except ValueError:
        pass
    for block in _FENCED.findall(text):
        try:
            return json.loads(block.strip())
        except ValueError:
            continue
    decoder = json.JSONDecoder()
    for index, char in enumerate(text):
        if char in "{[":
            try:
                value, _ = decoder.raw_decode(text, index)
            except ValueError:
                continue
            return value
    raise NoJson("the reply holds no JSON object")


def check_schema(schema: dict) -> None:
    """Raise SchemaError when the schema itself is not a valid JSON Schema."""
    Draft202012Validator.check_schema(schema)


def schema_problems(schema: dict, value) -> list[str]:
    """What makes the value not match the schema, one sentence each (none when it matches)."""
    validator = Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "the answer"
        problems.append(f"{where}: {error.message}")
        if len(problems) >= MAX_MESSAGES:
            break
    return problems


__all__ = ["NoJson", "SchemaError", "check_schema", "extract_json", "schema_problems"]
