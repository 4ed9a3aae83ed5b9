"""core.visibility as SQL: which worlds and stories a viewer sees, as disjoint branches.

Built from SEEN_BY, RELATION_FIELDS and beyond_public, never restated per relation: anyone
sees SEEN_BY[None]; each relation to a world adds the levels it sees beyond those. Like the
alternatives of memory_queries.world_filter and MemoryReader._story_filter, the branches
never overlap (a user has one relation to a world), so they are joined with UNION ALL and
counted by adding up. Each branch is one index lookup, which a single OR of conditions
with subqueries is not.
"""

from __future__ import annotations

from core.visibility import RELATION_FIELDS, RELATIONS, SEEN_BY, Viewer, beyond_public
from storage.postgres.columns import COLUMN_TYPES, quoted

WORLDS, STORIES = "worlds w", "stories s"
THROUGH_WORLD = "stories s JOIN worlds w ON w.id = s.world_id"


class Params(dict):
    """Named parameters of one statement, added while its SQL is built."""

    def add(self, value) -> str:
        """A placeholder for the value."""
        name = f"p{len(self)}"
        self[name] = value
        return f"%({name})s"


def level_in(column: str, levels, params: Params) -> str:
    """SQL: the visibility column holds one of the levels."""
    levels = list(levels)
    if not levels:
        return "FALSE"
    if len(levels) == 1:
        return f"{column} = {params.add(levels[0])}"
    return f"{column} = ANY({params.add(levels)}::text[])"


def holds(relation: str, user: str) -> str:
    """SQL: the world `w` has the user (a placeholder) in the relation's field."""
    field = RELATION_FIELDS[relation]
    if COLUMN_TYPES["worlds"][field] == "text[]":
        return f"w.{quoted(field)} @> ARRAY[{user}]::text[]"
    return f"w.{quoted(field)} = {user}"


def world_branches(viewer: Viewer, scope: str, params: Params) -> list[tuple[str, str]]:
    """(FROM item, condition) branches covering the worlds of the scope the viewer sees."""
    public = (WORLDS, level_in("w.visibility", SEEN_BY[None], params))
    if scope == "public" or viewer.user_id is None:
        return [public]
    user = params.add(viewer.user_id)
    if scope == "mine":
        return [(WORLDS, holds("owner", user))]
    if scope == "shared":
        return [(WORLDS, f"{holds(rel, user)} AND {level_in('w.visibility', SEEN_BY[rel], params)}")
                for rel in ("editor", "viewer")]
    if viewer.sees_all:
        return [(WORLDS, "TRUE")]
    return [public] + [
        (WORLDS, f"{holds(rel, user)} AND {level_in('w.visibility', beyond_public(rel), params)}")
        for rel in RELATIONS if beyond_public(rel)]


def story_branches(viewer: Viewer, params: Params) -> list[tuple[str, str]]:
    """(FROM item, condition) branches covering the stories the viewer sees.

    A story is seen at the levels of the viewer's relation to its world (found by a join).
    """
    if viewer.sees_all:
        return [(STORIES, "TRUE")]
    branches = [(STORIES, level_in("s.visibility", SEEN_BY[None], params))]
    if viewer.user_id is not None:
        user = params.add(viewer.user_id)
        branches += [(THROUGH_WORLD, f"{holds(rel, user)} AND "
                                     f"{level_in('s.visibility', beyond_public(rel), params)}")
                     for rel in RELATIONS if beyond_public(rel)]
    return branches


def union(branches: list[tuple[str, str]], columns: str, name: str, also: str = "TRUE",
          order: str | None = None, first: str | None = None) -> str:
    """A FROM item called `name`: the rows of every branch that also meet `also`.

    With `order` and `first` (a placeholder), each branch keeps only its first rows in that
    order, so a page never sorts more than `first` rows of a branch.
    """
    tail = f" ORDER BY {order} LIMIT {first}" if order and first else ""
    selects = [f"(SELECT {columns} FROM {source} WHERE ({condition}) AND {also}{tail})"
               for source, condition in branches]
    return "(" + " UNION ALL ".join(selects) + f") AS {name}"
