"""A background AI task whose result the client polls."""

from dataclasses import dataclass

from core.models._base import Model


@dataclass
class Task(Model):
    """The record of one background job: status, progress, result or error."""

    task_id: str
    user_id: str
    kind: str
    created_at: str
    updated_at: str
    status: str = "pending"
    progress: dict | None = None
    result: dict | None = None
    error: dict | None = None
