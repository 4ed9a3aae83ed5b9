"""The one route decorator: it guards, validates, caches, serializes and documents a handler.

    route = endpoints.router(bp, tag="worlds")

    @route.get("/<world_id>", "One world", access=OPTIONAL, response=WorldEnvelopeOut,
               errors=(NOT_FOUND,), cache=world_scope)
    def get_world(world_id, user):
        return {"world": world_service.get_world(user, world_id)}

`limit` is a per-address limit (interfaces/throttling.py) checked before anything else.
A handler receives its path parameters, `user` (unless the route is PUBLIC), `body` and
`query` (validated pydantic models, when declared) and `based_on` (the version a change was
based on, for versioned routes). It returns the envelope's data as services gave it; the
decorator dumps it through the `response` Out schema, or passes a Flask Response through.
"""

from __future__ import annotations

import functools

from flasgger import swag_from
from flask import Response, request

from core.errors import ValidationFailed
from interfaces.auth_guards import ACCESS_DOCS, PUBLIC
from interfaces.envelope import ok
from interfaces.serialize import dump
from interfaces.swagger import operation
from interfaces.validation import json_object, parse_model


class Endpoints:
    """What every route needs: the auth guards, the response cache and the spec's models."""

    def __init__(self, guards, cache):
        self.guards = guards
        self.cache = cache
        self.models: set = set()
        self.responses: dict[str, tuple] = {}   # endpoint name -> (Out model, success status)
        self._operation_ids: set[str] = set()

    def operation_id(self, handler_name: str, blueprint_name: str) -> str:
        """The handler's name as the operation's id; prefixed by its blueprint when another
        blueprint already has a handler of that name."""
        name = handler_name if handler_name not in self._operation_ids \
            else f"{blueprint_name}_{handler_name}"
        self._operation_ids.add(name)
        return name

    def router(self, blueprint, tag: str) -> "Router":
        """Route decorators for one blueprint, documented under one tag."""
        return Router(self, blueprint, tag)


class Router:
    """`get`, `post`, `put` and `delete` decorators for one blueprint."""

    def __init__(self, endpoints: Endpoints, blueprint, tag: str):
        self._endpoints = endpoints
        self._blueprint = blueprint
        self._tag = tag

    def get(self, rule: str, summary: str, **options):
        """Declare a GET route."""
        return self.route("GET", rule, summary, **options)

    def post(self, rule: str, summary: str, **options):
        """Declare a POST route."""
        return self.route("POST", rule, summary, **options)

    def put(self, rule: str, summary: str, **options):
        """Declare a PUT route."""
        return self.route("PUT", rule, summary, **options)

    def delete(self, rule: str, summary: str, **options):
        """Declare a DELETE route."""
        return self.route("DELETE", rule, summary, **options)

    def route(self, method: str, rule: str, summary: str, *, access: str = PUBLIC, body=None,
              query=None, response=None, status: int = 200, errors: tuple = (),
              description: str = "", cache=None, versioned: bool = False,
              download: tuple = (), limit=None, read_body=None, also_accepts: tuple = (),
              exact: bool = False):
        """Register the handler with everything the route declares.

        `read_body`, when given, returns the body the handler gets instead of the JSON object
        validated against `body` (which then only documents it); `also_accepts` documents the
        other media types it reads. `exact` says the handler answers plain data already in the
        response model's shape (a large answer), sent without walking it again.
        """
        security, access_errors = ACCESS_DOCS[access]
        spec = operation(summary, tag=self._tag, security=security, access_errors=access_errors,
                         rule=(self._blueprint.url_prefix or "") + rule, body=body, query=query,
                         response=response, status=status, errors=errors,
                         description=description, download=download, versioned=versioned,
                         also_accepts=also_accepts)
        files = download.values() if isinstance(download, dict) else ()
        self._endpoints.models.update(m for m in (body, response, *files) if m is not None)

        def decorator(handler):
            def answer(**params):
                if read_body is not None:
                    params["body"] = read_body()
                elif body is not None:
                    params["body"] = parse_model(body, json_object())
                    if versioned:
                        params["based_on"] = based_on(params["body"])
                if query is not None:
                    params["query"] = parse_model(query, request.args.to_dict())
                result = handler(**params)
                if isinstance(result, Response):
                    return result
                if response is None or exact:
                    return ok(result or {}, status)
                return ok(dump(response, result), status)

            view = answer
            if access != PUBLIC:
                if cache is not None:
                    view = self._endpoints.cache.wrap(view, cache)
                view = self._endpoints.guards.guard(access)(view)
            view = functools.wraps(handler)(view)
            if limit is not None:
                view = limit(view)
            # Code generators name their methods after it: the handler's name, unique per app.
            spec["operationId"] = self._endpoints.operation_id(handler.__name__,
                                                               self._blueprint.name)
            view = swag_from(spec)(view)
            self._blueprint.add_url_rule(rule, handler.__name__, view, methods=[method])
            name = f"{self._blueprint.name}.{handler.__name__}"
            self._endpoints.responses[name] = (response, status)
            return handler
        return decorator


def based_on(body) -> int | None:
    """The version a change says it was based on: body `version` or `If-Match: "<version>"`."""
    sent = getattr(body, "version", None)
    header = request.headers.get("If-Match")
    if header is None:
        return sent
    value = header.strip()
    value = value[2:] if value.startswith("W/") else value
    try:
        version = int(value.strip('"'))
    except ValueError:
        raise ValidationFailed({"If-Match": 'must be a version number, like "3"'}) from None
    if sent is not None and sent != version:
        raise ValidationFailed({"version": "differs from the If-Match header"})
    return version
