"""Response shapes, used to document the `data` of each envelope in the Swagger spec."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from interfaces.schemas.common import CollaboratorRole, Visibility, WorldType
from interfaces.schemas.stories import WorldTime
from interfaces.schemas.worlds import Calendar


class Out(BaseModel):
    """A response model: every field it names is always present."""

    model_config = ConfigDict(extra="forbid")


class QuotaOut(Out):
    used: int
    limit: int | None


class QuotasOut(Out):
    public_worlds: QuotaOut
    public_stories: QuotaOut
    ai_requests_today: QuotaOut


class UserOut(Out):
    user_id: str
    username: str
    email: str
    display_name: str
    role: Literal["admin", "moderator", "premium", "user", "guest"]
    banned: bool
    created_at: str
    quotas: QuotasOut


class SessionOut(Out):
    user: UserOut
    token: str
    expires_at: str


class UserEnvelopeOut(Out):
    user: UserOut


class TokenOut(Out):
    token: str
    expires_at: str


class CollaboratorOut(Out):
    user_id: str
    username: str
    role: CollaboratorRole


class CountsOut(Out):
    stories: int
    entities: int
    locations: int
    events: int


class WorldPermissionsOut(Out):
    edit: bool
    manage: bool
    delete: bool


class WorldSummaryOut(Out):
    world_id: str
    name: str
    excerpt: str
    world_type: WorldType
    visibility: Visibility
    owner_id: str
    owner_username: str | None
    collaborators: list[CollaboratorOut]
    counts: CountsOut
    my_role: Literal["owner", "editor", "viewer"] | None
    permissions: WorldPermissionsOut
    created_at: str
    updated_at: str


class WorldOut(Out):
    world_id: str
    name: str
    description: str
    world_type: WorldType
    visibility: Visibility
    owner_id: str
    owner_username: str | None
    collaborators: list[CollaboratorOut]
    calendar: Calendar
    counts: CountsOut
    my_role: Literal["owner", "editor", "viewer"] | None
    permissions: WorldPermissionsOut
    created_at: str
    updated_at: str


class WorldEnvelopeOut(Out):
    world: WorldOut


class WorldPageOut(Out):
    items: list[WorldSummaryOut]
    total: int
    page: int
    page_size: int


class StoryPermissionsOut(Out):
    edit: bool
    delete: bool


class StoryFieldsOut(Out):
    story_id: str
    world_id: str
    world_name: str
    title: str
    summary: str
    genre: str
    visibility: Visibility
    order: int
    world_time: WorldTime | None
    entity_ids: list[str]
    location_ids: list[str]
    linked_story_ids: list[str]
    owner_id: str
    word_count: int
    excerpt: str
    permissions: StoryPermissionsOut
    created_at: str
    updated_at: str


class StoryOut(StoryFieldsOut):
    content: str


class StorySummaryOut(StoryFieldsOut):
    pass


class StoryEnvelopeOut(Out):
    story: StoryOut


class StoryPageOut(Out):
    items: list[StorySummaryOut]
    total: int
    page: int
    page_size: int


class StoryOrderOut(Out):
    items: list[StorySummaryOut]


class DeletedWorldOut(Out):
    world_id: str


class DeletedStoryOut(Out):
    story_id: str


class EmptyOut(Out):
    pass


class AiStatusOut(Out):
    configured: bool
    model: str | None


class HealthOut(Out):
    status: Literal["ok"]
    storage: Literal["tinydb", "postgresql"]
    ai: AiStatusOut
    version: str
