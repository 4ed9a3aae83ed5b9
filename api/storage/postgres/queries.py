"""The named queries of the Reader contract in SQL, each answered by one statement.

Orders equal the memory engine's: a list sorts on its column, then on id, the same way
(descending lists break ties by id descending). PostgreSQL's defaults (ascending NULLS
LAST, descending NULLS FIRST) are the memory engine's "None sorts last" as well.
"""

from __future__ import annotations

from abc import abstractmethod

from core.models import (AiUsage, Entity, Event, Location, PromptTemplate, Story, Task, User,
                         World)
from core.models.story import StoryOutline
from core.permissions import ROLES
from core.visibility import LEVELS, Viewer
from storage.base import Counts, Page, PageRequest, Reader
from storage.postgres.columns import COLUMN_TYPES, claim_value, quoted
from storage.postgres.filters import (Params, level_in, story_branches, union,
                                      world_branches)
from storage.schema import TABLES

CONTENT = ("entities", "locations", "events")
PUBLIC = "public"


def order_by(field: str, descending: bool = False, alias: str = "") -> str:
    """ORDER BY terms: the field, then id, both in one direction."""
    direction = " DESC" if descending else ""
    prefix = f"{alias}." if alias else ""
    return f"{prefix}{quoted(field)}{direction}, {prefix}id{direction}"


def contains(table: str, field: str, placeholder: str) -> str:
    """SQL: the field equals the value, or holds it when it is a list column."""
    if COLUMN_TYPES[table][field] == "text[]":
        return f"{quoted(field)} @> ARRAY[{placeholder}]::text[]"
    return f"{quoted(field)} = {placeholder}"


