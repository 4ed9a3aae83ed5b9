"""The one place that turns exceptions into enveloped error responses."""

from __future__ import annotations

import logging

from flask import request
from werkzeug.exceptions import HTTPException

from core.errors import ERROR_CODES, ApiError
from interfaces.envelope import envelope
from storage.base import StorageError

log = logging.getLogger("storyloom.errors")

HTTP_TO_CODE = {400: "2003", 401: "1001", 403: "1004", 404: "3001", 405: "2005",
                413: "2006", 415: "2003", 429: "0004"}
HTTP_DETAILS = {404: "No such route or resource", 405: "Method not allowed on this route",
                413: "Request body too large", 415: "Unsupported content type; send JSON",
                400: "Malformed request"}


def _from_code(code: str, detail: str | None = None, data=None, headers=None):
    status, default_detail = ERROR_CODES[code]
    return envelope(code, detail or default_detail, data, status, headers)


def register_error_handlers(app) -> None:
    """Envelope ApiErrors, Flask's HTTP errors, storage failures and anything unexpected."""

    @app.errorhandler(ApiError)
    def handle_api_error(error: ApiError):
        return envelope(error.error_code, error.detail, error.data, error.status, error.headers)

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        code = HTTP_TO_CODE.get(error.code, "5001" if (error.code or 500) >= 500 else "2001")
        response = _from_code(code, HTTP_DETAILS.get(error.code))
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(StorageError)
    def handle_storage_error(error: StorageError):
        log.error("storage unavailable: %s", error)
        return _from_code("5002")

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        log.exception("unexpected error while serving %s %s", request.method, request.path)
        return _from_code("5001", "Internal error; quote the request id when reporting it")
