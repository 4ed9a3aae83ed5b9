"""Bodies and answers of the AI routes (API.md §5) and the prompt templates (§6)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interfaces.schemas.common import (Id, Language, QueryModel, StrictModel, WorldType,
                                       example)
from interfaces.schemas.outputs import Out, UsageOut

TEXT = 200_000          # characters of a text an AI route takes


class GenerateDescription(StrictModel):
    """What to describe: a world (by name and type) or a story (in a world, with characters)."""

    model_config = example({"type": "story", "world_id": "…", "story_title": "Mùa nước nổi",
                            "story_genre": "phiêu lưu", "entity_ids": []})

    type: Literal["world", "story"]
    world_name: str = Field("", max_length=120, description="type world: the world's name")
    world_type: WorldType = "fantasy"
    world_id: Id | None = Field(None, description="type story: the story's world")
    story_title: str = Field("", max_length=200, description="type story: its title")
    story_genre: str = Field("", max_length=120)
    entity_ids: list[Id] = Field(default_factory=list, max_length=50,
                                 description="type story: characters it is about")
    language: Language | None = Field(None, description="vi or en; default: the world's, or vi")


class Analyze(StrictModel):
    """A world description to read (`world_description`), or a story (`story_id`, or
    `world_id` with `story_description`)."""

    model_config = example({"story_id": "…"})

    world_description: str = Field("", max_length=TEXT)
    world_type: WorldType = "fantasy"
    story_id: Id | None = None
    world_id: Id | None = None
    story_description: str = Field("", max_length=TEXT)
    language: Language | None = None


class BatchAnalyze(StrictModel):
    """Up to three stories of one world to analyze together."""

    model_config = example({"world_id": "…", "story_ids": ["…", "…"]})

    world_id: Id
    story_ids: list[Id] = Field(min_length=1, max_length=100,
                                description="at most 3 (a longer list answers 2004)")
    language: Language | None = None


class ConsistencyCheck(StrictModel):
    """The story to check against its world's facts and timeline."""

    model_config = example({"story_id": "…"})

    story_id: Id
    language: Language | None = None


class Rewrite(StrictModel):
    """A passage to rework; with `story_id` the story's world and characters guide it."""

    model_config = example({"text": "Gió nổi lên trên sông.", "mode": "expand"})

    text: str = Field(min_length=1, max_length=20_000)
    mode: Literal["paraphrase", "expand", "continue"] = "paraphrase"
    story_id: Id | None = None
    language: Language | None = None


class InternalAnalyze(StrictModel):
    """A text whose characters and places to find (no user's world is read)."""

    model_config = example({"text": "Thánh Gióng lớn lên ở làng Phù Đổng."})

    text: str = Field(min_length=1, max_length=TEXT)
    language: Language | None = None


class InternalDescription(StrictModel):
    """A world to describe from its name."""

    model_config = example({"type": "world", "name": "Đất Phương Nam"})

    type: Literal["world"] = "world"
    name: str = Field(min_length=1, max_length=120)
    world_type: WorldType = "fantasy"
    language: Language | None = None


class InternalRewrite(StrictModel):
    """A passage to rework, without any world."""

    model_config = example({"text": "Gió nổi lên trên sông.", "mode": "continue"})

    text: str = Field(min_length=1, max_length=20_000)
    mode: Literal["paraphrase", "expand", "continue"] = "paraphrase"
    language: Language | None = None


class ExtractQuery(QueryModel):
    """`force=true` asks the model again even when the story's text has not changed."""

    force: bool = False


class TaskStartedOut(Out):
    """A task just started: poll `poll_url` for its end."""

    task_id: str
    status: Literal["pending"]
    poll_url: str


class TaskProgressOut(Out):
    """How far a task has come (for one in several steps)."""

    done: int
    total: int
    message: str


class TaskErrorOut(Out):
    """Why a task ended in error: a code of the registry and a sentence."""

    errorCode: str
    errorDetail: str


class TaskOut(Out):
    """A task as its owner polls it; `result` depends on its kind (API.md §5)."""

    task_id: str
    kind: str
    status: Literal["pending", "processing", "completed", "error", "cancelled", "interrupted"]
    progress: TaskProgressOut | None
    result: dict | None
    error: TaskErrorOut | None
    usage: UsageOut
    created_at: str
    updated_at: str


class TaskPageOut(Out):
    """One page of the caller's tasks."""

    items: list[TaskOut]
    total: int
    page: int
    page_size: int


class PromptTemplateOut(Out):
    """A stored prompt template and its version."""

    template_id: str
    name: str
    system_prompt: str
    user_prompt_template: str
    output_format_schema: dict
    active: bool
    version: int
    updated_at: str


class PromptTemplateListOut(Out):
    """Every stored prompt template, by name."""

    items: list[PromptTemplateOut]


class PromptTemplateChange(StrictModel):
    """New parts of a template; each change raises its `version` (the next task uses it)."""

    model_config = example({"system_prompt": "You help writers …", "active": True})

    system_prompt: str | None = Field(None, min_length=1, max_length=20_000)
    user_prompt_template: str | None = Field(
        None, min_length=1, max_length=20_000,
        description="Inputs are written $name; only the template's own inputs may appear")
    output_format_schema: dict | None = Field(None, description="A JSON Schema of an object")
    active: bool | None = None
