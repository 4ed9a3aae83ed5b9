"""Serving the built React app at / (client routes fall back to index.html)."""

from __future__ import annotations

import os

from flask import Blueprint, Response, abort, send_from_directory

PLACEHOLDER = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Storyloom API</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Storyloom</h1><p>The API is running. Its documentation is at <a href="/api/docs/">/api/docs</a>.</p>
<p>The web app is not built yet: run <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>,
then restart <code>python run.py</code>.</p></body></html>"""


def create_frontend_bp(dist_dir: str):
    """A blueprint serving dist_dir, or a page pointing to the API docs when it is missing."""
    bp = Blueprint("frontend", __name__)
    built = os.path.isfile(os.path.join(dist_dir, "index.html"))

    def index():
        if not built:
            return Response(PLACEHOLDER, mimetype="text/html")
        response = send_from_directory(dist_dir, "index.html")
        response.headers["Cache-Control"] = "no-cache"
        return response

    @bp.get("/")
    def home():
        return index()

    @bp.get("/<path:path>")
    def asset(path: str):
        if path == "api" or path.startswith("api/"):
            abort(404)
        if built and os.path.isfile(os.path.join(dist_dir, path)):
            response = send_from_directory(dist_dir, path)
            if path.startswith("assets/"):
                response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return response
        return index()

    return bp
