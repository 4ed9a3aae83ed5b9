"""Models for storage tests, with increasing timestamps so orders are predictable."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from core.clock import iso
from core.models import Entity, Event, Location, Story, User, World
from core.models._base import new_id

_ticks = itertools.count()
_EPOCH = datetime(2030, 1, 1, tzinfo=timezone.utc)


def stamp(seconds: int | None = None) -> str:
    """An ISO timestamp; without an argument, one later than every earlier call's."""
    return iso(_EPOCH + timedelta(seconds=next(_ticks) if seconds is None else seconds))


def a_user(username: str, **fields) -> User:
    now = stamp()
    fields.setdefault("email", f"{username}@example.com")
    return User(user_id=new_id(), username=username, password_hash="$argon2id$not-a-hash",
                created_at=now, updated_at=now, **fields)


def a_world(owner_id: str = "owner-1", **fields) -> World:
    now = stamp()
    fields.setdefault("name", "Eldoria")
    fields.setdefault("updated_at", now)
    return World(world_id=new_id(), owner_id=owner_id, created_at=now, **fields)


def a_story(world_id: str = "world-1", **fields) -> Story:
    now = stamp()
    for name, default in (("title", "A tale"), ("owner_id", "owner-1"), ("created_at", now),
                          ("updated_at", now)):
        fields.setdefault(name, default)
    return Story(story_id=new_id(), world_id=world_id, **fields)


def an_entity(world_id: str = "world-1", name: str = "Ari", **fields) -> Entity:
    now = stamp()
    return Entity(entity_id=new_id(), world_id=world_id, name=name, created_at=now,
                  updated_at=now, **fields)


def a_location(world_id: str = "world-1", name: str = "Harbour", **fields) -> Location:
    now = stamp()
    return Location(location_id=new_id(), world_id=world_id, name=name, created_at=now,
                    updated_at=now, **fields)


def an_event(world_id: str = "world-1", title: str = "Battle", **fields) -> Event:
    now = stamp()
    return Event(event_id=new_id(), world_id=world_id, title=title, created_at=now,
                 updated_at=now, **fields)


def insert(storage, *models) -> None:
    """Insert models in one transaction."""
    with storage.transaction() as tx:
        for model in models:
            tx.insert(model)


def ids(models, field: str) -> list[str]:
    """The ids of models, by their id field."""
    return [getattr(m, field) for m in models]
