"""A background AI task whose result the client polls."""

from dataclasses import dataclass, field

from core.models._base import Model

STATUSES = ("pending", "processing", "completed", "error", "cancelled", "interrupted")
RUNNING = ("pending", "processing")


@dataclass
class Task(Model):
    """The record of one background job: status, progress, result or error, and who runs it.

    `process_id` names the server process running it; that process refreshes `heartbeat_at`
    while the job runs, so any other process can tell a task whose process died.
    """

    task_id: str
    user_id: str
    kind: str
    created_at: str
    updated_at: str
    status: str = "pending"
    progress: dict | None = None
    result: dict | None = None
    error: dict | None = None
    usage: dict = field(default_factory=lambda: {"prompt_tokens": 0, "completion_tokens": 0})
    process_id: str = ""
    heartbeat_at: str = ""

    @property
    def finished(self) -> bool:
        """Whether the task has reached a status it never leaves."""
        return self.status not in RUNNING
