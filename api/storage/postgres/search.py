"""Storage.search on PostgreSQL: `simple` tsvectors of the words core.search_text makes.

Candidates come from the GIN index on each table's folded words, joined to their world and
filtered by core.visibility (SEEN_BY, RELATIONS) as SQL; the score is the one
core.search_text.score computes, so rankings equal the embedded backends'.
"""

from __future__ import annotations

from core.search_text import (EXACT_BONUS, KIND_OF_TABLE, KINDS, TABLE_OF_KIND, TITLE_BONUS,
                              fields)
from core.visibility import RELATIONS, SEEN_BY, Viewer
from storage.base import Page, SearchHit
from storage.postgres.filters import Params, holds, level_in

_SOURCES = {
    "worlds": "worlds w",
    "stories": "stories d JOIN worlds w ON w.id = d.world_id",
    "entities": "entities d JOIN worlds w ON w.id = d.world_id",
    "locations": "locations d JOIN worlds w ON w.id = d.world_id",
    "events": "events d JOIN worlds w ON w.id = d.world_id",
}


def seen(viewer: Viewer, table: str, params: Params) -> str:
    """SQL: the viewer sees the world `w` and, for a story `d`, the story too.

    Each relation (anyone, then owner, editor, viewer) sees both levels in SEEN_BY[relation].
    """
    if viewer.sees_all:
        return "TRUE"
    relations = [(None, "TRUE")]
    if viewer.user_id is not None:
        user = params.add(viewer.user_id)
        relations += [(rel, holds(rel, user)) for rel in RELATIONS]
    branches = []
    for rel, condition in relations:
        parts = [condition, level_in("w.visibility", SEEN_BY[rel], params)]
        if table == "stories":
            parts.append(level_in("d.visibility", SEEN_BY[rel], params))
        branches.append("(" + " AND ".join(parts) + ")")
    return "(" + " OR ".join(branches) + ")"


def _branch(table: str, viewer: Viewer, world_id, params: Params, folded: str,
            exact: str) -> str:
    """One table's hits. The queries are written out in each branch (not shared through a
    CTE) so the planner sees their words: it then knows a common word matches thousands of
    rows and joins the visible worlds by hash instead of looking each one up."""
    alias = "w" if table == "worlds" else "d"
    also = f" AND w.id = {params.add(world_id)}" if world_id is not None else ""
    kind = KIND_OF_TABLE[table]
    return (f"SELECT {params.add(kind)}::text AS kind, {KINDS.index(kind)} AS kind_rank, "
            f"{alias}.id AS id, w.id AS world_id, "
            f"1 + {TITLE_BONUS} * ({alias}.tsv_title @@ {folded})::int "
            f"+ {EXACT_BONUS} * ({alias}.tsv_exact @@ {exact})::int AS score "
            f"FROM {_SOURCES[table]} WHERE {alias}.tsv_folded @@ {folded} "
            f"AND {seen(viewer, table, params)}{also}")


def search_sql(viewer: Viewer, folded, exact, world_id, kinds, page) -> tuple[str, Params]:
    """The statement answering one page of hits (kind, id, world_id, score, total)."""
    params = Params()
    folded_query = f"plainto_tsquery('simple', {params.add(' '.join(folded))})"
    exact_query = f"plainto_tsquery('simple', {params.add(' '.join(exact))})"
    branches = " UNION ALL ".join(
        _branch(TABLE_OF_KIND[kind], viewer, world_id, params, folded_query, exact_query)
        for kind in KINDS if kind in kinds)
    sql = (f"SELECT kind, id, world_id, score::float8, count(*) OVER () "
           f"FROM ({branches}) AS hits ORDER BY score DESC, kind_rank, id "
           f"LIMIT {params.add(page.page_size)} OFFSET {params.add(page.offset)}")
    return sql, params


def search(rows, viewer: Viewer, folded, exact, world_id, kinds, page) -> Page:
    """One page of SearchHits; `rows(sql, params)` runs a statement."""
    sql, params = search_sql(viewer, folded, exact, world_id, kinds, page)
    found = rows(sql, params)
    if not found:
        total = 0
        if page.offset:   # past the last page: count what there is
            first = search_sql(viewer, folded, exact, world_id, kinds,
                               type(page)(1, 1))
            counted = rows(*first)
            total = counted[0][4] if counted else 0
        return Page([], total)
    docs = {}
    for kind in {row[0] for row in found}:
        table = TABLE_OF_KIND[kind]
        ids = [row[1] for row in found if row[0] == kind]
        docs.update({(kind, i): doc for i, doc in rows(
            f"SELECT id, doc FROM {table} WHERE id = ANY(%s::text[])", (ids,))})
    items = []
    for kind, doc_id, owner_world, value, _ in found:
        doc = docs.get((kind, doc_id))
        if doc is not None:
            title, body = fields(TABLE_OF_KIND[kind], doc)
            items.append(SearchHit(kind, doc_id, owner_world, title, body, value))
    return Page(items, found[0][4])
