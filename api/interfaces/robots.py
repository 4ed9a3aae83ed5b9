"""GET /robots.txt: crawlers may read the public pages, not the API or private app pages."""

from __future__ import annotations

from flask import Blueprint, Response

# The app's own pages that only make sense signed in (editors, forms, accounts) and the API.
PRIVATE_PATHS = ("/api/", "/admin", "/profile", "/sign-in", "/sign-up", "/worlds/new",
                 "/*/new", "/*/edit")
ROBOTS_TXT = "User-agent: *\n" + "".join(f"Disallow: {path}\n" for path in PRIVATE_PATHS) \
    + "Allow: /\n"


def create_robots_bp():
    """A blueprint answering /robots.txt as plain text (before the web app's fallback)."""
    bp = Blueprint("robots", __name__)

    @bp.get("/robots.txt")
    def robots_txt():
        response = Response(ROBOTS_TXT, mimetype="text/plain")
        response.headers["Cache-Control"] = "public, max-age=86400"
        return response

    return bp
