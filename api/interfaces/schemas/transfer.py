"""Export query and import bodies: the Storyloom world bundle and SillyTavern lorebooks."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, StringConstraints

from core.models.event import EVENT_KINDS
from interfaces.schemas.common import (Extensions, Id, Language, Name, QueryModel, StrictModel, Title,
                                       Visibility, WorldType)
from interfaces.schemas.content import (Description, EntityCreate, LocationCreate,
                                        RelationshipType)
from interfaces.schemas.stories import WorldTime
from interfaces.schemas.worlds import Calendar

Timestamp = Annotated[str, StringConstraints(max_length=40)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Ids = Annotated[list[Id], Field(max_length=5000)]


class ExportQuery(QueryModel):
    """Which file to export."""

    format: Literal["json", "markdown", "lorebook", "card", "card_png"] = Field(
        "json", description="json: the whole bundle; markdown: a world bible; lorebook: "
                            "SillyTavern World Info; card / card_png: one character "
                            "(`entity_id`) as a Character Card V2, JSON or PNG, with the "
                            "world's lore as its character book")
    entity_id: Id | None = Field(None, description="The character of a card export")


class Source(BaseModel):
    """Provenance of an item; extra keys (task_id, excerpt, generator) are kept."""

    model_config = ConfigDict(extra="allow")
    kind: Literal["user", "ai", "extracted"] = "user"
    story_id: Id | None = None


class Stamped(StrictModel):
    """The timestamps a bundle carries; an import gives new ones."""

    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None
    # An export writes null for what a resource does not have; an import reads it back.
    nullable: ClassVar[frozenset] = frozenset({"created_at", "updated_at"})


class BundleWorld(Stamped):
    """The world itself; an import is always private and owned by the importer."""

    world_id: Id | None = None
    name: Name
    description: str = Field("", max_length=50_000)
    world_type: WorldType = "fantasy"
    visibility: Visibility = "private"
    language: Language = "vi"
    calendar: Calendar | None = None
    travel_per_day: float | None = Field(None, gt=0, le=1_000_000)
    extensions: Extensions = Field(default_factory=dict)
    nullable: ClassVar[frozenset] = Stamped.nullable | {"world_id", "calendar",
                                                        "travel_per_day"}


class BundleStory(Stamped):
    """A story and its links, by the bundle's ids."""

    story_id: Id
    title: Title
    content: str = Field("", max_length=2_000_000)
    summary: str = Field("", max_length=10_000)
    genre: Label = ""
    visibility: Visibility = "private"
    order: int = Field(1, ge=0, le=1_000_000)
    world_time: WorldTime | None = None
    entity_ids: Ids = Field(default_factory=list)
    location_ids: Ids = Field(default_factory=list)
    linked_story_ids: Ids = Field(default_factory=list)
    nullable: ClassVar[frozenset] = Stamped.nullable | {"world_time"}


class BundleRelationship(StrictModel):
    """A typed tie to another entity of the bundle."""

    target_entity_id: Id
    type: RelationshipType
    label: Label = ""


class BundleEntity(EntityCreate, Stamped):
    """A character, creature, faction or item, with its id inside the bundle."""

    model_config = ConfigDict(json_schema_extra=None)     # not EntityCreate's example

    entity_id: Id
    relationships: Annotated[list[BundleRelationship], Field(max_length=5000)] = Field(
        default_factory=list)
    source: Source = Field(default_factory=Source)


class BundleLocation(LocationCreate, Stamped):
    """A place, maybe inside another place of the bundle."""

    model_config = ConfigDict(json_schema_extra=None)     # not LocationCreate's example

    location_id: Id
    source: Source = Field(default_factory=Source)
    nullable: ClassVar[frozenset] = Stamped.nullable | LocationCreate.nullable


class BundleConnection(StrictModel):
    """A link from one event to another event of the bundle."""

    target_event_id: Id
    relation_type: Literal["causation", "temporal", "character", "location"]
    label: Label = ""


class BundleRelativeDate(StrictModel):
    """A date given as an offset from another event of the bundle."""

    event_id: Id
    years: int = Field(0, ge=-1_000_000, le=1_000_000)
    months: int = Field(0, ge=-12_000_000, le=12_000_000)
    days: int = Field(0, ge=-400_000_000, le=400_000_000)


