"""Background AI tasks: a bounded pool of daemon threads, records in storage, cancel, heartbeats.

A task's record is written (`pending`) before its job is queued, and every change of it goes
through storage, so any server process answers a poll or a cancel. The process running a task
refreshes its `heartbeat_at`; a task whose heartbeat stops (its process was killed) is marked
`interrupted` by whichever process notices first: the poll that reads it, or the sweep every
process runs. Jobs receive a TaskContext and plain data, never a request; a job's own writes
happen in the transaction that completes the task, after checking it was not cancelled, so a
cancelled or failed job leaves nothing half-written.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass, field
from datetime import timedelta

from core.clock import iso, now_iso, utc_now
from core.errors import ApiError, InvalidState, TaskNotFound
from core.models import Task
from core.models._base import new_id
from core.models.views import PageView
from core.models.task import RUNNING
from storage import PageRequest, retry_on_conflict

log = logging.getLogger("storyloom.tasks")
FINISHED = ("completed", "error", "cancelled", "interrupted")
SWEEP_BATCH = 200


class Cancelled(Exception):
    """The task was cancelled (or interrupted) while its job ran; the job stops."""


@dataclass
class Finish:
    """What a job returns when it also writes: `write(tx)` runs in the completing transaction."""

    result: dict
    write: object = None


@dataclass
class TaskContext:
    """What a running job may do with its task: report progress, count tokens, stop if asked."""

    runner: "TaskRunner"
    task_id: str
    user_id: str
    usage: dict = field(default_factory=lambda: {"prompt_tokens": 0, "completion_tokens": 0})

    def add_usage(self, prompt_tokens: int, completion_tokens: int) -> None:
        """Count the tokens of one model call."""
        self.usage["prompt_tokens"] += prompt_tokens
        self.usage["completion_tokens"] += completion_tokens

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Record progress; raises Cancelled when the task was cancelled meanwhile."""
        self.runner.update(self.task_id, progress={"done": done, "total": total,
                                                   "message": message}, usage=self.usage)

    def check(self) -> None:
        """Raise Cancelled when the task is no longer running."""
        task = self.runner.storage.get(Task, self.task_id)
        if task is None or task.status != "processing":
            raise Cancelled()


