"""Response shapes, used to document the `data` of each envelope in the Swagger spec."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from interfaces.schemas.common import CollaboratorRole, Language, Visibility, WorldType
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


class UsageOut(Out):
    prompt_tokens: int
    completion_tokens: int


class UserOut(Out):
    user_id: str
    username: str
    email: str
    display_name: str
    role: Literal["admin", "moderator", "premium", "user", "guest"]
    banned: bool
    created_at: str
    quotas: QuotasOut
    usage: UsageOut


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
    language: Language
    owner_id: str
    owner_username: str | None
    collaborators: list[CollaboratorOut]
    counts: CountsOut
    my_role: Literal["owner", "editor", "viewer"] | None
    permissions: WorldPermissionsOut
    created_at: str
    updated_at: str
    version: int


class WorldOut(Out):
    world_id: str
    name: str
    description: str
    world_type: WorldType
    visibility: Visibility
    language: Language
    owner_id: str
    owner_username: str | None
    collaborators: list[CollaboratorOut]
    calendar: Calendar
    travel_per_day: float | None
    extensions: dict
    counts: CountsOut
    my_role: Literal["owner", "editor", "viewer"] | None
    permissions: WorldPermissionsOut
    created_at: str
    updated_at: str
    version: int


class WorldEnvelopeOut(Out):
    world: WorldOut


class SkippedEntryOut(Out):
    index: int | str
    reason: str


class WorldImportOut(Out):
    world: WorldOut
    skipped: list[SkippedEntryOut]


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
    version: int


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


class StorageHealthOut(Out):
    writable: bool
    detail: str


class HealthOut(Out):
    status: Literal["ok"]
    storage: Literal["tinydb", "postgresql", "memory"]
    storage_health: StorageHealthOut
    ai: AiStatusOut
    version: str


class SourceOut(BaseModel):
    """Provenance: who or what made the item."""

    model_config = ConfigDict(extra="allow")
    kind: Literal["user", "ai", "extracted"]


class ContentPermissionsOut(Out):
    edit: bool
    delete: bool


class RelationshipOut(Out):
    target_entity_id: str
    type: str
    label: str
    target_name: str | None


class EntityFieldsOut(Out):
    entity_id: str
    world_id: str
    name: str
    aliases: list[str]
    entity_type: str
    attributes: dict[str, int | float | str]
    source: SourceOut
    permissions: ContentPermissionsOut
    created_at: str
    updated_at: str
    version: int


class EntityOut(EntityFieldsOut):
    description: str
    relationships: list[RelationshipOut]
    extensions: dict


class EntitySummaryOut(EntityFieldsOut):
    excerpt: str
    relationships: list[dict]


class EntityEnvelopeOut(Out):
    entity: EntityOut


class EntityPageOut(Out):
    items: list[EntitySummaryOut]
    total: int
    page: int
    page_size: int


class CoordinatesOut(Out):
    x: float
    y: float


class LocationFieldsOut(Out):
    location_id: str
    world_id: str
    name: str
    aliases: list[str]
    location_type: str
    coordinates: CoordinatesOut | None
    parent_location_id: str | None
    source: SourceOut
    permissions: ContentPermissionsOut
    created_at: str
    updated_at: str
    version: int


class LocationOut(LocationFieldsOut):
    description: str
    parent_name: str | None
    extensions: dict


class LocationSummaryOut(LocationFieldsOut):
    excerpt: str


class LocationEnvelopeOut(Out):
    location: LocationOut


class LocationPageOut(Out):
    items: list[LocationSummaryOut]
    total: int
    page: int
    page_size: int


class DeletedEntityOut(Out):
    entity_id: str


class DeletedLocationOut(Out):
    location_id: str


class CreatedOut(Out):
    entities: list[EntitySummaryOut]


class LinkResultOut(Out):
    story: StoryOut
    created: CreatedOut
    unresolved: list[str]


class AdminUserOut(UserOut):
    ban_reason: str
    updated_at: str


class AdminUserEnvelopeOut(Out):
    user: AdminUserOut


class AdminUserPageOut(Out):
    items: list[AdminUserOut]
    total: int
    page: int
    page_size: int


class RoleQuotasOut(Out):
    public_worlds: int | None
    public_stories: int | None
    ai_requests_per_day: int | None


class RoleOut(Out):
    role: str
    permissions: list[str]
    quotas: RoleQuotasOut


class RolesOut(Out):
    roles: list[RoleOut]


class VisibilityCountsOut(Out):
    total: int
    by_visibility: dict[str, int]


class UserCountsOut(Out):
    total: int
    by_role: dict[str, int]
    banned: int


class AdminStatsOut(Out):
    users: UserCountsOut
    worlds: VisibilityCountsOut
    stories: VisibilityCountsOut
    entities: int
    locations: int
    events: int


class StatsOut(Out):
    worlds: int
    stories: int
    entities: int
    locations: int
    events: int
