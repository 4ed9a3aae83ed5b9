"""Names of a world's entities and places: unique without case or diacritics, aliases included.

Storage enforces the uniqueness (a unique key on the folded names per world); the check here
only finds which name clashes, so the answer can say it.
"""

from __future__ import annotations

from contextlib import contextmanager

from core.errors import AlreadyExists
from core.models.entity import name_keys
from storage import DuplicateKey

KIND_LABELS = {"Entity": "character or thing", "Location": "place"}


def _clash(model_cls, key: str) -> AlreadyExists:
    return AlreadyExists("name", f"A {KIND_LABELS.get(model_cls.__name__, 'thing')} of this "
                                 f"world is already called '{key}' (names and aliases are "
                                 "compared without case or diacritics)")


def ensure_names_free(reader, model_cls, world_id: str, name: str, aliases, own_id=None) -> None:
    """Raise 3002 naming the first name or alias another thing of that kind already uses."""
    for key in name_keys(name, aliases):
        other = reader.named(model_cls, world_id, key)
        if other is not None and getattr(other, _id_field(model_cls)) != own_id:
            raise _clash(model_cls, key)


@contextmanager
def unique_names(model_cls):
    """Turn a name clash found by storage itself (a concurrent writer won) into 3002."""
    try:
        yield
    except DuplicateKey:
        raise AlreadyExists("name", f"Another {KIND_LABELS.get(model_cls.__name__, 'thing')} "
                                    "of this world already has one of these names") from None


def _id_field(model_cls) -> str:
    return f"{model_cls.__name__.lower()}_id"
