"""The response envelope of every /api answer: {errorCode, errorDetail, data}."""

from __future__ import annotations

import orjson
from flask import Response

from core.errors import SUCCESS

SUCCESS_DETAIL = "Operation successful"


def envelope(code: str, detail: str, data, status: int, headers: dict | None = None) -> Response:
    """A JSON response in the envelope shape."""
    document = {"errorCode": code, "errorDetail": detail, "data": data}
    try:
        body = orjson.dumps(document)
    except orjson.JSONEncodeError:
        # A key that is not a string (a count by year): allowed, at three times the cost,
        # so only answers that need it pay it.
        body = orjson.dumps(document, option=orjson.OPT_NON_STR_KEYS)
    response = Response(body, status=status, mimetype="application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def ok(data=None, status: int = 200) -> Response:
    """A success envelope (200, 201 created or 202 accepted)."""
    return envelope(SUCCESS, SUCCESS_DETAIL, {} if data is None else data, status)
