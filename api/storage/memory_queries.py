"""The named queries of the Reader contract, answered from a MemoryStore's indexes."""

from __future__ import annotations

from contextlib import nullcontext

from core.models import (AiUsage, Entity, Event, Location, PromptTemplate, Story, Task, User,
                         World)
from core.models.story import StoryOutline
from core.permissions import ROLES
from core.visibility import LEVELS, RELATION_FIELDS, RELATIONS, SEEN_BY, Viewer, beyond_public
from storage.base import Counts, Page, PageRequest, Reader
from storage.schema import TABLES

CONTENT = (("entities", Entity), ("locations", Location), ("events", Event))


def world_filter(viewer: Viewer, scope: str = "all") -> list[dict]:
    """Disjoint index alternatives covering the worlds of a scope the viewer sees.

    Built from core.visibility: anyone sees SEEN_BY[None]; each relation adds its own levels.
    """
    uid = viewer.user_id
    public = [{"visibility": level} for level in SEEN_BY[None]]
    if scope == "public" or uid is None:
        return public
    if scope == "mine":
        return [{RELATION_FIELDS["owner"]: uid}]
    if scope == "shared":
        return [{RELATION_FIELDS[rel]: uid, "visibility": level}
                for rel in ("editor", "viewer") for level in SEEN_BY[rel]]
    if viewer.sees_all:
        return [{}]
    return public + [{RELATION_FIELDS[rel]: uid, "visibility": level}
                     for rel in RELATIONS for level in beyond_public(rel)]


