"""Structured JSON log lines that carry the request id and never a secret."""

from __future__ import annotations

import atexit
import functools
import json
import logging
import queue
import sys
import time
from logging.handlers import QueueHandler, QueueListener

from interfaces.request_context import current_request_id

_SECRET_WORDS = ("password", "token", "secret", "api_key", "authorization")


@functools.lru_cache(maxsize=1024)
def _loggable(key: str) -> bool:
    """Whether a field may be logged: nothing whose name suggests a secret."""
    return not any(word in key.lower() for word in _SECRET_WORDS)


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every record logged while it is served."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
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
            if _loggable(key):
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO") -> None:
    """Send every log line, ours and the WSGI server's, to stderr as JSON.

    Request threads format their line (the request id lives in their context) and hand it to
    a queue; one listener thread writes. Sharing one stream handler made the worker threads
    queue on its lock.
    """
    lines: queue.SimpleQueue = queue.SimpleQueue()
    to_queue = QueueHandler(lines)
    to_queue.setFormatter(JsonFormatter())
    to_queue.addFilter(RequestIdFilter())
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.setFormatter(logging.Formatter("%(message)s"))
    listener = QueueListener(lines, to_stderr)
    listener.start()
    atexit.register(listener.stop)
    root = logging.getLogger()
    root.handlers[:] = [to_queue]
    root.setLevel(level.upper())
    # The lines print none of these, and collecting them costs more than formatting the line
    # (the "Optimization" section of the logging HOWTO).
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    logging._srcfile = None
