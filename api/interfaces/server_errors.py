"""Requests the HTTP server refuses before the app sees them, answered in the API's envelope."""

from __future__ import annotations

from http import HTTPStatus

import orjson

from core.errors import (ERROR_CODES, FORBIDDEN, INTERNAL_ERROR, INVALID_PARAMETERS,
                         URI_TOO_LONG)

# gunicorn's status for a request it cannot take -> the registry code that answers it.
_CODES = {400: INVALID_PARAMETERS, 414: URI_TOO_LONG, 431: INVALID_PARAMETERS,
          403: FORBIDDEN}


def write_envelope_error(sock, status: int, reason: str, message: str) -> None:
    """Write gunicorn's refusal (a request line or headers too long, a malformed request) as
    an enveloped JSON answer instead of its HTML page; the connection closes after it."""
    code = _CODES.get(status, INTERNAL_ERROR)
    http_status = ERROR_CODES[code][0]
    body = orjson.dumps({"errorCode": code, "errorDetail": f"{ERROR_CODES[code][1]}: "
                                                         f"{message}"[:300], "data": None})
    head = (f"HTTP/1.1 {http_status} {HTTPStatus(http_status).phrase}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    sock.sendall(head.encode("latin-1") + body)


def install() -> None:
    """Make this gunicorn worker process write its refusals with write_envelope_error."""
    from gunicorn.workers import base
    base.util.write_error = write_envelope_error
