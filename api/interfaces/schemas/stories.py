"""Bodies and query strings of the story routes."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, model_validator

from interfaces.schemas.common import (Id, PageQuery, ShortText, StrictModel, Title, Versioned,
                                       Visibility, example)


class WorldTime(StrictModel):
    """When a story happens, in the world's calendar."""

    year: int = Field(ge=-1_000_000_000, le=1_000_000_000)
    month: int | None = Field(None, ge=1, le=100)
    day: int | None = Field(None, ge=1, le=1000)
    era: ShortText | None = None
    precision: Literal["exact", "approximate", "unknown"] | None = None
    nullable: ClassVar[frozenset] = frozenset({"month", "day", "era", "precision"})

    @model_validator(mode="after")
    def _default_precision(self):
        if self.precision is None:
            self.precision = "exact" if self.month and self.day else "approximate"
        return self


class StoryCreate(StrictModel):
    """A new story in a world; private (or its world's lower visibility) by default."""

    model_config = example({"world_id": "<world_id>", "title": "Dời đô",
                            "content": "Năm 1010, nhà vua dời đô về Đại La.",
                            "summary": "The move of the capital.", "genre": "historical",
                            "visibility": "private", "order": 1,
                            "world_time": {"year": 1010, "month": 7, "precision": "approximate"}})

    world_id: Id
    title: Title
    content: str = Field("", max_length=2_000_000)
    summary: str = Field("", max_length=10_000)
    genre: ShortText = ""
    visibility: Visibility | None = None
    order: int | None = Field(None, ge=0, le=1_000_000)
    world_time: WorldTime | None = None
    nullable: ClassVar[frozenset] = frozenset({"world_time", "visibility", "order"})


class StoryUpdate(Versioned):
    """Fields to change; those left out keep their value (`world_time: null` clears it)."""

    model_config = example({"title": "Chiếu dời đô", "summary": "The edict and the move.",
                            "version": 4})

    title: Title | None = None
    content: str | None = Field(None, max_length=2_000_000)
    summary: str | None = Field(None, max_length=10_000)
    genre: ShortText | None = None
    visibility: Visibility | None = None
    order: int | None = Field(None, ge=0, le=1_000_000)
    world_time: WorldTime | None = None
    nullable: ClassVar[frozenset] = frozenset({"world_time"})


class StoryListQuery(PageQuery):
    """Filters of the story list."""

    world_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] | None = None
    scope: Literal["all", "mine"] = "all"
