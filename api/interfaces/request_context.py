"""Per-request bookkeeping: the X-Request-ID header and one access log line."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import g, request

log = logging.getLogger("storyloom.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def register_request_hooks(app) -> None:
    """Give each request an id (the client's if it is sane) and log how it went."""

    @app.before_request
    def assign_request_id():
        sent = request.headers.get("X-Request-ID", "")
        g.request_id = sent if _SAFE_ID.match(sent) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def stamp_and_log(response):
        request_id = g.get("request_id") or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        started = g.get("started")
        log.info("request", extra={"request_id": request_id, "fields": {
            "method": request.method, "path": request.path, "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
            "user_id": g.get("user_id")}})
        return response
