"""Base models and reusable field types for request bodies and query strings."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

import orjson

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints
from pydantic_core import PydanticCustomError

from core.paging import PageRequest
from core.text import has_visible


def visible(text: str) -> str:
    """The text, if it shows a character (API.md §4); else a 2001 naming the field."""
    if not has_visible(text):
        raise PydanticCustomError("invisible", "must contain a visible character (not only "
                                               "spaces, zero-width or control characters)")
    return text


Visibility = Literal["draft", "private", "public"]
WorldType = Literal["fantasy", "sci-fi", "modern", "historical", "custom"]
CollaboratorRole = Literal["viewer", "editor"]
Language = Literal["vi", "en"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120),
                 AfterValidator(visible)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
                  AfterValidator(visible)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
MAX_EXTENSIONS_BYTES = 64 * 1024


def small_object(value: dict) -> dict:
    """The object, if it takes at most 64 kB as JSON; else a 2001 naming the field."""
    if len(orjson.dumps(value)) > MAX_EXTENSIONS_BYTES:
        raise PydanticCustomError("too_large", "must take at most 64 kB as JSON")
    return value


Extensions = Annotated[dict[str, Any], AfterValidator(small_object), Field(description=(
    "Kept as given, for what other tools need (e.g. `sillytavern`: the fields of an imported "
    "lorebook entry); at most 64 kB as JSON"))]


def example(body: dict) -> ConfigDict:
    """A model config carrying the body's example for the Swagger spec (extra stays forbidden)."""
    return ConfigDict(extra="forbid", json_schema_extra={"examples": [body]})


def _drop_null(field_schema: dict) -> None:
    """Remove null from what a field's schema allows (in place)."""
    variants = field_schema.get("anyOf")
    if not variants or {"type": "null"} not in variants:
        return
    rest = [v for v in variants if v != {"type": "null"}]
    del field_schema["anyOf"]
    if len(rest) == 1:
        field_schema.update(rest[0])
    else:
        field_schema["anyOf"] = rest
    if field_schema.get("default", 0) is None:
        del field_schema["default"]


def _not_empty(field_schema: dict) -> dict:
    """What makes a value of the field not empty: an item, or a character."""
    kinds = [field_schema, *field_schema.get("anyOf", [])]
    if any(kind.get("type") == "array" for kind in kinds):
        return {"minItems": 1}
    return {"minLength": 1}


class StrictModel(BaseModel):
    """A request body: unknown fields are rejected, explicit nulls only where allowed, and
    values taken as their own type only (no 0 for false, no "5" for 5)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    one_of: ClassVar[tuple] = ()
    nullable: ClassVar[frozenset] = frozenset()

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        """The schema as the API checks it: null only for `nullable` fields (others may be
        left out, not sent as null), and one of `one_of` given and not empty."""
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        for name, field_schema in target.get("properties", {}).items():
            if name not in cls.nullable:
                _drop_null(field_schema)
        if cls.one_of:
            target["anyOf"] = [{"required": [name], "properties": {name: _not_empty(
                target["properties"][name])}} for name in cls.one_of]
        return schema

    def problems(self) -> tuple[dict, dict]:
        """Field errors pydantic cannot express: (missing fields, invalid fields)."""
        missing = {}
        if self.one_of and all(not getattr(self, name) for name in self.one_of):
            missing[self.one_of[0]] = f"one of {', '.join(self.one_of)} is required"
        invalid = {name: "must not be null" for name in self.model_fields_set
                   if getattr(self, name) is None and name not in self.nullable}
        return missing, invalid

    def changes(self) -> dict:
        """The fields the client actually sent to change, as plain data (never `version`)."""
        changed = self.model_dump(exclude_unset=True)
        changed.pop("version", None)
        return changed


class Versioned(StrictModel):
    """A change that may say which version of the resource it was based on."""

    version: StrictInt | None = Field(None, ge=1, le=2**31, description=(
        "The version this change is based on (or send If-Match); when the resource has "
        "moved on, nothing changes and the answer is 3004 with the current resource"))


class QueryModel(BaseModel):
    """A query string: unknown parameters are ignored (caches add their own)."""

    model_config = ConfigDict(extra="ignore")


class PageQuery(QueryModel):
    """Pagination of every list."""

    page: int = Field(1, ge=1, le=100_000, description="Page number, from 1")
    page_size: int = Field(20, ge=1, le=100, description="Items per page (1-100)")

    def page_request(self) -> PageRequest:
        """The page asked for."""
        return PageRequest(self.page, self.page_size)
