"""Search over the memory engine: an in-memory inverted index and the query both embedded
backends answer (the TinyDB backend swaps in the SQLite FTS5 index of sqlite_search.py).

An index is told of every committed change (`apply`) and, on start, of everything loaded
(`sync`); `match` gives the documents holding every folded term, with whether the title holds
them and whether the text holds the terms with their accents. Visibility is decided by the
caller from the committed worlds (core.visibility), so a change of a world's visibility or
collaborators needs no re-indexing.
"""

from __future__ import annotations

from collections import defaultdict

from core.search_text import KIND_OF_TABLE, TABLE_OF_KIND, fields, index_text, order_key, score
from core.visibility import levels_seen
from storage.base import Page, SearchHit
from storage.memory_queries import world_filter

INDEXED = tuple(KIND_OF_TABLE)


class MemorySearchIndex:
    """Word → documents sets for folded words, folded title words and accented words."""

    def __init__(self):
        self._postings = {part: defaultdict(set) for part in ("title", "all", "exact")}
        self._words: dict[tuple, tuple] = {}    # (table, id) -> the words filed for it
        self._place: dict[tuple, tuple] = {}    # (table, id) -> (world id, story level)

    def sync(self, docs_by_table: dict) -> None:
        """Index every loaded document (the memory index starts empty)."""
        for table in INDEXED:
            for doc_id, doc in docs_by_table.get(table, {}).items():
                self.apply(table, doc_id, doc)

    def apply(self, table: str, doc_id: str, doc: dict | None) -> None:
        """File a document's words again, or forget it when it was deleted (doc None)."""
        if table not in KIND_OF_TABLE:
            return
        key = (table, doc_id)
        self._place.pop(key, None)
        for part, words in zip(self._postings, self._words.pop(key, ())):
            for word in words:
                self._postings[part][word].discard(key)
                if not self._postings[part][word]:
                    del self._postings[part][word]
        if doc is None:
            return
        words = tuple(set(text.split()) for text in index_text(table, doc))
        for part, part_words in zip(self._postings, words):
            for word in part_words:
                self._postings[part][word].add(key)
        self._words[key] = words
        self._place[key] = place_of(table, doc_id, doc)

    def _holding(self, part: str, words) -> set:
        sets = sorted((self._postings[part].get(w, set()) for w in set(words)), key=len)
        return set.intersection(*sets) if sets else set()

    def match(self, folded: list[str], exact: list[str], tables) -> list[tuple]:
        """(table, id, title holds the words, text holds the accented words) of each match."""
        found = [key for key in self._holding("all", folded) if key[0] in tables]
        if not found:
            return []
        in_title = self._holding("title", folded)
        accented = self._holding("exact", exact)
        return [(t, i, (t, i) in in_title, (t, i) in accented) for t, i in found]

    def page(self, folded, exact, tables, seen, offset: int, limit: int) -> tuple[list, int]:
        """([(table, id, world id, score)] of one page, total) of the matches in seen worlds.

        `seen` maps each world the caller may search to the story levels they see (None: every
        world, every level).
        """
        ranked = []
        for table, doc_id, in_title, accented in self.match(folded, exact, tables):
            world_id, level = self._place[(table, doc_id)]
            if seen is not None and (world_id not in seen or (
                    table == "stories" and level not in seen[world_id])):
                continue
            value = score(in_title, accented)
            ranked.append((order_key(KIND_OF_TABLE[table], doc_id, value), table, doc_id,
                           world_id, value))
        ranked.sort()
        return [row[1:] for row in ranked[offset:offset + limit]], len(ranked)

    def apply_many(self, changes) -> None:
        """Apply committed (table, id, document or None) changes."""
        for table, doc_id, doc in changes:
            self.apply(table, doc_id, doc)

    def close(self) -> None:
        """Nothing to release."""


class _WorldView:
    """The two fields core.visibility reads of a stored world document."""

    __slots__ = ("owner_id", "collaborators")

    def __init__(self, doc: dict):
        self.owner_id = doc.get("owner_id")
        self.collaborators = doc.get("collaborators") or []


def place_of(table: str, doc_id: str, doc: dict) -> tuple[str, str]:
    """(the world a document belongs to, its own level: a story's visibility, else "")."""
    world_id = doc_id if table == "worlds" else doc.get("world_id") or ""
    return world_id, (doc.get("visibility") or "") if table == "stories" else ""


def seen_worlds(store, viewer, world_id) -> dict | None:
    """{world id: story levels seen} of the worlds the viewer sees (None: all, at all levels).

    A world counts only when its own level is seen: nothing in it is more visible than it.
    """
    if viewer.sees_all and world_id is None:
        return None
    if world_id is not None:
        docs = [d for d in (store.get("worlds", world_id),) if d is not None]
    else:
        docs, _ = store.select("worlds", world_filter(viewer))
    seen = {}
    for doc in docs:
        levels = levels_seen(viewer, _WorldView(doc))
        if doc.get("visibility") in levels:
            seen[doc["world_id"]] = levels
    return seen


def search_store(store, index, viewer, folded, exact, world_id, kinds, page) -> Page:
    """The Storage.search answer from a committed MemoryStore and its search index."""
    tables = {TABLE_OF_KIND[kind] for kind in kinds}
    seen = seen_worlds(store, viewer, world_id)
    rows, total = index.page(folded, exact, tables, seen, page.offset, page.page_size)
    items = []
    for table, doc_id, owner_world, value in rows:
        title, body = fields(table, store.get(table, doc_id))
        items.append(SearchHit(KIND_OF_TABLE[table], doc_id, owner_world, title, body, value))
    return Page(items, total)
