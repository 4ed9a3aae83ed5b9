"""Turning what services return into answers, field by field as the `*Out` schemas say.

Only the fields an Out model names leave the server, so a model's other fields (a password
hash) never can. Values are taken from dicts by key, from views by attribute, falling back to
the view's `model`. The tests validate real answers against the same schemas.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing

from interfaces.schemas.outputs import Out


def _out_class(annotation):
    """The annotation when it is an Out model (input schemas used in answers pass as data)."""
    return annotation if inspect.isclass(annotation) and issubclass(annotation, Out) else None


@functools.cache
def _plan(out_cls) -> tuple:
    """(field name, how to dump it, nested Out class) for each field of an Out model."""
    plan = []
    for name, info in out_cls.model_fields.items():
        annotation = info.annotation
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if _out_class(annotation):
            plan.append((name, "one", annotation))
        elif origin is list and args and _out_class(args[0]):
            plan.append((name, "many", args[0]))
        elif origin in (typing.Union, types.UnionType) and type(None) in args and \
                len(args) == 2 and _out_class(next(a for a in args if a is not type(None))):
            plan.append((name, "optional", next(a for a in args if a is not type(None))))
        else:
            plan.append((name, "plain", None))
    return tuple(plan)


def _pick(value, name: str):
    if isinstance(value, dict):
        return value[name]
    if hasattr(value, name):
        return getattr(value, name)
    return getattr(value.model, name)


def dump(out_cls, value) -> dict:
    """The value as the Out model describes it (models that allow extra keys pass whole)."""
    if out_cls.model_config.get("extra") == "allow":
        return dict(value)
    result = {}
    for name, how, nested in _plan(out_cls):
        item = _pick(value, name)
        if how == "one" or (how == "optional" and item is not None):
            item = dump(nested, item)
        elif how == "many":
            item = [dump(nested, element) for element in item]
        result[name] = item
    return result
