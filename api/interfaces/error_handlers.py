"""The one place that turns exceptions into enveloped error responses."""

from __future__ import annotations

import logging

from flask import request
from werkzeug.exceptions import HTTPException

from core.errors import (AI_RATE_LIMITED, BAD_BODY, BODY_TOO_LARGE, ERROR_CODES, FORBIDDEN,
                         INTERNAL_ERROR, INVALID_PARAMETERS, METHOD_NOT_ALLOWED, MISSING_TOKEN,
                         NOT_FOUND, STORAGE_UNAVAILABLE, ApiError, BodyTooLarge,
                         VersionConflict)
from interfaces.envelope import envelope
from interfaces.schemas.outputs import EntityOut, LocationOut, WorldOut
from interfaces.schemas.timeline_outputs import EventOut, StoryDetailOut
from interfaces.serialize import dump
from storage.base import StorageError

log = logging.getLogger("storyloom.errors")

HTTP_TO_CODE = {400: BAD_BODY, 401: MISSING_TOKEN, 403: FORBIDDEN, 404: NOT_FOUND,
                405: METHOD_NOT_ALLOWED, 413: BODY_TOO_LARGE, 415: BAD_BODY,
                429: AI_RATE_LIMITED}
HTTP_DETAILS = {404: "No such route or resource", 405: "Method not allowed on this route",
                413: "Request body too large", 415: "Unsupported content type; send JSON",
                400: "Malformed request"}
# How the `current` resource of a 3004 answer is written: as a read of it answers.
CURRENT_OUT = {"world": WorldOut, "story": StoryDetailOut, "entity": EntityOut,
               "location": LocationOut, "event": EventOut}


def _from_code(code: str, detail: str | None = None, data=None, headers=None):
    status, default_detail = ERROR_CODES[code]
    return envelope(code, detail or default_detail, data, status, headers)


def register_error_handlers(app, max_body_bytes: int) -> None:
    """Envelope ApiErrors, Flask's HTTP errors, storage failures and anything unexpected;
    refuse a body declared larger than the limit before anything reads it."""

    @app.before_request
    def refuse_large_bodies():
        if (request.content_length or 0) > max_body_bytes:
            raise BodyTooLarge(f"The body is larger than {max_body_bytes // (1024 * 1024)} MB")

    @app.errorhandler(VersionConflict)
    def handle_version_conflict(error: VersionConflict):
        current = dump(CURRENT_OUT[error.kind], error.current)
        return envelope(error.error_code, error.detail, {"current": current}, error.status)

    @app.errorhandler(ApiError)
    def handle_api_error(error: ApiError):
        return envelope(error.error_code, error.detail, error.data, error.status, error.headers)

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        code = HTTP_TO_CODE.get(error.code, INTERNAL_ERROR if (error.code or 500) >= 500
                                else INVALID_PARAMETERS)
        response = _from_code(code, HTTP_DETAILS.get(error.code))
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(StorageError)
    def handle_storage_error(error: StorageError):
        log.error("storage unavailable: %s", error)
        return _from_code(STORAGE_UNAVAILABLE)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        log.exception("unexpected error while serving %s %s", request.method, request.path)
        return _from_code(INTERNAL_ERROR, "Internal error; quote the request id when reporting it")
