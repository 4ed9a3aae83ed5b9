"""Parsing and validating request bodies and query strings with pydantic (2001/2002/2003)."""

from __future__ import annotations

import orjson
from flask import request
from pydantic import ValidationError

from core.errors import BadBody, MissingField, ValidationFailed


def _field_errors(exc: ValidationError, skip: int = 0) -> tuple[dict, dict]:
    """Split pydantic's errors into (missing fields, invalid fields) by dotted path.

    `skip` leading parts of each path are left out (a root union's tag)."""
    missing, invalid = {}, {}
    for error in exc.errors():
        path = ".".join(str(part) for part in error["loc"][skip:]) or "body"
        if error["type"] == "missing":
            missing[path] = "required"
        elif error["type"] == "extra_forbidden":
            invalid[path] = "unknown field"
        else:
            invalid[path] = error["msg"]
    return missing, invalid


def _raise_for(missing: dict, invalid: dict) -> None:
    if missing:
        raise MissingField({**invalid, **missing})
    if invalid:
        raise ValidationFailed(invalid)


def parse_model(model_cls, data):
    """Validate data against a model, raising 2001/2002 that name every bad field."""
    try:
        model = model_cls.model_validate(data)
    except ValidationError as exc:
        _raise_for(*_field_errors(exc, getattr(model_cls, "error_path_skip", 0)))
    if hasattr(model, "problems"):
        _raise_for(*model.problems())
    return model


def json_object() -> dict:
    """The request's JSON object body, or 2003."""
    data = json_value()
    if not isinstance(data, dict):
        raise BadBody("The body must be a JSON object")
    return data


def json_value(kind: str = "a JSON object"):
    """The request's JSON body, whatever its shape, or 2003 saying to send `kind`."""
    if not request.is_json:
        raise BadBody(f"Send {kind} with Content-Type: application/json")
    raw = request.get_data(cache=True)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise BadBody(f"The body is not valid JSON: {exc}") from None
    if b"\\u0000" in raw:
        refuse_nul(data)
    return data


def refuse_nul(data) -> None:
    """2001 when text anywhere in the data holds U+0000: no storage keeps it alike (PostgreSQL
    refuses it), so none takes it."""
    if _holds_nul(data):
        raise ValidationFailed({"body": "text must not contain the NUL character (\\u0000)"})


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False
