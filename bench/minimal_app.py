"""The baseline of the API benchmark: Flask answering one fixed small JSON document.

    python bench/minimal_app.py [--port 0] [--workers 1] [--threads 8]

It is served by the very gunicorn application run.py uses (interfaces.server.StoryloomServer:
gthread workers, the same threads, keep-alive, timeouts and logger), so a ratio to it compares
the apps, not the servers. It listens on 127.0.0.1 only, prints `minimal app serving on
http://127.0.0.1:<port>` once it listens, and stops on SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "api"))

from flask import Flask, jsonify  # noqa: E402

from interfaces.logging_setup import configure_logging  # noqa: E402
from interfaces.server import StoryloomServer  # noqa: E402

DOCUMENT = {"errorCode": "0000", "errorDetail": "Operation successful",
            "data": {"status": "ok", "items": [1, 2, 3]}}


def create_app() -> Flask:
    """A Flask app with one route answering the fixed document."""
    app = Flask(__name__)

    @app.get("/api/ping")
    def ping():
        return jsonify(DOCUMENT)

    return app


class MinimalBackend:
    """What StoryloomServer expects of a backend: an `app` and a `close()`."""

    def __init__(self):
        self.app = create_app()

    def close(self) -> None:
        """Nothing to release."""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", 8)),
                        help="threads per worker (run.py: WEB_THREADS, 8)")
    args = parser.parse_args(argv)
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))

    def announce(port: int) -> None:
        print(f"minimal app serving on http://127.0.0.1:{port} (workers: {args.workers})",
              flush=True)

    server = StoryloomServer(MinimalBackend, "127.0.0.1", args.port, args.workers,
                             args.threads, announce)
    try:
        server.run()
    except SystemExit as exit_:
        return exit_.code or 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
