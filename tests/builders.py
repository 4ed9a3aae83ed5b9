"""Builders for test data: users with tokens, worlds and stories, via the real services.

Builders answer what the API would: the views services return, dumped through the same Out
schemas the routes use. `store`, `stored` and `count` reach storage directly, for setting up
states the API cannot make (a banned actor, an event before the events API) and for checking
what is kept.
"""

from __future__ import annotations

from core.models import User
from interfaces.schemas.outputs import EntityOut, LocationOut, StoryOut, WorldOut
from interfaces.serialize import dump
from storage.schema import TABLES

PASSWORD = "correct horse battery"


def make_user(backend, role: str = "user", username: str = "writer") -> tuple[User, dict]:
    """A stored user of the role and the Authorization headers of a fresh login."""
    user = backend.auth_service.create_user(username, f"{username}@example.com", PASSWORD,
                                            role=role)
    session = backend.auth_service.login(PASSWORD, username=username)
    return user, {"Authorization": f"Bearer {session['token']}"}


def make_world(backend, owner: User, **overrides) -> dict:
    """A world owned by `owner`, private unless overridden."""
    fields = {"name": "Eldoria", "description": "A land of rivers.", **overrides}
    return dump(WorldOut, backend.world_service.create_world(owner, fields))


def make_story(backend, owner: User, world_id: str, **overrides) -> dict:
    """A story in the world, written by `owner`."""
    fields = {"title": "The First Tale", "content": "Once upon a time.", **overrides}
    return dump(StoryOut, backend.story_service.create_story(owner, world_id, fields))


def make_entity(backend, owner: User, world_id: str, **fields) -> dict:
    """An entity of the world, created by `owner`."""
    return dump(EntityOut, backend.entity_service.create_entity(owner, world_id, fields))


def make_location(backend, owner: User, world_id: str, **fields) -> dict:
    """A location of the world, created by `owner`."""
    return dump(LocationOut, backend.location_service.create_location(owner, world_id, fields))


def share(backend, owner: User, world_id: str, user: User, role: str) -> None:
    """Give `user` a collaborator role in the world."""
    backend.world_service.share_world(owner, world_id, role, user_ids=[user.user_id])


def store(backend, *models) -> None:
    """Write models as they are, whatever version is stored (test set-up only)."""
    with backend.storage.transaction() as tx:
        for model in models:
            spec = TABLES[type(model)]
            current = tx.get(type(model), getattr(model, spec.id_field))
            if current is None:
                tx.insert(model)
            elif spec.versioned:
                model.version = current.version
                tx.update(model)
            else:
                tx.update(model)


def stored(backend, model_cls) -> list:
    """Every stored model of a kind."""
    table = TABLES[model_cls].name
    return [model_cls.from_dict(doc) for name, doc in backend.storage.documents()
            if name == table]


def count(backend, model_cls, **fields) -> int:
    """How many stored models of a kind have all the field values given."""
    return sum(all(getattr(m, k) == v for k, v in fields.items())
               for m in stored(backend, model_cls))


class Actors:
    """Every kind of caller an authorization matrix needs, with their headers."""

    NAMES = ("owner", "other", "viewer", "editor", "moderator", "admin", "guest", "banned")

    def __init__(self, backend):
        self.backend = backend
        self.users, self.headers = {}, {"anonymous": {}}
        roles = {"moderator": "moderator", "admin": "admin", "guest": "guest"}
        for name in self.NAMES:
            self.users[name], self.headers[name] = make_user(backend, roles.get(name, "user"),
                                                             f"{name}_actor")
        self.users["banned"].banned = True
        store(backend, self.users["banned"])

    def world(self, visibility: str = "private", **overrides) -> dict:
        """A world of the owner, shared with the viewer and the editor."""
        world = make_world(self.backend, self.users["owner"], visibility=visibility, **overrides)
        share(self.backend, self.users["owner"], world["world_id"], self.users["viewer"], "viewer")
        share(self.backend, self.users["owner"], world["world_id"], self.users["editor"], "editor")
        return world

    def story(self, world: dict, **overrides) -> dict:
        """A story of the owner in the world."""
        return make_story(self.backend, self.users["owner"], world["world_id"], **overrides)

    def entity(self, world: dict, **fields) -> dict:
        """An entity of the owner's world."""
        return make_entity(self.backend, self.users["owner"], world["world_id"],
                           **{"name": "Lê Lợi", **fields})

    def location(self, world: dict, **fields) -> dict:
        """A location of the owner's world."""
        return make_location(self.backend, self.users["owner"], world["world_id"],
                             **{"name": "Thăng Long", **fields})
