"""Serving the built React app at / (client routes fall back to index.html)."""

from __future__ import annotations

import os

from flask import Blueprint, Response, request
from werkzeug.routing import PathConverter
from werkzeug.security import safe_join

from interfaces.precompressed import send_built_file

# The endpoints of the web app, which answer any path that is not the API's.
FALLBACK_ENDPOINTS = frozenset({"frontend.home", "frontend.asset"})

PLACEHOLDER = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Storyloom API</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Storyloom</h1><p>The API is running. Its documentation is at <a href="/api/docs/">/api/docs</a>.</p>
<p>The web app is not built yet: run <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>,
then restart <code>python run.py</code>.</p></body></html>"""


class AppPathConverter(PathConverter):
    """A path of the web app: any path but the API's (/api, /internal and below), so an API
    path no API route has matches nothing (404 for every method) and a known one lists only
    its own methods (405 and OPTIONS)."""

    regex = r"(?!(?:api|internal)(?:/|$))[^/].*?"


def create_frontend_bp(dist_dir: str):
    """A blueprint serving dist_dir, or a page pointing to the API docs when it is missing."""
    bp = Blueprint("frontend", __name__)
    bp.record_once(lambda state: state.app.url_map.converters.setdefault("app_path",
                                                                         AppPathConverter))
    dist_dir = os.path.abspath(dist_dir)
    built = os.path.isfile(os.path.join(dist_dir, "index.html"))

    def send(path: str):
        return send_built_file(os.path.join(dist_dir, path),
                               request.headers.get("Accept-Encoding"))

    def index():
        if not built:
            return Response(PLACEHOLDER, mimetype="text/html")
        response = send("index.html")
        response.headers["Cache-Control"] = "no-cache"
        return response

    # No automatic OPTIONS: an OPTIONS to an unknown /api/ path must answer 404, not 200.
    @bp.get("/", provide_automatic_options=False)
    def home():
        return index()

    @bp.get("/<app_path:path>", provide_automatic_options=False)
    def asset(path: str):
        full = safe_join(dist_dir, path) if built else None
        if full is not None and os.path.isfile(full):
            response = send(os.path.relpath(full, dist_dir))
            if path.startswith("assets/"):
                response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return response
        return index()

    return bp
