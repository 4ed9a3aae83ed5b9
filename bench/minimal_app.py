"""The baseline of the API benchmark: Flask answering one fixed small JSON document via waitress.

    python bench/minimal_app.py [--port 0] [--threads 8]

It listens on 127.0.0.1 only, prints `serving on http://127.0.0.1:<port>` once it listens, and
stops on SIGTERM. Everything Storyloom's own answers cost beyond this is the app's own work.
"""

from __future__ import annotations

import argparse
import signal
import sys

from flask import Flask, jsonify

DOCUMENT = {"errorCode": "0000", "errorDetail": "Operation successful",
            "data": {"status": "ok", "items": [1, 2, 3]}}


def create_app() -> Flask:
    """A Flask app with one route answering the fixed document."""
    app = Flask(__name__)

    @app.get("/api/ping")
    def ping():
        return jsonify(DOCUMENT)

    return app


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (run.py: 8)")
    args = parser.parse_args(argv)
    from waitress import create_server

    server = create_server(create_app(), host="127.0.0.1", port=args.port,
                           threads=args.threads, ident="minimal")

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    print(f"minimal app serving on http://127.0.0.1:{server.effective_port}", flush=True)
    try:
        server.run()
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
