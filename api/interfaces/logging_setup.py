"""Structured JSON log lines that carry the request id and never a secret."""

from __future__ import annotations

import json
import logging
import sys
import time

from flask import g, has_request_context

_SECRET_WORDS = ("password", "token", "secret", "api_key", "authorization")


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every record logged while it is served."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = g.get("request_id") if has_request_context() else None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id, extra fields."""

    converter = time.gmtime

    def format(self, record: logging.LogRecord) -> str:
        line = {"ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
                "level": record.levelname, "logger": record.name, "msg": record.getMessage()}
        if getattr(record, "request_id", None):
            line["request_id"] = record.request_id
        for key, value in (getattr(record, "fields", None) or {}).items():
            if not any(word in key.lower() for word in _SECRET_WORDS):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO") -> None:
    """Send every log line, ours and the WSGI server's, to stderr as JSON."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # waitress warns on every request that waits for a free thread; under load that is noise.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
