"""Roles, quotas and visibility as pure functions."""

import pytest

from core.models import Story, User, World
from core import permissions as p
from core import visibility


def user(role="user", user_id="u"):
    return User(user_id=user_id, username=user_id, email=f"{user_id}@x.io", password_hash="h",
                created_at="t", updated_at="t", role=role)


def world(visibility="private", collaborators=()):
    return World(world_id="w", name="W", owner_id="owner", created_at="t", updated_at="t",
                 visibility=visibility, collaborators=[
                     {"user_id": uid, "username": uid, "role": role} for uid, role in collaborators])


OWNER, EDITOR, VIEWER = user(user_id="owner"), user(user_id="ed"), user(user_id="vi")
SHARED = (("ed", "editor"), ("vi", "viewer"))


@pytest.mark.parametrize("who, visibility, sees", [
    (None, "public", True), (None, "private", False), (None, "draft", False),
    (VIEWER, "draft", False), (VIEWER, "private", True), (EDITOR, "draft", True),
    (OWNER, "draft", True), (user("moderator", "m"), "draft", True), (user("admin", "a"), "draft", True),
    (user("user", "stranger"), "private", False),
])
def test_who_sees_a_world(who, visibility, sees):
    assert p.can_view_world(who, world(visibility, SHARED)) is sees


def test_editing_content_is_for_owner_editors_and_admins():
    shared = world("private", SHARED)
    assert [p.can_edit_content(u, shared) for u in (OWNER, EDITOR, VIEWER, user("moderator", "m"),
                                                    user("admin", "a"), None)] == \
        [True, True, False, False, True, False]


def test_a_guest_owner_cannot_write_even_in_their_own_world():
    guest_owner = user("guest", "owner")
    assert not p.can_edit_content(guest_owner, world())
    assert not p.can_manage_world(guest_owner, world())


def test_managing_and_deleting():
    shared = world("private", SHARED)
    assert p.can_manage_world(OWNER, shared) and not p.can_manage_world(EDITOR, shared)
    assert p.can_delete_world(user("moderator", "m"), shared)
    assert not p.can_manage_world(user("moderator", "m"), shared)


def test_story_deletion_by_its_author_only_while_editor():
    story = Story(story_id="s", world_id="w", title="T", owner_id="ed", created_at="t",
                  updated_at="t")
    assert p.can_delete_story(EDITOR, world("private", SHARED), story)
    assert not p.can_delete_story(EDITOR, world("private", (("ed", "viewer"),)), story)


def test_quotas_per_role_and_unknown_roles_get_nothing():
    assert p.quotas_for("user").public_worlds == 5
    assert p.quotas_for("premium").public_worlds > p.quotas_for("user").public_worlds
    assert p.quotas_for("admin").public_stories is None
    assert p.quotas_for("nonsense") == p.quotas_for("guest")


def test_visibility_ordering():
    assert visibility.more_visible("public", "private")
    assert not visibility.more_visible("draft", "private")
    assert visibility.clamp("public", "draft") == "draft"
    assert visibility.clamp("draft", "public") == "draft"