class TaskRunner:
    """Runs jobs in `workers` daemon threads and keeps their task records."""

    def __init__(self, storage, workers: int = 4, heartbeat_seconds: float = 10.0,
                 stale_seconds: float = 45.0, ttl_seconds: float = 7 * 86400,
                 sole_process: bool = False, count_tokens=None):
        self.storage = storage
        # count_tokens(tx, user_id, usage, shard): adds a finished task's tokens to its user's
        # totals; `shard` names the worker thread, so workers never write one record at once.
        self._count_tokens = count_tokens or (lambda tx, user_id, usage, shard: None)
        self.process_id = new_id()
        self._workers = workers
        self._heartbeat = heartbeat_seconds
        self._stale = stale_seconds
        self._ttl = ttl_seconds
        self._sole = sole_process
        self._queue: queue.Queue = queue.Queue()
        self._mine: set[str] = set()
        self._mine_lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    # life cycle

    def start(self) -> None:
        """Mark tasks left by dead processes `interrupted`, then start the threads."""
        self.sweep(at_start=True)
        for number in range(self._workers):
            self._spawn(self._work, f"ai-task-{number}")
        self._spawn(self._beat, "ai-task-heartbeat")

    def stop(self) -> None:
        """Stop taking jobs; running ones end with the process (their records turn
        `interrupted` at the next start or sweep)."""
        self._stop.set()
        for _ in range(self._workers):
            self._queue.put(None)

    @property
    def thread_count(self) -> int:
        """How many threads the runner started (bounded: workers + one heartbeat)."""
        return len(self._threads)

    def _spawn(self, target, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    # submitting and reading

    def submit(self, user_id: str, kind: str, job) -> Task:
        """Write the task record, then queue `job(context)`; returns the pending task."""
        now = now_iso()
        task = Task(task_id=new_id(), user_id=user_id, kind=kind, created_at=now,
                    updated_at=now, process_id=self.process_id, heartbeat_at=now)
        # Counted as this process's before it is stored, so no sweep takes it for an orphan.
        with self._mine_lock:
            self._mine.add(task.task_id)
        try:
            with self.storage.transaction() as tx:
                tx.insert(task)
        except BaseException:
            with self._mine_lock:
                self._mine.discard(task.task_id)
            raise
        self._queue.put((task.task_id, user_id, job))
        return task

    def get(self, user, task_id: str) -> Task:
        """A task its owner (or an admin) may read; 3003 for anyone else."""
        return self._read(task_id, lambda task: _may_read(user, task))

    def get_owned_by(self, owner_id: str, task_id: str) -> Task:
        """A task started by that owner (other services poll theirs); 3003 otherwise."""
        return self._read(task_id, lambda task: task.user_id == owner_id)

    def _read(self, task_id: str, allowed) -> Task:
        task = self.storage.get(Task, task_id)
        if task is None or not allowed(task):
            raise TaskNotFound()
        if self._is_orphan(task):
            task = self._interrupt(task.task_id) or task
        return task

    def list(self, user, page: PageRequest) -> PageView:
        """The caller's tasks, most recently changed first."""
        found = self.storage.tasks_of_user(user.user_id, page)
        return PageView(found.items, found.total, page.page, page.page_size)

    @retry_on_conflict
    def cancel(self, user, task_id: str) -> Task:
        """Cancel a running task (its job stops at its next step and writes nothing more)."""
        task = self.get(user, task_id)
        with self.storage.transaction() as tx:
            task = tx.get(Task, task_id)
            if task is None:
                raise TaskNotFound()
            if task.finished:
                raise InvalidState(f"The task has already ended ({task.status})")
            task.status = "cancelled"
            task.updated_at = now_iso()
            tx.update(task)
        log.info("task cancelled", extra={"fields": {"task_id": task_id, "kind": task.kind}})
        return task

    # running

    @retry_on_conflict
    def update(self, task_id: str, **changes) -> None:
        """Change a running task's record; raises Cancelled when it is no longer processing."""
        with self.storage.transaction() as tx:
            task = tx.get(Task, task_id)
            if task is None or task.status != "processing":
                raise Cancelled()
            for name, value in changes.items():
                setattr(task, name, value)
            task.updated_at = now_iso()
            tx.update(task)

    def _work(self) -> None:
        while not self._stop.is_set():
            item = self._queue.get()
            if item is None:
                return
            task_id, user_id, job = item
            try:
                self._run(task_id, user_id, job)
            except Exception:       # noqa: BLE001 - storage closed under a job as the server stops
                if not self._stop.is_set():
                    log.exception("task record could not be written",
                                  extra={"fields": {"task_id": task_id}})
            finally:
                with self._mine_lock:
                    self._mine.discard(task_id)

    def _run(self, task_id: str, user_id: str, job) -> None:
        context = TaskContext(self, task_id, user_id)
        try:
            if not self._begin(task_id):
                return
            outcome = job(context)
            self._complete(context, outcome if isinstance(outcome, Finish) else Finish(outcome))
        except Cancelled:
            log.info("task stopped", extra={"fields": {"task_id": task_id}})
        except ApiError as error:
            self._fail(context, {"errorCode": error.error_code, "errorDetail": error.detail})
        except Exception:       # noqa: BLE001 - every failure must land in the record
            log.exception("task failed", extra={"fields": {"task_id": task_id}})
            self._fail(context, {"errorCode": "5001",
                                 "errorDetail": "The task failed unexpectedly"})

    @retry_on_conflict
    def _begin(self, task_id: str) -> bool:
        with self.storage.transaction() as tx:
            task = tx.get(Task, task_id)
            if task is None or task.status != "pending":
                return False
            task.status = "processing"
            task.updated_at = task.heartbeat_at = now_iso()
            tx.update(task)
        return True

    @retry_on_conflict
    def _complete(self, context: TaskContext, outcome: Finish) -> None:
        with self.storage.transaction() as tx:
            task = tx.get(Task, context.task_id)
            if task is None or task.status != "processing":
                raise Cancelled()
            if outcome.write is not None:
                outcome.write(tx)
            task.status, task.result, task.usage = "completed", outcome.result, context.usage
            task.progress = _done(task.progress)
            task.updated_at = now_iso()
            tx.update(task)
            self._count_tokens(tx, task.user_id, context.usage, _shard(self.process_id))

    def _fail(self, context: TaskContext, error: dict) -> None:
        try:
            self.update(context.task_id, status="error", error=error, usage=context.usage)
            self._count(context)
        except Cancelled:
            pass
        log.info("task ended in error", extra={"fields": {
            "task_id": context.task_id, "code": error["errorCode"]}})

    @retry_on_conflict
    def _count(self, context: TaskContext) -> None:
        with self.storage.transaction() as tx:
            self._count_tokens(tx, context.user_id, context.usage, _shard(self.process_id))

    # heartbeats and sweeps

    def _beat(self) -> None:
        while not self._stop.wait(self._heartbeat):
            try:
                self._touch_mine()
                self.sweep()
            except Exception:       # noqa: BLE001 - the heartbeat must outlive a bad moment
                log.exception("task heartbeat failed")

    def _touch_mine(self) -> None:
        with self._mine_lock:
            mine = list(self._mine)
        for task_id in mine:
            self._touch(task_id)

    @retry_on_conflict
    def _touch(self, task_id: str) -> None:
        with self.storage.transaction() as tx:
            task = tx.get(Task, task_id)
            if task is not None and not task.finished:
                task.heartbeat_at = now_iso()
                tx.update(task)

    def sweep(self, at_start: bool = False) -> int:
        """Mark orphaned tasks `interrupted` and delete finished ones past their TTL; returns
        how many were interrupted. At start, a sole process (TinyDB) owns every task."""
        interrupted = 0
        for task in self.storage.tasks_with_status(RUNNING, SWEEP_BATCH):
            if (at_start and self._sole) or self._is_orphan(task):
                interrupted += self._interrupt(task.task_id) is not None
        expired = iso(utc_now() - timedelta(seconds=self._ttl))
        old = [t.task_id for t in self.storage.tasks_with_status(FINISHED, SWEEP_BATCH)
               if t.updated_at < expired]
        if old:
            with self.storage.transaction() as tx:
                tx.delete(Task, *old)
        if interrupted or old:
            log.info("tasks swept", extra={"fields": {"interrupted": interrupted,
                                                      "expired": len(old)}})
        return interrupted

    def _is_orphan(self, task: Task) -> bool:
        """A running task whose process stopped beating (never one this process runs)."""
        if task.finished:
            return False
        with self._mine_lock:
            if task.task_id in self._mine:
                return False
        stale = iso(utc_now() - timedelta(seconds=self._stale))
        return task.process_id == self.process_id or (task.heartbeat_at or "") < stale

    @retry_on_conflict
    def _interrupt(self, task_id: str) -> Task | None:
        with self.storage.transaction() as tx:
            task = tx.get(Task, task_id)
            if task is None or task.finished:
                return None
            task.status = "interrupted"
            task.error = {"errorCode": "0003",
                          "errorDetail": "The server stopped while this task ran; start it again"}
            task.updated_at = now_iso()
            tx.update(task)
        return task


def _shard(process_id: str) -> str:
    return f"{process_id[:8]}-{threading.current_thread().name}"


def _may_read(user, task: Task) -> bool:
    return user is not None and (task.user_id == user.user_id or user.role == "admin")


def _done(progress: dict | None) -> dict | None:
    if progress is None:
        return None
    return {**progress, "done": progress.get("total", progress.get("done"))}
