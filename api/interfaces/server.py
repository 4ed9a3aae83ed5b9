"""Serving the app with gunicorn: one port, one or several worker processes.

Each worker process builds its own ApiBackend (storage, services, app) after the fork. The
master prints where it serves once it listens; SIGTERM stops every worker after the requests
in flight, and each closes its backend (TinyDB writes its snapshot then).
"""

from __future__ import annotations

import logging
import os
import sys

from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from interfaces import server_errors
from interfaces.collector import tune_collector
from interfaces.config import ConfigError
from interfaces.logging_setup import configure_logging
from storage import StorageError

WORKER_BOOT_ERROR = 3     # gunicorn's exit status for a worker that could not start
log = logging.getLogger("storyloom")


class JsonLogger(glogging.Logger):
    """gunicorn's messages go through the root logger, as JSON lines like everything else."""

    def setup(self, cfg):
        self.cfg = cfg
        self.error_log.setLevel(self.LOG_LEVELS.get(cfg.loglevel.lower(), logging.INFO))
        self.error_log.propagate = True
        self.error_log.handlers[:] = []
        self.access_log.disabled = True

    def access(self, resp, req, environ, request_time):
        """Requests are logged by the app itself (request_context.py)."""


class StoryloomServer(BaseApplication):
    """A gunicorn application whose workers each build an ApiBackend with `make_backend`."""

    def __init__(self, make_backend, host: str, port: int, workers: int, threads: int,
                 announce, log_level: str = "INFO"):
        self._make_backend = make_backend
        self._options = {
            "bind": f"{host}:{port}", "workers": workers, "worker_class": "gthread",
            "threads": threads, "keepalive": 15, "graceful_timeout": 30, "timeout": 60,
            "logger_class": JsonLogger, "loglevel": "warning", "accesslog": None,
            "preload_app": False, "proc_name": "storyloom",
            # gunicorn's control socket (a shared ~/.gunicorn/gunicorn.ctl that can kill or
            # shut the server down) is unused here, and its thread is stopped and restarted
            # around every fork of a worker, which has raced in past releases.
            "control_socket_disable": True,
            "when_ready": self._when_ready, "post_fork": self._post_fork,
            "post_worker_init": _prepare_worker, "worker_exit": self._worker_exit}
        self._log_level = log_level
        self._announce = announce
        self._backend = None
        super().__init__()

    def load_config(self):
        for name, value in self._options.items():
            self.cfg.set(name, value)

    def load(self):
        """Build this worker's backend; a start refused for a clear reason says so, once."""
        try:
            self._backend = self._make_backend()
        except (ConfigError, StorageError) as exc:
            print(f"Storyloom cannot start: {exc}", file=sys.stderr, flush=True)
            # Leave at once: a SystemExit would unwind into the caller's code in this forked
            # process. The master stops every worker when one cannot boot.
            os._exit(WORKER_BOOT_ERROR)
        return self._backend.app

    def _post_fork(self, server, worker) -> None:
        # The thread that writes log lines does not survive a fork: each worker starts its own.
        configure_logging(self._log_level)

    def _when_ready(self, server) -> None:
        port = server.LISTENERS[0].sock.getsockname()[1]
        self._announce(port)

    def _worker_exit(self, server, worker) -> None:
        if self._backend is not None:
            self._backend.close()


def _prepare_worker(worker) -> None:
    # What the worker built while starting is long-lived: keep the cycle collector from
    # rescanning it on every full collection, and from running on every few hundred objects.
    tune_collector()
    server_errors.install()
