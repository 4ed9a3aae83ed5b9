"""The app's form limits (frontend/src/lib/limits.js) are the API's: each names the schema field
it copies, and must equal that field's constraint, so a form never allows what the API refuses
(or says a different maximum than the one the API applies)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

LIMITS_JS = Path(__file__).resolve().parents[2] / "frontend" / "src" / "lib" / "limits.js"
LINE = re.compile(r"^\s*(\w+):\s*([\d_]+),\s*//\s*(\w+)\.(\w+)\.([\w.]+)\s+(\w+)\s*$")
KEYWORDS = {"maxLength", "minLength", "maxItems", "maxProperties", "maximum"}


def declared_limits() -> list[tuple[str, int, str, str, str, str]]:
    """(name, value, schema module, model, field path, JSON-schema keyword) per line of LIMITS."""
    text = LIMITS_JS.read_text(encoding="utf-8")
    body = text.split("LIMITS = Object.freeze({", 1)[1].split("});", 1)[0]
    rows = []
    for line in body.splitlines():
        if not line.strip():
            continue
        match = LINE.match(line)
        assert match, f"limits.js line does not name its schema field: {line.strip()!r}"
        name, value, module, model, path, keyword = match.groups()
        rows.append((name, int(value.replace("_", "")), module, model, path, keyword))
    return rows


def _resolve(schema: dict, node: dict) -> dict:
    """Follow a $ref, and pick the non-null branch of an optional field."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            branches = [b for b in node["anyOf"] if b.get("type") != "null"]
            with_limits = [b for b in branches if KEYWORDS & set(b)] or branches
            node = with_limits[0]
        else:
            return node


def schema_limit(module: str, model: str, path: str, keyword: str):
    """The constraint `keyword` of `module.model`'s field at `path` in its JSON schema."""
    cls = getattr(importlib.import_module(f"interfaces.schemas.{module}"), model)
    schema = cls.model_json_schema()
    field, *rest = path.split(".")
    node = _resolve(schema, schema["properties"][field])
    for step in rest:
        node = _resolve(schema, node[step])
    return node.get(keyword)


def test_limits_file_declares_the_form_limits():
    names = {row[0] for row in declared_limits()}
    assert {"worldName", "entityName", "locationName", "storyTitle", "username"} <= names


@pytest.mark.parametrize("row", declared_limits(), ids=lambda row: row[0])
def test_each_frontend_limit_matches_the_api_schema(row):
    name, value, module, model, path, keyword = row
    assert keyword in KEYWORDS, f"{name}: unknown keyword {keyword}"
    expected = schema_limit(module, model, path, keyword)
    assert expected is not None, f"{name}: {module}.{model}.{path} has no {keyword}"
    assert value == expected, f"{name} is {value} in limits.js but {expected} in {model}.{path}"


@pytest.mark.parametrize("create, update, fields", [
    ("worlds.WorldCreate", "worlds.WorldUpdate", ["name", "description"]),
    ("content.EntityCreate", "content.EntityUpdate", ["name", "description", "aliases"]),
    ("content.LocationCreate", "content.LocationUpdate", ["name", "description", "aliases"]),
    ("stories.StoryCreate", "stories.StoryUpdate", ["title", "summary", "genre"]),
])
def test_edit_forms_share_the_create_limits(create, update, fields):
    for field in fields:
        for keyword in ("maxLength", "maxItems"):
            made = schema_limit(*create.split("."), field, keyword)
            changed = schema_limit(*update.split("."), field, keyword)
            assert made == changed, f"{field}: {keyword} {made} on create but {changed} on edit"
