"""Shared helpers for the model dataclasses."""

import types
import typing
import uuid
from dataclasses import fields
from functools import cache

_SCALARS = (str, int, float, bool, type(None))


def new_id() -> str:
    """A fresh uuid4 string, the id format of every resource."""
    return str(uuid.uuid4())


_CONTAINERS = (list, dict)


def copy_json(value):
    """A copy of JSON-like data that shares no list or dict with the original."""
    # Most lists and dicts hold scalars only (ids, {"kind": "user"}): they are copied whole,
    # in C, and only their nested lists and dicts one by one.
    if isinstance(value, dict):
        copy = dict(value)
        for key, item in copy.items():
            if isinstance(item, _CONTAINERS):
                copy[key] = copy_json(item)
        return copy
    if isinstance(value, list):
        for item in value:
            if isinstance(item, _CONTAINERS):
                return [copy_json(item) if isinstance(item, _CONTAINERS) else item
                        for item in value]
        return list(value)
    return value


@cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@cache
def _field_set(cls) -> frozenset[str]:
    return frozenset(_field_names(cls))


def _scalar(hint) -> bool:
    return hint in _SCALARS


@cache
def _containers(cls) -> tuple[tuple[str, bool], ...]:
    """(name, flat) of each field whose type allows a list or dict; flat: a list of scalars
    (`list[str]`), copied by slicing rather than item by item."""
    hints = typing.get_type_hints(cls)
    plan = []
    for name in _field_names(cls):
        hint = hints[name]
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            hint = options[0] if len(options) == 1 else object
        if _scalar(hint):
            continue
        args = typing.get_args(hint)
        plan.append((name, typing.get_origin(hint) is list and bool(args)
                     and all(_scalar(a) for a in args)))
    return tuple(plan)


@cache
def _builder(cls, copy_first: bool):
    """A function making a model of `cls` from a dict keyed by its field names, each list or
    dict in it replaced by a copy (the dict itself copied first when `copy_first`)."""
    flat = tuple(name for name, is_flat in _containers(cls) if is_flat)
    deep = tuple(name for name, is_flat in _containers(cls) if not is_flat)
    fill = cls._filled

    def build(values: dict):
        if copy_first:
            values = values.copy()
        for name in flat:
            value = values[name]
            if value.__class__ is list:
                values[name] = value[:]
            elif value is not None:
                values[name] = copy_json(value)
        for name in deep:
            value = values[name]
            if value is not None:
                values[name] = copy_json(value)
        return fill(values)
    return build


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
        try:
            values = {name: doc[name] for name in _field_names(cls)}
        except KeyError:
            return cls._with_defaults(doc, copy=True)
        return _builder(cls, False)(values)

    @classmethod
    def from_fields(cls, values: dict):
        """A model holding a copy of `values`, a dict keyed by exactly the field names (another
        model's `__dict__`), sharing no list or dict with it."""
        return _builder(cls, True)(values)

    @classmethod
    def sharing(cls, values: dict):
        """A model over a shallow copy of `values` (keyed by exactly the field names): setting
        its attributes changes only it, but its lists and dicts are the originals', to be read
        and never changed in place."""
        return cls._filled(values.copy())

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
