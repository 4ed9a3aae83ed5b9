"""core.visibility as SQL conditions: which worlds and stories a viewer sees.

Built from SEEN_BY, RELATION_FIELDS and beyond_public, never restated per relation: anyone
sees SEEN_BY[None]; each relation to a world adds the levels it sees beyond those. The
shapes mirror memory_queries.world_filter and MemoryReader._story_filter.
"""

from __future__ import annotations

from core.visibility import RELATION_FIELDS, RELATIONS, SEEN_BY, Viewer, beyond_public
from storage.postgres.columns import COLUMN_TYPES, quoted


class Params(dict):
    """Named parameters of one statement, added while its SQL is built."""

    def add(self, value) -> str:
        """A placeholder for the value."""
        name = f"p{len(self)}"
        self[name] = value
        return f"%({name})s"


def any_of(conditions: list[str]) -> str:
    """SQL true when any condition is (false for none)."""
    if not conditions:
        return "FALSE"
    return conditions[0] if len(conditions) == 1 else "(" + " OR ".join(conditions) + ")"


def level_in(column: str, levels, params: Params) -> str:
    """SQL: the visibility column holds one of the levels."""
    levels = list(levels)
    if not levels:
        return "FALSE"
    if len(levels) == 1:
        return f"{column} = {params.add(levels[0])}"
    return f"{column} = ANY({params.add(levels)}::text[])"


def holds(relation: str, user: str, alias: str) -> str:
    """SQL: the world row `alias` has the user (a placeholder) in the relation's field."""
    field = RELATION_FIELDS[relation]
    column = f"{alias}.{quoted(field)}"
    if COLUMN_TYPES["worlds"][field] == "text[]":
        return f"{column} @> ARRAY[{user}]::text[]"
    return f"{column} = {user}"


def world_condition(viewer: Viewer, scope: str, params: Params, alias: str = "worlds") -> str:
    """SQL over `alias` (worlds): the worlds of the scope the viewer sees."""
    visibility = f"{alias}.visibility"
    public = level_in(visibility, SEEN_BY[None], params)
    if scope == "public" or viewer.user_id is None:
        return public
    user = params.add(viewer.user_id)
    if scope == "mine":
        return holds("owner", user, alias)
    if scope == "shared":
        return any_of([f"({holds(rel, user, alias)} AND "
                       f"{level_in(visibility, SEEN_BY[rel], params)})"
                       for rel in ("editor", "viewer")])
    if viewer.sees_all:
        return "TRUE"
    return any_of([public] + [f"({holds(rel, user, alias)} AND "
                              f"{level_in(visibility, beyond_public(rel), params)})"
                              for rel in RELATIONS if beyond_public(rel)])


def story_condition(viewer: Viewer, params: Params, alias: str = "stories") -> str:
    """SQL over `alias` (stories): the stories the viewer sees, by their world's relation."""
    if viewer.sees_all:
        return "TRUE"
    visibility = f"{alias}.visibility"
    conditions = [level_in(visibility, SEEN_BY[None], params)]
    if viewer.user_id is not None:
        user = params.add(viewer.user_id)
        conditions += [f"({level_in(visibility, beyond_public(rel), params)} AND "
                       f"{alias}.world_id IN (SELECT w.id FROM worlds w "
                       f"WHERE {holds(rel, user, 'w')}))"
                       for rel in RELATIONS if beyond_public(rel)]
    return any_of(conditions)
