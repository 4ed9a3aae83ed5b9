"""The README names only routes the app has."""

from __future__ import annotations

import os
import re

import pytest
from werkzeug.exceptions import MethodNotAllowed, NotFound

from interfaces.frontend import FALLBACK_ENDPOINTS
from tests.conftest import build_backend

README = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
ROUTE = re.compile(r"(?<![\w.])(/api(?:/[\w.<>{}*-]+)+/?|/apispec\.json|/robots\.txt)")


def _mentioned() -> list[tuple[int, str]]:
    found = []
    with open(README, encoding="utf-8") as readme:
        for number, line in enumerate(readme, start=1):
            if "minimal app" in line:        # the benchmark's own app, not Storyloom's
                continue
            found += [(number, m.group(1)) for m in ROUTE.finditer(line)]
    return found


def test_the_readme_mentions_routes():
    assert len({route for _, route in _mentioned()}) >= 8


@pytest.fixture(scope="module")
def adapter(tmp_path_factory):
    backend = build_backend(tmp_path_factory.mktemp("readme"), "memory")
    yield backend.app.url_map.bind("localhost")
    backend.close()


@pytest.mark.parametrize("line, route", _mentioned())
def test_every_route_the_readme_mentions_exists(adapter, line, route):
    path = re.sub(r"<[^>]+>|\{[^}]+\}", "some-id", route)
    path = path if path.endswith("/") or route != "/api/docs" else path + "/"
    served_by = set()
    for method in ("GET", "POST", "PUT", "DELETE"):
        try:
            served_by.add(adapter.match(path, method=method)[0])
        except (MethodNotAllowed, NotFound):
            continue
    # The web app's files answer any GET; a route the README names must be served by the API.
    assert served_by - FALLBACK_ENDPOINTS, f"README line {line} names {route}, which no route serves"
