"""Builders for test data: users with tokens, worlds and stories, via the real services."""

from __future__ import annotations

from core.models import User

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
    return backend.world_service.create_world(owner, fields)["world"]


def make_story(backend, owner: User, world_id: str, **overrides) -> dict:
    """A story in the world, written by `owner`."""
    fields = {"title": "The First Tale", "content": "Once upon a time.", **overrides}
    return backend.story_service.create_story(owner, world_id, fields)["story"]


def share(backend, owner: User, world_id: str, user: User, role: str) -> None:
    """Give `user` a collaborator role in the world."""
    backend.world_service.share_world(owner, world_id, role, user_ids=[user.user_id])


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
        backend.storage.save(self.users["banned"])

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
        return self.backend.entity_service.create_entity(
            self.users["owner"], world["world_id"], {"name": "Lê Lợi", **fields})["entity"]

    def location(self, world: dict, **fields) -> dict:
        """A location of the owner's world."""
        return self.backend.location_service.create_location(
            self.users["owner"], world["world_id"], {"name": "Thăng Long", **fields})["location"]
