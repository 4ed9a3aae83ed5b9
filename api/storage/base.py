"""The storage contract: transactions, unique keys, versions and queries named for their use.

Services read through a `Reader` and change data only inside a transaction:

    with storage.transaction() as tx:
        story = tx.get(Story, story_id)
        story.title = "New"
        tx.update(story)

A transaction is atomic, isolated from every other writer (in this or any other process) and
durable when the `with` block ends; readers outside it see its writes only then. Reads inside
it see its own writes. An exception leaving the block undoes everything it wrote. Unique keys
are enforced by the storage (`DuplicateKey`), and versioned tables compare-and-set the
`version` of the model being updated (`StaleVersion`). A `DuplicateKey` or `StaleVersion` ends
the transaction: let it leave the block. When a backend cannot serialise two transactions it
raises `TransactionConflict`; `retry_on_conflict` runs the service method again.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from core.models.views import Counts
from core.paging import PageRequest
from core.visibility import Viewer

log = logging.getLogger("storyloom.storage")
WORLD_SCOPES = ("all", "mine", "shared", "public")


class StorageError(Exception):
    """The backend cannot read or durably write right now."""


class FolderInUse(StorageError):
    """Another process (a running server) holds the TinyDB data folder."""


class TransactionConflict(StorageError):
    """A concurrent transaction made this one impossible to serialise; run it again."""


class DuplicateKey(Exception):
    """A write would give a unique key a second owner."""

    def __init__(self, table: str, key: str):
        super().__init__(f"{table}.{key} already exists")
        self.table = table
        self.key = key


class StaleVersion(Exception):
    """An update was based on a version that is no longer the stored one (or none is stored)."""

    def __init__(self, table: str, doc_id: str, stored: int | None):
        super().__init__(f"{table} {doc_id} is at version {stored}")
        self.table = table
        self.doc_id = doc_id
        self.stored = stored


@dataclass
class Page:
    """One page of models and the number of all that matched."""

    items: list = field(default_factory=list)
    total: int = 0


@dataclass
class SearchHit:
    """One search result: what it is, where it lives, its text (for the snippet) and score."""

    kind: str
    id: str
    world_id: str
    title: str
    body: str
    score: float


class Reader(ABC):
    """Every query a service may ask, named for its use. Pages are in the order named."""

    # documents by id

    @abstractmethod
    def get(self, model_cls, doc_id: str):
        """The model with that id, or None."""

    @abstractmethod
    def get_many(self, model_cls, ids) -> list:
        """The models that exist among the ids, in the order of the ids."""

    @abstractmethod
    def names_of(self, model_cls, ids) -> dict:
        """{id: name} of the named things (entities, places, worlds) that exist among the ids."""

    @abstractmethod
    def tasks_of_user(self, user_id: str, page: PageRequest) -> Page:
        """A user's AI tasks, most recently changed first."""

    @abstractmethod
    def tasks_with_status(self, statuses, limit: int) -> list:
        """Up to `limit` tasks whose status is one of `statuses`, least recently changed first."""

    @abstractmethod
    def ai_usage_of(self, user_id: str) -> list:
        """A user's AI usage records, one per day."""

    @abstractmethod
    def prompt_templates(self) -> list:
        """Every stored prompt template, by name."""

    @abstractmethod
    def prompt_template_named(self, name: str):
        """The stored prompt template with that name, or None."""

    @abstractmethod
    def stories_at_levels(self, ids, levels) -> set[str]:
        """The ids among `ids` of stories whose visibility is one of `levels`."""

    @abstractmethod
    def story_in_world(self, story_id: str) -> tuple:
        """(the story or None, its world or None), in one read."""

    # accounts

    @abstractmethod
    def user_by(self, key: str, value: str):
        """The user whose `username_key` or `email_key` has that (folded) value, or None."""

    @abstractmethod
    def session(self, user_id: str, jti: str) -> tuple:
        """(the user or None, whether the token with that jti was revoked), in one read."""

    @abstractmethod
    def list_users(self, text: str | None, role: str | None, page: PageRequest) -> Page:
        """Users whose folded username or email contains `text`, of one role; newest first."""

    @abstractmethod
    def expired_revocations(self, now: int, limit: int) -> list[str]:
        """Jtis of up to `limit` revocations whose token expired before `now`."""

    # worlds

    @abstractmethod
    def list_visible_worlds(self, viewer: Viewer, scope: str, text: str | None,
                            page: PageRequest) -> Page:
        """Worlds the viewer sees, newest change first.

        scope: all (everything seen), mine (owned), shared (seen as a collaborator), public.
        `text` is a folded part of the name.
        """

    @abstractmethod
    def world_counts(self, levels_by_world: dict) -> dict[str, Counts]:
        """{world_id: Counts}; stories are counted only at the levels given for their world."""

    @abstractmethod
    def ids_in_world(self, model_cls, world_id: str) -> list[str]:
        """Ids of every story, entity, location or event of a world."""

    # stories

    @abstractmethod
    def list_visible_stories(self, viewer: Viewer, page: PageRequest) -> Page:
        """Stories of every world, as far as the viewer sees them; newest change first."""

    @abstractmethod
    def stories_of_owner(self, owner_id: str, page: PageRequest) -> Page:
        """Stories a user wrote, in any world; newest change first."""

    @abstractmethod
    def stories_of_world(self, world_id: str, levels=None, page: PageRequest | None = None
                         ) -> Page:
        """Stories of a world at the given levels (all when None), in the world's order."""

    @abstractmethod
    def story_outlines(self, world_id: str, levels=None, links: bool = True) -> list:
        """StoryOutlines of the world's stories at the given levels (all when None), in the
        world's order: ids, title, order and links, without reading the stories' text.
        With `links=False` their `linked_story_ids` are left empty (a world's links can
        number tens of thousands; timelines and graphs do not need them)."""

    @abstractmethod
    def story_orders(self, world_id: str, levels=None) -> dict:
        """{story_id: order} of the world's stories at the given levels (all when None)."""

    @abstractmethod
    def last_story_order(self, world_id: str) -> int:
        """The highest `order` of the world's stories, 0 when it has none."""

    # what worlds hold

    @abstractmethod
    def entities_of_world(self, world_id: str, entity_type: str | None = None,
                          text: str | None = None, page: PageRequest | None = None,
                          shared: bool = False) -> Page:
        """A world's entities by folded name; `text` is a folded part of a name or alias.
        `shared`: see events_of_world."""

    @abstractmethod
    def locations_of_world(self, world_id: str, location_type: str | None = None,
                           text: str | None = None, page: PageRequest | None = None,
                           shared: bool = False) -> Page:
        """A world's places by folded name; `text` is a folded part of a name or alias.
        `shared`: see events_of_world."""

    @abstractmethod
    def events_of_world(self, world_id: str, shared: bool = False) -> list:
        """Every event of a world, by day number (undated last), then id.

        `shared` (for answers that only read them, like the timeline): the models' lists and
        dicts may be the storage's own, to be read and never changed in place; setting an
        attribute is still safe. About twice as fast for thousands of models.
        """

    @abstractmethod
    def events_between(self, world_id: str, day_from: int, day_to: int) -> list:
        """Events of a world whose day number lies in [day_from, day_to], by day number."""

    @abstractmethod
    def named(self, model_cls, world_id: str, name_key: str):
        """The entity or location of the world whose folded name or alias is name_key."""

    @abstractmethod
    def referencing(self, model_cls, field: str, target_id: str) -> list:
        """Models whose reference field (TableSpec.references) holds the id."""

    # counting

    @abstractmethod
    def public_counts(self, owner_id: str) -> tuple[int, int]:
        """(public worlds, public stories) owned by a user, for quotas."""

    @abstractmethod
    def visible_totals(self, viewer: Viewer) -> dict:
        """{worlds, stories, entities, locations, events} the viewer sees."""

    @abstractmethod
    def totals(self) -> dict:
        """True totals for admins: users by role and banned, worlds and stories by level."""


