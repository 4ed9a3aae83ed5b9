"""A Flask test client that checks every successful answer against its route's Out schema.

Every test that calls the API through it validates what it got, strictly (no field missing,
none extra), against the schema the route documents; a mismatch fails the test.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.exceptions import HTTPException

CHECKED: set[str] = set()      # endpoints whose answers were validated in this session


class CheckedClient(FlaskClient):
    """FlaskClient.open, plus the schema check of 2xx JSON answers."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if 200 <= response.status_code < 300 and response.is_json:
            self._check(response)
        return response

    def _check(self, response) -> None:
        app = self.application
        request = response.request
        try:
            endpoint, _ = app.url_map.bind("localhost").match(request.path, request.method)
        except HTTPException:
            return
        responses = app.extensions["storyloom_responses"]
        if endpoint not in responses:
            return
        out_model, status = responses[endpoint]
        if out_model is None:       # a download: the file itself, not an envelope
            return
        assert response.status_code == status, (endpoint, response.status_code)
        body = response.get_json()
        assert set(body) == {"errorCode", "errorDetail", "data"}, body
        out_model.model_validate(body["data"])
        CHECKED.add(endpoint)
