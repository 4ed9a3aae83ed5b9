"""Turning what services return into answers, field by field as the `*Out` schemas say.

Only the fields an Out model names leave the server, so a model's other fields (a password
hash) never can. Values are taken from dicts by key, from views by attribute, falling back to
the view's `model`. The tests validate real answers against the same schemas.
"""

from __future__ import annotations

import functools
import inspect
import operator
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


@functools.cache
def _on_view(value_type, name: str) -> bool:
    """Whether a view type answers `name` itself (else its `model` does); decided once."""
    return any(name in vars(klass) or name in getattr(klass, "__dataclass_fields__", {})
               for klass in value_type.__mro__)


def dump(out_cls, value) -> dict:
    """The value as the Out model describes it (models that allow extra keys pass whole)."""
    if out_cls.model_config.get("extra") == "allow":
        return dict(value)
    if isinstance(value, dict) and _flat(out_cls):
        return {name: value[name] for name in _names(out_cls)}
    result = {}
    for name, getter, how, nested in _getters(out_cls, type(value)):
        item = getter(value)
        if how == "one" or (how == "optional" and item is not None):
            item = dump(nested, item)
        elif how == "many" and _flat(nested):
            names = _names(nested)
            item = [{n: element[n] for n in names} if isinstance(element, dict)
                    else dump(nested, element) for element in item]
        elif how == "many":
            item = [dump(nested, element) for element in item]
        result[name] = item
    return result


@functools.cache
def _getters(out_cls, value_type) -> tuple:
    """(name, how to read it from a value of that type, how to dump it, nested Out class)."""
    def getter(name):
        if issubclass(value_type, dict):
            return operator.itemgetter(name)
        if _on_view(value_type, name):
            return operator.attrgetter(name)
        return operator.attrgetter(f"model.{name}")
    return tuple((name, getter(name), how, nested) for name, how, nested in _plan(out_cls))


@functools.cache
def _names(out_cls) -> tuple[str, ...]:
    return tuple(name for name, _, _ in _plan(out_cls))


@functools.cache
def _flat(out_cls) -> bool:
    """Whether every field of the Out model is plain data (no nested Out model)."""
    return all(how == "plain" for _, how, _ in _plan(out_cls))
