"""Storage.search on PostgreSQL: a narrow table of `simple` tsvectors of core.search_text's words.

Every searched document (world, story, entity, location, event) has a row in
`search_documents` (kind, id, world, a story's own level, whether anyone may see it, its
title, folded and exact words), kept by triggers on the five tables in the transaction that
writes them (migration 5). Candidates come from that table's GIN indexes: what anyone sees
from its own, what a user's relations to worlds show them joined to those worlds and filtered
by core.visibility (SEEN_BY, RELATIONS) as SQL. The score is the one core.search_text.score
computes, so rankings equal the embedded backends'.
"""

from __future__ import annotations

from core.search_text import EXACT_BONUS, KINDS, TABLE_OF_KIND, TITLE_BONUS, fields
from core.visibility import RELATIONS, SEEN_BY, Viewer
from storage.base import Page, SearchHit
from storage.postgres.filters import Params, holds, level_in


def _related(viewer: Viewer, params: Params) -> str:
    """SQL: through a relation to the world `w` (owner, editor, viewer), the signed-in viewer
    sees the document `d`: both levels in SEEN_BY[relation] (a story at its own level;
    other documents have none)."""
    user = params.add(viewer.user_id)
    branches = []
    for rel in RELATIONS:
        levels = SEEN_BY[rel]
        branches.append(f"({holds(rel, user)} AND {level_in('w.visibility', levels, params)} "
                        f"AND (d.visibility IS NULL OR "
                        f"{level_in('d.visibility', levels, params)}))")
    worlds = " OR ".join(holds(rel, user) for rel in RELATIONS)
    # Naming the related worlds lets the planner read just their rows by the world index.
    return (f"d.world_id = ANY(ARRAY(SELECT w.id FROM worlds w WHERE {worlds})) AND "
            f"({' OR '.join(branches)})")


def search_sql(viewer: Viewer, folded, exact, world_id, kinds, page) -> tuple[str, Params]:
    """The statement answering one page of hits (kind, id, world_id, score, total).

    What anyone sees is marked on each row (`anyone`, kept by the triggers) and has its own
    index; a signed-in user also sees, through the world, what their relations to worlds
    show them. The two parts never overlap, so the hits are their UNION ALL.
    """
    params = Params()
    folded_query = f"plainto_tsquery('simple', {params.add(' '.join(folded))})"
    exact_query = f"plainto_tsquery('simple', {params.add(' '.join(exact))})"
    also = f" AND d.world_id = {params.add(world_id)}" if world_id is not None else ""
    if set(kinds) != set(KINDS):
        also += f" AND d.kind = ANY({params.add([KINDS.index(k) for k in kinds])}::smallint[])"
    # The bonuses are float8 literals: written bare they are numeric, slower per row.
    hit = (f"SELECT d.kind, d.id, d.world_id, "
           f"1 + {TITLE_BONUS}::float8 * (d.tsv_title @@ {folded_query})::int "
           f"+ {EXACT_BONUS}::float8 * (d.tsv_exact @@ {exact_query})::int AS score "
           f"FROM search_documents d")
    words = f"d.tsv_folded @@ {folded_query}{also}"
    if viewer.sees_all:         # everything (within a world only when that world exists)
        join = " JOIN worlds w ON w.id = d.world_id" if world_id is not None else ""
        parts = [f"{hit}{join} WHERE {words}"]
    else:
        parts = [f"{hit} WHERE d.anyone AND {words}"]
        if viewer.user_id is not None:
            parts.append(f"{hit} JOIN worlds w ON w.id = d.world_id WHERE NOT d.anyone AND "
                         f"{words} AND {_related(viewer, params)}")
    # OFFSET 0 keeps each score inside its part: the count below then holds narrow rows, not
    # rows still carrying their tsvectors (which spilled it to disk for common words).
    hits = " UNION ALL ".join(f"({part} OFFSET 0)" for part in parts)
    sql = (f"SELECT kind, id, world_id, score, count(*) OVER () "
           f"FROM ({hits}) AS hits ORDER BY score DESC, kind, id "
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
    ranks = sorted({row[0] for row in found})
    reads = " UNION ALL ".join(f"(SELECT {rank}, id, doc FROM {TABLE_OF_KIND[KINDS[rank]]} "
                               f"WHERE id = ANY(%s::text[]))" for rank in ranks)
    docs = {(rank, doc_id): doc for rank, doc_id, doc in rows(
        reads, [[row[1] for row in found if row[0] == rank] for rank in ranks])}
    items = []
    for rank, doc_id, owner_world, value, _ in found:
        doc = docs.get((rank, doc_id))
        if doc is not None:
            kind = KINDS[rank]
            title, body = fields(TABLE_OF_KIND[kind], doc)
            items.append(SearchHit(kind, doc_id, owner_world, title, body, value))
    return Page(items, found[0][4])
