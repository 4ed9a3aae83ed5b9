"""The OpenAPI spec: route docs derived from each view's decorators and pydantic models."""

from __future__ import annotations

import functools
import re

from flasgger import Swagger
from pydantic.json_schema import models_json_schema

from core.errors import (BAD_BODY, BODY_TOO_LARGE, ERROR_CODES, INTERNAL_ERROR,
                         INVALID_PARAMETERS, MISSING_FIELD, STORAGE_UNAVAILABLE, SUCCESS,
                         URI_TOO_LONG)

_REF = "#/components/schemas/{model}"
IF_MATCH = {"name": "If-Match", "in": "header", "required": False,
            "schema": {"type": "string", "example": '"3"'},
            "description": "The version the change is based on (instead of `version` in the "
                           "body); when the resource has moved on, 3004 with the current one"}


def _envelope(data_schema: dict, code: str = SUCCESS) -> dict:
    return {"type": "object", "required": ["errorCode", "errorDetail", "data"], "properties": {
        "errorCode": {"type": "string", "example": code},
        "errorDetail": {"type": "string"}, "data": data_schema}}


# Error answers, shared by the operations as components: one per set of codes of one status.
ERROR_ENVELOPE = _envelope({"type": "object", "nullable": True}, "2001")
_ERROR_RESPONSES: dict[str, dict] = {}


def _error_responses(codes) -> dict:
    by_status: dict[int, list[str]] = {}
    for code in sorted(set(codes)):
        by_status.setdefault(ERROR_CODES[code][0], []).append(code)
    refs = {}
    for status, group in by_status.items():
        name = "Error" + "_".join(group)
        _ERROR_RESPONSES.setdefault(name, {
            "description": "; ".join(f"{c}: {ERROR_CODES[c][1]}" for c in group),
            "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/ErrorEnvelope"}}}})
        refs[str(status)] = {"$ref": f"#/components/responses/{name}"}
    return refs


def _query_parameters(model) -> list[dict]:
    return list(_query_parameter_specs(model))


@functools.cache
def _query_parameter_specs(model) -> tuple:
    schema = to_openapi30(model.model_json_schema(ref_template=_REF))
    return tuple({"name": name, "in": "query", "required": name in schema.get("required", ()),
             "schema": {k: v for k, v in prop.items() if k != "description"},
             "description": prop.get("description", "")}
            for name, prop in schema.get("properties", {}).items())


def operation(summary: str, *, tag: str, security, access_errors: tuple, rule: str,
              body=None, query=None, response=None, status: int = 200, errors: tuple = (),
              description: str = "", download: tuple = (), versioned: bool = False,
              also_accepts: tuple = ()) -> dict:
    """The OpenAPI operation of a route, from what its route decorator declares."""
    # Any request may be refused by the HTTP server itself (a URL over its limit) or fail.
    codes = [*errors, *access_errors, URI_TOO_LONG, INTERNAL_ERROR, STORAGE_UNAVAILABLE]
    success = ({media: {"schema": _file_schema(media, download)} for media in download}
               if download else {"application/json": {"schema": _envelope(
                   {"$ref": _REF.format(model=response.__name__)} if response
                   else {"type": "object"})}})
    spec = {"tags": [tag], "summary": summary, "description": description,
            "parameters": _path_parameters(rule) + (_query_parameters(query) if query else []),
            "responses": {str(status): {"description": summary, "content": success}}}
    if body is not None:
        codes += [INVALID_PARAMETERS, MISSING_FIELD, BAD_BODY, BODY_TOO_LARGE]
        spec["requestBody"] = {"required": True, "content": {
            "application/json": {"schema": {"$ref": _REF.format(model=body.__name__)}},
            **{media: {"schema": {"type": "string", "format": "binary"}}
               for media in also_accepts}}}
    if query is not None:
        codes.append(INVALID_PARAMETERS)
    if versioned:
        spec["parameters"].append(IF_MATCH)
    spec["responses"].update(_error_responses(codes))
    if security is not None:
        spec["security"] = security
    return spec


