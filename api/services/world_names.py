"""Names: of a world's entities and places (unique without case or diacritics, aliases
included), and of an imported world (told apart from the caller's worlds of that name).

Storage enforces the uniqueness of entity and place names (a unique key on the folded names per
world); the check here only finds which name clashes, so the answer can say it.
"""

from __future__ import annotations

from contextlib import contextmanager

from core.errors import AlreadyExists
from core.models.entity import name_keys
from core.permissions import viewer_of
from core.text import fold
from storage import DuplicateKey, PageRequest

MAX_WORLD_NAME = 120
# "Name (imported)", "Name (imported 2)", ...; Vietnamese worlds say "nhập" (imported).
IMPORT_WORDS = {"en": "imported", "vi": "nhập"}
_PAGE = 100

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


def imported_world_name(reader, user, name: str, language: str) -> str:
    """The name for a world the user imports: as it is when none of the user's worlds has it
    (without case or diacritics), else with the first free "(imported N)" suffix."""
    word = IMPORT_WORDS.get(language, IMPORT_WORDS["en"])
    taken = _owned_names(reader, user, fold(name[:MAX_WORLD_NAME - 24]))
    candidate, number = name, 1
    while fold(candidate) in taken:
        suffix = f" ({word})" if number == 1 else f" ({word} {number})"
        candidate = name[:MAX_WORLD_NAME - len(suffix)].rstrip() + suffix
        number += 1
    return candidate


def _owned_names(reader, user, part: str) -> set[str]:
    """The folded names of the user's own worlds whose name contains the folded part."""
    names, page = set(), 1
    while True:
        found = reader.list_visible_worlds(viewer_of(user), "mine", part or None,
                                           PageRequest(page, _PAGE))
        names.update(fold(world.name) for world in found.items)
        if page * _PAGE >= found.total or not found.items:
            return names
        page += 1