class PostgresReader(Reader):
    """Every Reader query as SQL; subclasses say on which connection a statement runs."""

    @abstractmethod
    def _rows(self, sql: str, params=None, prepare: bool = False) -> list[tuple]:
        """Run one statement and return all its rows.

        Reads are not prepared: a prepared statement's generic plan ignores the LIMIT,
        OFFSET and levels asked, and reads are cheap to plan for their values. Writes, one
        fixed statement per table, are.
        """

    # Documents' text checked by xmin, for reads outside a transaction (None inside one).
    _doc_cache = None

    def _point_lock(self, of: str = "") -> str:
        """The locking clause of a read by id (none outside a transaction)."""
        return ""

    def _page(self, model_cls, where: str, params: Params, order: str,
              page: PageRequest | None, source: str | None = None,
              page_source: str | None = None, shared: bool = False) -> Page:
        """The models of `source` (their table) matching `where` in order, and their total.

        `page_source` is `source` cut down to what the page can need, when that is cheaper;
        `shared` as in Reader.events_of_world.
        """
        if page is None and source is None and self._doc_cache is not None:
            models = self._doc_cache.models(self._rows, model_cls, TABLES[model_cls].name,
                                            where, params, order, shared)
            return Page(models, len(models))
        source = source or TABLES[model_cls].name
        select = f"SELECT doc FROM {page_source or source} WHERE {where} ORDER BY {order}"
        if page is None:
            docs = [row[0] for row in self._rows(select, params)]
            return Page([model_cls.from_own_dict(doc) for doc in docs], len(docs))
        sql = (f"SELECT (SELECT count(*) FROM {source} WHERE {where}), "
               f"ARRAY({select} LIMIT {params.add(page.page_size)} "
               f"OFFSET {params.add(page.offset)})")
        total, docs = self._rows(sql, params)[0]
        return Page([model_cls.from_own_dict(doc) for doc in docs], total)

    def _newest_first(self, model_cls, branches, alias: str, also: str, params: Params,
                      page: PageRequest) -> Page:
        """A page of the union of disjoint visibility branches, newest change first."""
        columns = f"{alias}.id, {alias}.doc, {alias}.updated_at"
        first = params.add(page.offset + page.page_size)
        return self._page(model_cls, "TRUE", params, order_by("updated_at", True), page,
                          source=union(branches, columns, "listed", also),
                          page_source=union(branches, columns, "listed", also,
                                            order_by("updated_at", True, alias), first))

    def _owner_doc(self, table: str, key: str, value: tuple):
        """The document holding a unique value, or None."""
        rows = self._rows(f"SELECT t.doc FROM unique_keys k JOIN {table} t ON t.id = k.doc_id "
                          "WHERE k.tbl = %s AND k.key = %s AND k.value = %s",
                          (table, key, claim_value(value)))
        return rows[0][0] if rows else None

    # documents by id

    def get(self, model_cls, doc_id):
        rows = self._rows(f"SELECT doc FROM {TABLES[model_cls].name} WHERE id = %s"
                          f"{self._point_lock()}", (doc_id,))
        return model_cls.from_own_dict(rows[0][0]) if rows else None

    def get_many(self, model_cls, ids):
        ids = list(ids)
        if not ids:
            return []
        rows = self._rows(f"SELECT id, doc FROM {TABLES[model_cls].name} "
                          "WHERE id = ANY(%s::text[])", (ids,))
        found = dict(rows)
        return [model_cls.from_dict(found[i]) for i in ids if i in found]   # ids may repeat

    def names_of(self, model_cls, ids):
        ids = list(ids)
        if not ids:
            return {}
        return dict(self._rows(f"SELECT id, doc->>'name' FROM {TABLES[model_cls].name} "
                               "WHERE id = ANY(%s::text[])", (ids,)))

    def tasks_of_user(self, user_id, page):
        params = Params()
        return self._page(Task, f"user_id = {params.add(user_id)}", params,
                          order_by("updated_at", True), page)

    def tasks_with_status(self, statuses, limit):
        params = Params()
        where = level_in("status", list(statuses), params)
        return self._page(Task, where, params, order_by("updated_at"),
                          PageRequest(1, limit)).items

    def ai_usage_of(self, user_id):
        params = Params()
        return self._page(AiUsage, f"user_id = {params.add(user_id)}", params,
                          order_by("day"), None).items

    def prompt_templates(self):
        return self._page(PromptTemplate, "TRUE", Params(), order_by("name"), None).items

    def prompt_template_named(self, name):
        doc = self._owner_doc("prompt_templates", "name", (name,))
        return None if doc is None else PromptTemplate.from_own_dict(doc)

    def stories_at_levels(self, ids, levels):
        ids, levels = sorted(set(ids)), list(levels)
        if not ids or not levels:
            return set()
        return {row[0] for row in self._rows(
            "SELECT id FROM stories WHERE id = ANY(%s::text[]) AND visibility = ANY(%s::text[])",
            (ids, levels))}

    def story_in_world(self, story_id):
        rows = self._rows("SELECT s.doc, w.doc FROM stories s LEFT JOIN worlds w "
                          f"ON w.id = s.world_id WHERE s.id = %s{self._point_lock('s')}",
                          (story_id,))
        if not rows:
            return None, None
        story, world = rows[0]
        return Story.from_own_dict(story), None if world is None else World.from_own_dict(world)

    # accounts

    def user_by(self, key, value):
        doc = self._owner_doc("users", key, (value,))
        return None if doc is None else User.from_own_dict(doc)

    def session(self, user_id, jti):
        doc, revoked = self._rows(
            "SELECT (SELECT doc FROM users WHERE id = %s), "
            "EXISTS (SELECT 1 FROM token_revocations WHERE id = %s)", (user_id, jti))[0]
        return (None if doc is None else User.from_own_dict(doc)), revoked

    def list_users(self, text, role, page):
        params, where = Params(), ["TRUE"]
        if role:
            where.append(f"role = {params.add(role)}")
        if text:
            found = params.add(text)
            where.append(f"(strpos(username_key, {found}) > 0 OR strpos(email_key, {found}) > 0)")
        return self._page(User, " AND ".join(where), params, order_by("created_at", True), page)

    def expired_revocations(self, now, limit):
        rows = self._rows("SELECT id FROM token_revocations WHERE expires_at < %s "
                          "ORDER BY expires_at, id LIMIT %s", (now, limit))
        return [row[0] for row in rows]

    # worlds

    def list_visible_worlds(self, viewer, scope, text, page):
        params = Params()
        branches = world_branches(viewer, scope, params)
        also = f"strpos(w.name_key, {params.add(text)}) > 0" if text else "TRUE"
        return self._newest_first(World, branches, "w", also, params, page)

    def world_counts(self, levels_by_world):
        if not levels_by_world:
            return {}
        pairs = [(world_id, level) for world_id, levels in levels_by_world.items()
                 for level in levels]
        content = ", ".join(f"(SELECT count(*) FROM {table} c WHERE c.world_id = w.id)"
                            for table in CONTENT)
        rows = self._rows(
            "WITH seen(id, level) AS (SELECT * FROM unnest(%(pair_ids)s::text[], "
            "%(pair_levels)s::text[])) "
            "SELECT w.id, (SELECT count(*) FROM stories s WHERE s.world_id = w.id AND "
            "s.visibility IN (SELECT level FROM seen WHERE seen.id = w.id)), "
            f"{content} FROM unnest(%(ids)s::text[]) AS w(id)",
            {"ids": list(levels_by_world), "pair_ids": [p[0] for p in pairs],
             "pair_levels": [p[1] for p in pairs]})
        return {world_id: Counts(stories, entities, locations, events)
                for world_id, stories, entities, locations, events in rows}

    def ids_in_world(self, model_cls, world_id):
        spec = TABLES[model_cls]
        rows = self._rows(f"SELECT id FROM {spec.name} WHERE world_id = %s "
                          f"ORDER BY {order_by(spec.sort_field)}", (world_id,))
        return [row[0] for row in rows]

    # stories

    def list_visible_stories(self, viewer, page):
        params = Params()
        return self._newest_first(Story, story_branches(viewer, params), "s", "TRUE", params,
                                  page)

    def stories_of_owner(self, owner_id, page):
        params = Params()
        return self._page(Story, f"owner_id = {params.add(owner_id)}", params,
                          order_by("updated_at", True), page)

    def stories_of_world(self, world_id, levels=None, page=None):
        params = Params()
        where = f"world_id = {params.add(world_id)}"
        if levels is not None:
            where += " AND " + level_in("visibility", levels, params)
        return self._page(Story, where, params, order_by("order"), page)

    def story_outlines(self, world_id, levels=None, links=True):
        params = Params()
        where = f"world_id = {params.add(world_id)}"
        if levels is not None:
            where += " AND " + level_in("visibility", levels, params)
        rows = self._rows("SELECT id, title, \"order\", visibility, entity_ids, "
                          f"location_ids, {'linked_story_ids' if links else 'ARRAY[]::text[]'}, "
                          "world_time "
                          f"FROM stories WHERE {where} "
                          f"ORDER BY {order_by('order')}", params)
        return [StoryOutline(*row) for row in rows]

    def story_orders(self, world_id, levels=None):
        params = Params()
        where = f"world_id = {params.add(world_id)}"
        if levels is not None:
            where += " AND " + level_in("visibility", levels, params)
        return dict(self._rows(f'SELECT id, "order" FROM stories WHERE {where}', params))

    def last_story_order(self, world_id):
        rows = self._rows('SELECT "order" FROM stories WHERE world_id = %s '
                          f"ORDER BY {order_by('order', True)} LIMIT 1", (world_id,))
        return rows[0][0] if rows else 0

    # what worlds hold

    def _content_page(self, model_cls, type_field, world_id, type_value, text, page,
                      shared=False):
        params = Params()
        where = f"world_id = {params.add(world_id)}"
        if type_value:
            where += f" AND {quoted(type_field)} = {params.add(type_value)}"
        if text:
            where += f" AND strpos(search_key, {params.add(text)}) > 0"
        return self._page(model_cls, where, params, order_by("name_key"), page, shared=shared)

    def entities_of_world(self, world_id, entity_type=None, text=None, page=None, shared=False):
        return self._content_page(Entity, "entity_type", world_id, entity_type, text, page,
                                  shared)

    def locations_of_world(self, world_id, location_type=None, text=None, page=None,
                           shared=False):
        return self._content_page(Location, "location_type", world_id, location_type, text,
                                  page, shared)

    def events_of_world(self, world_id, shared=False):
        params = Params()
        return self._page(Event, f"world_id = {params.add(world_id)}", params,
                          order_by("day_number"), None, shared=shared).items

    def events_between(self, world_id, day_from, day_to):
        params = Params()
        where = (f"world_id = {params.add(world_id)} AND day_number "
                 f"BETWEEN {params.add(day_from)} AND {params.add(day_to)}")
        return self._page(Event, where, params, order_by("day_number"), None).items

    def named(self, model_cls, world_id, name_key):
        doc = self._owner_doc(TABLES[model_cls].name, "world_id+name_keys", (world_id, name_key))
        return None if doc is None else model_cls.from_own_dict(doc)

    def referencing(self, model_cls, field, target_id):
        spec = TABLES[model_cls]
        if field not in spec.references:
            raise ValueError(f"{spec.name}.{field} is not a reference field")
        params = Params()
        where = contains(spec.name, field, params.add(target_id))
        return self._page(model_cls, where, params, order_by(spec.sort_field), None).items

    # counting

    def public_counts(self, owner_id):
        row = self._rows(
            "SELECT (SELECT count(*) FROM worlds WHERE owner_id = %(o)s AND visibility = %(v)s),"
            " (SELECT count(*) FROM stories WHERE owner_id = %(o)s AND visibility = %(v)s)",
            {"o": owner_id, "v": PUBLIC})[0]
        return tuple(row)

    def visible_totals(self, viewer: Viewer):
        params = Params()
        worlds = union(world_branches(viewer, "all", params), "w.id", "seen_worlds")
        stories = union(story_branches(viewer, params), "s.id", "seen_stories")
        content = ", ".join(f"(SELECT count(*) FROM {table} WHERE world_id IN "
                            "(SELECT id FROM seen))" for table in CONTENT)
        row = self._rows(f"WITH seen AS (SELECT id FROM {worlds}) "
                         "SELECT (SELECT count(*) FROM seen), "
                         f"(SELECT count(*) FROM {stories}), {content}",
                         params)[0]
        return dict(zip(("worlds", "stories", *CONTENT), row))

    def totals(self):
        rows = self._rows(
            "SELECT 'users', role, count(*) FROM users GROUP BY role "
            "UNION ALL SELECT 'banned', NULL, count(*) FROM users WHERE banned "
            "UNION ALL SELECT 'worlds', visibility, count(*) FROM worlds GROUP BY visibility "
            "UNION ALL SELECT 'stories', visibility, count(*) FROM stories GROUP BY visibility "
            + "".join(f"UNION ALL SELECT '{t}', NULL, count(*) FROM {t} " for t in CONTENT))
        groups: dict[str, dict] = {}
        for kind, key, count in rows:
            groups.setdefault(kind, {})[key] = count
        users, banned = groups.get("users", {}), groups.get("banned", {})
        return {
            "users": {"total": sum(users.values()),
                      "by_role": {role: users.get(role, 0) for role in ROLES},
                      "banned": banned.get(None, 0)},
            **{table: {"total": sum(groups.get(table, {}).values()),
                       "by_visibility": {level: groups.get(table, {}).get(level, 0)
                                         for level in LEVELS}}
               for table in ("worlds", "stories")},
            **{table: groups.get(table, {}).get(None, 0) for table in CONTENT}}