class MemoryReader(Reader):
    """Answers every Reader query from one store; `guard` is held around each lookup."""

    def __init__(self, store, guard=None):
        self._store = store
        self._guard = guard or nullcontext()

    def _models(self, model_cls, docs, shared: bool = False) -> list:
        # Shared models hold the stored lists and dicts themselves (Reader.events_of_world).
        build = model_cls.from_own_dict if shared else model_cls.from_dict
        return [build(doc) for doc in docs]

    def _page(self, model_cls, table: str, alternatives, page: PageRequest | None,
              shared: bool = False, **options):
        offset, limit = (page.offset, page.page_size) if page else (0, None)
        with self._guard:
            docs, total = self._store.select(table, alternatives, offset=offset, limit=limit,
                                             **options)
        return Page(self._models(model_cls, docs, shared), total)

    # documents by id

    def get(self, model_cls, doc_id):
        with self._guard:
            doc = self._store.get(TABLES[model_cls].name, doc_id)
        return None if doc is None else model_cls.from_dict(doc)

    def get_many(self, model_cls, ids):
        table = TABLES[model_cls].name
        with self._guard:
            docs = [self._store.get(table, i) for i in ids]
        return self._models(model_cls, (d for d in docs if d is not None))

    def names_of(self, model_cls, ids):
        table = TABLES[model_cls].name
        with self._guard:
            docs = [self._store.get(table, i) for i in ids]
        return {d[TABLES[model_cls].id_field]: d["name"] for d in docs if d is not None}

    def tasks_of_user(self, user_id, page):
        return self._page(Task, "tasks", [{"user_id": user_id}], page, descending=True)

    def tasks_with_status(self, statuses, limit):
        found = []
        for status in statuses:
            found += self._page(Task, "tasks", [{"status": status}], PageRequest(1, limit)).items
        return sorted(found, key=lambda t: (t.updated_at, t.task_id))[:limit]

    def ai_usage_of(self, user_id):
        return self._page(AiUsage, "ai_usage", [{"user_id": user_id}], None).items

    def prompt_templates(self):
        return self._page(PromptTemplate, "prompt_templates", [{}], None).items

    def prompt_template_named(self, name):
        with self._guard:
            owner = self._store.owner_of("prompt_templates", ("name",), (name,))
            doc = None if owner is None else self._store.get("prompt_templates", owner)
        return None if doc is None else PromptTemplate.from_dict(doc)

    def stories_at_levels(self, ids, levels):
        levels = set(levels)
        with self._guard:
            docs = [self._store.get("stories", i) for i in set(ids)]
        return {d["story_id"] for d in docs if d is not None and d["visibility"] in levels}

    def story_in_world(self, story_id):
        with self._guard:
            story = self._store.get("stories", story_id)
            world = self._store.get("worlds", story["world_id"]) if story else None
        return (None if story is None else Story.from_dict(story),
                None if world is None else World.from_dict(world))

    # accounts

    def user_by(self, key, value):
        with self._guard:
            owner = self._store.owner_of("users", (key,), (value,))
            doc = None if owner is None else self._store.get("users", owner)
        return None if doc is None else User.from_dict(doc)

    def session(self, user_id, jti):
        with self._guard:
            doc = self._store.get("users", user_id)
            revoked = self._store.get("token_revocations", jti) is not None
        return (None if doc is None else User.from_dict(doc)), revoked

    def list_users(self, text, role, page):
        return self._page(User, "users", [{"role": role}] if role else [{}], page,
                          descending=True, text=text, text_fields=("username_key", "email_key"))

    def expired_revocations(self, now, limit):
        with self._guard:
            docs, _ = self._store.select("token_revocations", [{}], limit=limit)
        return [doc["jti"] for doc in docs if doc["expires_at"] < now]

    # worlds

    def list_visible_worlds(self, viewer, scope, text, page):
        return self._page(World, "worlds", world_filter(viewer, scope), page, descending=True,
                          text=text, text_fields=("name_key",))

    def world_counts(self, levels_by_world):
        with self._guard:
            return {world_id: self._counts(world_id, levels)
                    for world_id, levels in levels_by_world.items()}

    def _counts(self, world_id: str, levels) -> Counts:
        count = self._store.count
        return Counts(
            stories=count("stories", [{"world_id": world_id, "visibility": v} for v in levels]),
            **{table: count(table, [{"world_id": world_id}]) for table, _ in CONTENT})

    def ids_in_world(self, model_cls, world_id):
        table = TABLES[model_cls].name
        with self._guard:
            docs, _ = self._store.select(table, [{"world_id": world_id}])
        return [doc[TABLES[model_cls].id_field] for doc in docs]

    # stories

    def _story_filter(self, viewer: Viewer) -> list[dict]:
        """Disjoint alternatives covering the stories the viewer sees (guard held)."""
        if viewer.sees_all:
            return [{}]
        alternatives = [{"visibility": level} for level in SEEN_BY[None]]
        if viewer.user_id is None:
            return alternatives
        for relation in RELATIONS:
            worlds, _ = self._store.select("worlds", [{RELATION_FIELDS[relation]: viewer.user_id}])
            alternatives += [{"world_id": world["world_id"], "visibility": level}
                             for world in worlds for level in beyond_public(relation)]
        return alternatives

    def list_visible_stories(self, viewer, page):
        with self._guard:
            alternatives = self._story_filter(viewer)
            docs, total = self._store.select("stories", alternatives, descending=True,
                                             offset=page.offset, limit=page.page_size)
        return Page(self._models(Story, docs), total)

    def stories_of_owner(self, owner_id, page):
        return self._page(Story, "stories", [{"owner_id": owner_id}], page, descending=True)

    def stories_of_world(self, world_id, levels=None, page=None):
        alternatives = [{"world_id": world_id, "visibility": v} for v in levels] \
            if levels is not None else [{"world_id": world_id}]
        return self._page(Story, "stories", alternatives, page, order="order")

    def story_outlines(self, world_id, levels=None, links=True):
        alternatives = [{"world_id": world_id, "visibility": v} for v in levels] \
            if levels is not None else [{"world_id": world_id}]
        with self._guard:
            docs, _ = self._store.select("stories", alternatives, order="order")
            return [StoryOutline(d["story_id"], d["title"], d["order"], d["visibility"],
                                 list(d["entity_ids"]), list(d["location_ids"]),
                                 list(d["linked_story_ids"]) if links else [],
                                 d.get("world_time"))
                    for d in docs]

    def story_orders(self, world_id, levels=None):
        alternatives = [{"world_id": world_id, "visibility": v} for v in levels] \
            if levels is not None else [{"world_id": world_id}]
        with self._guard:
            docs, _ = self._store.select("stories", alternatives, order="order")
            return {d["story_id"]: d["order"] for d in docs}

    def last_story_order(self, world_id):
        with self._guard:
            docs, _ = self._store.select("stories", [{"world_id": world_id}], order="order",
                                         descending=True, limit=1)
        return docs[0]["order"] if docs else 0

    # what worlds hold

    def _content_page(self, model_cls, table, type_field, world_id, type_value, text, page,
                      shared=False):
        alternative = {"world_id": world_id}
        if type_value:
            alternative[type_field] = type_value
        return self._page(model_cls, table, [alternative], page, shared, text=text,
                          text_fields=("search_key",))

    def entities_of_world(self, world_id, entity_type=None, text=None, page=None, shared=False):
        return self._content_page(Entity, "entities", "entity_type", world_id, entity_type,
                                  text, page, shared)

    def locations_of_world(self, world_id, location_type=None, text=None, page=None,
                           shared=False):
        return self._content_page(Location, "locations", "location_type", world_id,
                                  location_type, text, page, shared)

    def events_of_world(self, world_id, shared=False):
        return self._page(Event, "events", [{"world_id": world_id}], None, shared,
                          order="day_number").items

    def events_between(self, world_id, day_from, day_to):
        with self._guard:
            docs = self._store.in_range("events", {"world_id": world_id}, "day_number",
                                        day_from, day_to)
        return self._models(Event, docs)

    def named(self, model_cls, world_id, name_key):
        table = TABLES[model_cls].name
        with self._guard:
            owner = self._store.owner_of(table, ("world_id", "name_keys"), (world_id, name_key))
            doc = None if owner is None else self._store.get(table, owner)
        return None if doc is None else model_cls.from_dict(doc)

    def referencing(self, model_cls, field, target_id):
        spec = TABLES[model_cls]
        if field not in spec.references:
            raise ValueError(f"{spec.name}.{field} is not a reference field")
        return self._page(model_cls, spec.name, [{field: target_id}], None).items

    # counting

    def public_counts(self, owner_id):
        with self._guard:
            return (self._store.count("worlds", [{"owner_id": owner_id, "visibility": "public"}]),
                    self._store.count("stories", [{"owner_id": owner_id, "visibility": "public"}]))

    def visible_totals(self, viewer):
        with self._guard:
            worlds, _ = self._store.select("worlds", world_filter(viewer))
            totals = {"worlds": len(worlds),
                      "stories": self._store.count("stories", self._story_filter(viewer))}
            every = [{"world_id": world["world_id"]} for world in worlds]
            totals.update({table: self._store.count(table, every) for table, _ in CONTENT})
        return totals

    def totals(self):
        count = self._store.count
        with self._guard:
            return {
                "users": {"total": count("users", [{}]),
                          "by_role": {role: count("users", [{"role": role}]) for role in ROLES},
                          "banned": count("users", [{"banned": True}])},
                **{table: {"total": count(table, [{}]),
                           "by_visibility": {level: count(table, [{"visibility": level}])
                                             for level in LEVELS}}
                   for table in ("worlds", "stories")},
                **{table: count(table, [{}]) for table, _ in CONTENT}}

