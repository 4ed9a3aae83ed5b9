"""Per-request bookkeeping: the X-Request-ID header and the access log line."""

from __future__ import annotations

import logging
import random
import re
import time

from flask import g, request

log = logging.getLogger("storyloom.access")
_ids = random.Random()
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
SLOW_MS = 500


def new_request_id() -> str:
    """A random 128-bit id in hex for tracing, not for secrets.

    Seeded once from the OS; per-request os.urandom would hand the GIL to another thread on
    every request, which costs more than the id itself under load.
    """
    return "%032x" % _ids.getrandbits(128)


def register_request_hooks(app) -> None:
    """Give each request an id (the client's if it is sane) and log how it went."""

    @app.before_request
    def assign_request_id():
        sent = request.headers.get("X-Request-ID", "")
        g.request_id = sent if sent and _SAFE_ID.match(sent) else new_request_id()
        g.started = time.perf_counter()

    @app.after_request
    def stamp_and_log(response):
        request_id = g.get("request_id") or new_request_id()
        response.headers["X-Request-ID"] = request_id
        started = g.get("started")
        ms = round((time.perf_counter() - started) * 1000, 2) if started else None
        # Failures and slow answers at INFO; every request at DEBUG (LOG_LEVEL=DEBUG).
        level = logging.INFO if response.status_code >= 400 or (ms or 0) > SLOW_MS \
            else logging.DEBUG
        if log.isEnabledFor(level):
            log.log(level, "request", extra={"request_id": request_id, "fields": {
                "method": request.method, "path": request.path,
                "status": response.status_code, "ms": ms, "user_id": g.get("user_id")}})
        return response
