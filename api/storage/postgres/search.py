"""Storage.search on PostgreSQL: one narrow table of `simple` tsvectors of core.search_text's words.

Every searched document (world, story, entity, location, event) has a row in
`search_documents` (kind, id, world, a story's own level, its title, folded and exact words),
kept by triggers on the five tables in the transaction that writes them (migration 5).
Candidates come from that table's GIN index, joined to their world and filtered by
core.visibility (SEEN_BY, RELATIONS) as SQL; the score is the one core.search_text.score
computes, so rankings equal the embedded backends'.
"""

from __future__ import annotations

from core.search_text import EXACT_BONUS, KINDS, TABLE_OF_KIND, TITLE_BONUS, fields
from core.visibility import RELATIONS, SEEN_BY, Viewer
from storage.base import Page, SearchHit
from storage.postgres.filters import Params, holds, level_in


def seen(viewer: Viewer, params: Params) -> str:
    """SQL: the viewer sees the world `w` and the document `d` (a story at its own level).

    Each relation (anyone, then owner, editor, viewer) sees both levels in SEEN_BY[relation];
    documents other than stories have no level of their own (NULL).
    """
    if viewer.sees_all:
        return "TRUE"
    relations = [(None, "TRUE")]
    if viewer.user_id is not None:
        user = params.add(viewer.user_id)
        relations += [(rel, holds(rel, user)) for rel in RELATIONS]
    branches = []
    for rel, condition in relations:
        levels = SEEN_BY[rel]
        branches.append(f"({condition} AND {level_in('w.visibility', levels, params)} AND "
                        f"(d.visibility IS NULL OR {level_in('d.visibility', levels, params)}))")
    return "(" + " OR ".join(branches) + ")"


def search_sql(viewer: Viewer, folded, exact, world_id, kinds, page) -> tuple[str, Params]:
    """The statement answering one page of hits (kind, id, world_id, score, total)."""
    params = Params()
    folded_query = f"plainto_tsquery('simple', {params.add(' '.join(folded))})"
    exact_query = f"plainto_tsquery('simple', {params.add(' '.join(exact))})"
    also = f" AND d.world_id = {params.add(world_id)}" if world_id is not None else ""
    if set(kinds) != set(KINDS):
        also += f" AND d.kind = ANY({params.add([KINDS.index(k) for k in kinds])}::smallint[])"
    # OFFSET 0 keeps the score inside: the window below then counts narrow rows, not rows
    # still carrying their tsvectors (which spilled the count to disk for common words).
    # The bonuses are float8 literals: written bare they are numeric, slower per row.
    hits = (f"SELECT d.kind, d.id, d.world_id, "
            f"1 + {TITLE_BONUS}::float8 * (d.tsv_title @@ {folded_query})::int "
            f"+ {EXACT_BONUS}::float8 * (d.tsv_exact @@ {exact_query})::int AS score "
            f"FROM search_documents d JOIN worlds w ON w.id = d.world_id "
            f"WHERE d.tsv_folded @@ {folded_query} AND {seen(viewer, params)}{also} OFFSET 0")
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
    docs = {}
    for rank in {row[0] for row in found}:
        table = TABLE_OF_KIND[KINDS[rank]]
        ids = [row[1] for row in found if row[0] == rank]
        docs.update({(rank, i): doc for i, doc in rows(
            f"SELECT id, doc FROM {table} WHERE id = ANY(%s::text[])", (ids,))})
    items = []
    for rank, doc_id, owner_world, value, _ in found:
        doc = docs.get((rank, doc_id))
        if doc is not None:
            kind = KINDS[rank]
            title, body = fields(TABLE_OF_KIND[kind], doc)
            items.append(SearchHit(kind, doc_id, owner_world, title, body, value))
    return Page(items, found[0][4])