class Transaction(Reader):
    """Reads and writes of one unit of work; see the module docstring."""

    @abstractmethod
    def insert(self, model) -> None:
        """Store a new model (version 1 when versioned); DuplicateKey if a key is taken."""

    @abstractmethod
    def update(self, model) -> None:
        """Replace a stored model; versioned ones must carry the stored version (StaleVersion
        otherwise) and come back with it raised by one."""

    @abstractmethod
    def upsert(self, model) -> None:
        """Insert or replace an unversioned model (counters, records)."""

    @abstractmethod
    def delete(self, model_cls, *ids: str) -> None:
        """Delete models by id; missing ids are ignored."""


class EndsOnFailure:
    """For Transaction implementations: the first DuplicateKey, StaleVersion or storage error
    ends the transaction; everything after it, the commit included, raises StorageError."""

    failure: Exception | None = None

    def _check_alive(self) -> None:
        if self.failure is not None:
            raise StorageError("this transaction already failed") from self.failure

    def _fail(self, error: Exception) -> Exception:
        self.failure = error
        return error


class TransactionScope:
    """The `with storage.transaction() as tx` block over a backend's `_begin` and `_finish`:
    the transaction commits when the block ends normally and is undone when it raises."""

    def __init__(self, storage):
        self._storage = storage
        self._tx = None

    def __enter__(self):
        self._tx = self._storage._begin()
        return self._tx

    def __exit__(self, exc_type, exc, tb) -> bool:
        self._storage._finish(self._tx, failed=exc_type is not None)
        return False