def _file_schema(media: str, download) -> dict:
    """A downloaded file's schema: its model's when `download` maps the media type to one,
    text for text types, else bytes."""
    model = download.get(media) if isinstance(download, dict) else None
    if model is not None:
        return {"$ref": _REF.format(model=model.__name__)}
    if media.startswith("text/"):
        return {"type": "string"}
    return {"type": "string", "format": "binary"}


def to_openapi30(schema):
    """Rewrite pydantic's JSON Schema (2020-12) into what OpenAPI 3.0 accepts."""
    if isinstance(schema, list):
        return [to_openapi30(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _converted(key, value) for key, value in schema.items()
              if not (key == "title" and isinstance(value, str))}
    variants = schema.get("anyOf")
    if variants and {"type": "null"} in variants:
        rest = [v for v in variants if v != {"type": "null"}]
        schema.pop("anyOf")
        if len(rest) == 1 and "$ref" in rest[0]:
            schema["allOf"] = rest
        elif len(rest) == 1:
            schema.update(rest[0])
        else:
            schema["anyOf"] = rest
        schema["nullable"] = True
    if "const" in schema:
        schema["enum"] = [schema.pop("const")]
    if schema.get("nullable") and "enum" in schema and None not in schema["enum"]:
        # OpenAPI 3.0.3: an enum must list null itself for null to be valid.
        schema["enum"] = [*schema["enum"], None]
    schema.pop("propertyNames", None)          # not an OpenAPI 3.0 keyword
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(bound), (int, float)) and not isinstance(schema[bound], bool):
            # JSON Schema's numeric bound is OpenAPI 3.0's limit plus a boolean.
            schema[limit], schema[bound] = schema[bound], True
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and "example" not in schema:
        # OpenAPI 3.0 schemas carry one `example`; pydantic writes JSON Schema's `examples`.
        schema["example"] = schema.pop("examples")[0]
    return schema


# Keys whose values are data (examples, defaults) or maps of names, not schema keywords.
_DATA_KEYS = ("example", "examples", "default", "enum", "const")
_NAME_MAPS = ("properties", "$defs", "definitions", "patternProperties")


def _converted(key: str, value):
    if key in _DATA_KEYS:
        return value
    if key in _NAME_MAPS and isinstance(value, dict):
        return {name: to_openapi30(item) for name, item in value.items()}
    return to_openapi30(value)


def _path_parameters(rule: str) -> list[dict]:
    return [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in re.findall(r"<(?:[^:<>]+:)?([^<>]+)>", rule)]


@functools.cache
def _component_schemas(models: frozenset) -> dict:
    """The OpenAPI schemas of the models (computed once: models do not change at run time)."""
    ordered = sorted(models, key=lambda m: m.__name__)
    _, defs = models_json_schema([(m, "validation") for m in ordered], ref_template=_REF)
    return to_openapi30(defs.get("$defs", {}))


def register_swagger(app, version: str, models) -> Swagger:
    """Serve the spec at /apispec.json and the Swagger UI at /api/docs."""
    models = frozenset(models)
    error_table = "\n".join(f"| {code} | {status} | {text} |"
                            for code, (status, text) in ERROR_CODES.items())
    template = {
        "openapi": "3.0.3",
        "info": {"title": "Storyloom API", "version": version, "description": (
            "Every response is an envelope `{errorCode, errorDetail, data}`.\n\n"
            "| errorCode | HTTP | meaning |\n|---|---|---|\n" + error_table)},
        "components": {"schemas": {**_component_schemas(models), "ErrorEnvelope": ERROR_ENVELOPE},
                       "responses": dict(sorted(_ERROR_RESPONSES.items())),
                       "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                                          "bearerFormat": "JWT"},
                                           "apiKey": {"type": "apiKey", "in": "header",
                                                      "name": "X-API-Key"}}},
    }
    app.config["SWAGGER"] = {"openapi": "3.0.3", "title": "Storyloom API", "uiversion": 3}
    config = {"headers": [], "specs": [{
        "endpoint": "apispec", "route": "/apispec.json",
        "rule_filter": lambda rule: rule.rule.startswith(("/api", "/internal")),
        "model_filter": lambda tag: True}],
              "static_url_path": "/flasgger_static", "swagger_ui": True,
              "specs_route": "/api/docs/"}
    return Swagger(app, template=template, config=config)
