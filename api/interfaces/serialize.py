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
    return _dumper(out_cls, type(value))(value)


@functools.cache
def _dumper(out_cls, value_type):
    """A function dumping values of one type as one Out model, planned once per pair."""
    if out_cls.model_config.get("extra") == "allow":
        return dict
    names = tuple(name for name, _, _ in _plan(out_cls))
    name_set = frozenset(names)
    from_dict = issubclass(value_type, dict)
    if from_dict and all(how == "plain" for _, how, _ in _plan(out_cls)):
        def flat(value):
            # Exactly the schema's keys: the dict itself (it is serialized at once).
            return value if value.keys() == name_set else {n: value[n] for n in names}
        return flat
    steps = tuple((name, getter, _converter(how, nested))
                  for name, getter, how, nested in _getters(out_cls, value_type))

    def by_field(value):
        return {name: get(value) if convert is None else convert(get(value))
                for name, get, convert in steps}
    if not from_dict:
        return _through_model(out_cls, value_type, steps) or by_field
    nested_steps = tuple((name, convert) for name, _, convert in steps if convert is not None)

    def from_exact_dict(value):
        if value.keys() != name_set:
            return by_field(value)
        result = dict(value)
        for name, convert in nested_steps:
            result[name] = convert(value[name])
        return result
    return from_exact_dict


def _through_model(out_cls, value_type, steps):
    """For a view whose plain fields mostly come from its `model`: a dumper reading those
    straight from the model's attributes at once (a timeline dumps 2,000 events, field by
    field through `model.` three times slower). None when too few fields come from the model.

    A model whose instance lacks one of them (a property) is dumped field by field.
    """
    from_model = tuple(name for name, how, _ in _plan(out_cls)
                       if how == "plain" and not _on_view(value_type, name))
    if len(from_model) < 2:
        return None
    take = operator.itemgetter(*from_model)
    rest = tuple(step for step in steps if step[0] not in from_model)
    field_by_field = set()      # model types that lack one of the fields (a property)

    def by_model(value):
        model = getattr(value, "model", None)
        if type(model) not in field_by_field:
            try:
                result = dict(zip(from_model, take(model.__dict__)))
            except (AttributeError, KeyError):
                field_by_field.add(type(model))
            else:
                for name, get, convert in rest:
                    result[name] = get(value) if convert is None else convert(get(value))
                return result
        return {name: get(value) if convert is None else convert(get(value))
                for name, get, convert in steps}
    return by_model


def _converter(how: str, nested):
    """How a field holding nested Out models is dumped (None for plain data)."""
    if how == "one":
        return lambda item: dump(nested, item)
    if how == "optional":
        return lambda item: None if item is None else dump(nested, item)
    if how == "many":
        return lambda items: _dump_many(nested, items)
    return None


def _dump_many(out_cls, items) -> list:
    """A list dumped element by element, the dumper looked up again only when types change."""
    if not items:
        return []
    result, last_type, dumper = [], None, None
    for item in items:
        if type(item) is not last_type:
            last_type = type(item)
            dumper = _dumper(out_cls, last_type)
        result.append(dumper(item))
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
