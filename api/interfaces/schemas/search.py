"""The search query string and its answer."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interfaces.schemas.common import PageQuery
from interfaces.schemas.outputs import Out


class SearchQuery(PageQuery):
    """What to search for, where, and which kinds of things."""

    q: str | None = Field(None, description=(
        "Words to find (1-200 characters), without regard to case or diacritics: "
        "\"da lat\" finds \"Đà Lạt\"; words typed with their accents rank higher"),
        examples=["Hà Nội"])
    world_id: str | None = Field(None, max_length=64, description="Only this world")
    kinds: str | None = Field(None, max_length=100, description=(
        "Comma-separated kinds to include: world, story, entity, location, event (all when "
        "omitted)"), examples=["story,entity"])


class SearchHitOut(Out):
    kind: Literal["world", "story", "entity", "location", "event"]
    id: str = Field(examples=["story_3f9c2a"])
    world_id: str
    title: str = Field(examples=["Mùa thu Hà Nội"])
    snippet: str = Field(description="Escaped HTML; matched words are wrapped in <mark>",
                         examples=["… một buổi sáng ở <mark>Hà</mark> <mark>Nội</mark> …"])
    score: float = Field(description="Higher is better: 1, +2 when the title matches, +4 "
                                     "when the words match with their accents as typed")


class SearchPageOut(Out):
    items: list[SearchHitOut]
    total: int
    page: int
    page_size: int
