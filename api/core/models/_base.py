"""Shared helpers for the model dataclasses."""

import uuid
from dataclasses import fields
from functools import cache


def new_id() -> str:
    """A fresh uuid4 string, the id format of every resource."""
    return str(uuid.uuid4())


def copy_json(value):
    """A copy of JSON-like data that shares no list or dict with the original."""
    # Scalars are copied in place (no call per item): documents hold long lists of ids.
    if isinstance(value, list):
        return [copy_json(item) if isinstance(item, (list, dict)) else item for item in value]
    if isinstance(value, dict):
        return {key: copy_json(item) if isinstance(item, (list, dict)) else item
                for key, item in value.items()}
    return value


@cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@cache
def _field_set(cls) -> frozenset[str]:
    return frozenset(_field_names(cls))


@cache
def _fills_directly(cls) -> bool:
    """Whether a model can be filled without __init__ (nothing runs after it)."""
    return not hasattr(cls, "__post_init__")


class Model:
    """Mixin giving dataclasses dict conversion that never shares mutable state."""

    def to_dict(self) -> dict:
        """The model's own fields as a JSON-ready dict (a copy)."""
        return {name: copy_json(getattr(self, name)) for name in _field_names(type(self))}

    def to_document(self) -> dict:
        """What storage keeps: the fields plus any derived keys it indexes."""
        return self.to_dict()

    @classmethod
    def from_dict(cls, doc: dict):
        """Build the model from a stored document, ignoring unknown and derived keys."""
        values = {}
        for name in _field_names(cls):
            if name not in doc:
                return cls._with_defaults(doc, copy=True)
            value = doc[name]
            values[name] = copy_json(value) if value.__class__ in (list, dict) else value
        return cls._filled(values)

    @classmethod
    def from_own_dict(cls, doc: dict):
        """Build the model from a document nobody else holds (fresh from a driver): no copy."""
        # The keys are the field names themselves, not the driver's equal strings: attribute
        # reads on a dict whose keys are not interned fall off CPython's fast path and the
        # timeline's sweeps over thousands of models ran at half speed.
        try:
            values = {name: doc[name] for name in _field_names(cls)}
        except KeyError:
            return cls._with_defaults(doc, copy=False)
        return cls._filled(values)

    @classmethod
    def _filled(cls, values: dict):
        # Every field is there, in a dict nobody else holds, keyed by the field names: it
        # becomes the model's attributes at once rather than through __init__ (timelines build
        # thousands of models per request; this is about twice as fast).
        if not _fills_directly(cls):
            return cls(**values)
        model = object.__new__(cls)
        model.__dict__ = values
        return model

    @classmethod
    def _with_defaults(cls, doc: dict, copy: bool):
        """A document written before a field existed: __init__ gives the missing defaults."""
        known = _field_set(cls)
        return cls(**{name: copy_json(value) if copy and value.__class__ in (list, dict)
                      else value for name, value in doc.items() if name in known})