class BundleEvent(Stamped):
    """An event of the world's timeline."""

    event_id: Id
    story_id: Id | None = None
    title: Title
    description: Description = ""
    kind: Literal[EVENT_KINDS] = "other"
    relative_to: BundleRelativeDate | None = None
    year: int | None = Field(None, ge=-1_000_000_000, le=1_000_000_000)
    month: int | None = Field(None, ge=1, le=100)
    day: int | None = Field(None, ge=1, le=1000)
    era: Label = ""
    precision: Literal["exact", "approximate", "unknown"] = "unknown"
    entity_ids: Ids = Field(default_factory=list)
    location_ids: Ids = Field(default_factory=list)
    story_position: int | None = Field(None, ge=0)
    connections: Annotated[list[BundleConnection], Field(max_length=5000)] = Field(
        default_factory=list)
    source: Source = Field(default_factory=Source)
    nullable: ClassVar[frozenset] = Stamped.nullable | {
        "story_id", "relative_to", "year", "month", "day", "story_position"}


class WorldBundle(StrictModel):
    """A whole world as `GET /worlds/<id>/export?format=json` writes it."""

    format: Literal["storyloom.world"]
    version: Literal[1]
    exported_at: Timestamp | None = None
    nullable: ClassVar[frozenset] = frozenset({"exported_at"})
    world: BundleWorld
    stories: list[BundleStory] = Field(default_factory=list)
    entities: list[BundleEntity] = Field(default_factory=list)
    locations: list[BundleLocation] = Field(default_factory=list)
    events: list[BundleEvent] = Field(default_factory=list)


class LorebookEntry(BaseModel):
    """A SillyTavern World Info entry; every field is kept and exported back."""

    model_config = ConfigDict(extra="allow")
    key: list[str] = Field(default_factory=list, description="Primary keys (also `keys`)")
    keysecondary: list[str] = Field(default_factory=list)
    comment: str = ""
    content: str = Field("", max_length=200_000)


class Lorebook(BaseModel):
    """SillyTavern World Info (current or early TavernAI shape): entries by uid, or a list."""

    model_config = ConfigDict(extra="allow")
    name: str | None = None
    entries: dict[str, LorebookEntry] | list[LorebookEntry]


class CharacterCard(BaseModel):
    """A Character Card V2 or V3 (`spec` chara_card_v2 / chara_card_v3, fields in `data`)."""

    model_config = ConfigDict(extra="allow")
    spec: Literal["chara_card_v2", "chara_card_v3"]
    spec_version: str
    data: dict[str, Any]


class OtherLorebook(BaseModel):
    """NovelAI (`lorebookVersion`), Agnai (`kind: memory`), RisuAI (`type: risu`) or
    KoboldAI (`folders`) books; KoboldAI's list of entries is also read."""

    model_config = ConfigDict(extra="allow")


def _file_stem(value):
    """A file name without its folders and its .json/.lorebook/.png extensions."""
    if not isinstance(value, str):
        return value
    stem = re.split(r"[\\/]", value.strip())[-1]
    while re.search(r"\.(json|lorebook|png)$", stem, re.IGNORECASE):
        stem = stem.rsplit(".", 1)[0]
    return stem


class ImportQuery(QueryModel):
    """What the file was called, for a lorebook that does not name itself."""

    name: Annotated[Name, BeforeValidator(_file_stem)] | None = Field(None, description=(
        "The file's name (e.g. `Eldoria.lorebook.json`): a lorebook without a `name` of its "
        "own becomes a world of this name, .json/.lorebook/.png extensions removed. Same rules as "
        "a world name (1-120 characters, something visible). Bundles keep their world name."))


class WorldImport(RootModel):
    """What POST /worlds/import reads (documentation; the route tells the formats apart)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "Eldoria lore", "entries": {"0": {
            "key": ["Ari", "the Fox"], "comment": "Ari",
            "content": "A cunning thief of the river towns."}}}]})

    root: Union[WorldBundle, Lorebook, CharacterCard, OtherLorebook, list[dict[str, Any]]]


class ExportedJson(RootModel):
    """A JSON export: the world bundle (json), SillyTavern World Info (lorebook) or a Character
    Card V2 (card)."""

    root: Union[WorldBundle, Lorebook, CharacterCard]