class Storage(Reader):
    """A backend: reads from committed data, writes through transactions."""

    kind = "abstract"

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Transaction]:
        """A unit of work; see the module docstring."""

    @abstractmethod
    def change_marks(self, scopes: tuple[str, ...]) -> tuple:
        """Counters that change once a write touching any of the scopes is committed.

        Scopes are `table:<name>` and `world:<world_id>` (schema.change_scopes). Reading the
        marks before reading data and caching the answer under them never serves a stale
        answer: the marks move only after the write is visible.
        """

    @abstractmethod
    def search(self, viewer: Viewer, folded: list[str], exact: list[str], world_id: str | None,
               kinds: tuple[str, ...], page: PageRequest) -> Page:
        """Committed worlds, stories, entities, locations and events the viewer sees that hold
        every folded term, as SearchHits ranked by core.search_text (score, kind, id).

        `exact` are the terms with their accents (core.search_text.exact_terms); answered from
        an index kept up to date by every commit, never by reading every document.
        """

    @abstractmethod
    def health(self) -> dict:
        """{writable: bool, detail: str}: whether writes can be made durable right now."""

    @abstractmethod
    def documents(self):
        """Every stored document as (table name, document) pairs, for backups and moves."""

    @abstractmethod
    def load_documents(self, pairs) -> int:
        """Store (table name, document) pairs into an empty storage, in one transaction."""

    @abstractmethod
    def close(self) -> None:
        """Make everything durable and release the data (idempotent)."""


MAX_ATTEMPTS = 8


def retry_on_conflict(method):
    """Run a service method again when its transaction lost a race (TransactionConflict).

    The method must do its writes in one transaction and have no other side effects, so that
    running it again is the same as running it once.
    """
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return method(*args, **kwargs)
            except TransactionConflict:
                if attempt == MAX_ATTEMPTS:
                    log.warning("transaction conflict persisted", extra={"fields": {
                        "method": method.__qualname__, "attempts": attempt}})
                    raise
                time.sleep(random.uniform(0, 0.002 * 2 ** attempt))
    return wrapper
