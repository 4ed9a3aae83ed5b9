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

INDEXED = tuple(KIND_OF_TABLE)


class MemorySearchIndex:
    """Word → documents sets for folded words, folded title words and accented words."""

    def __init__(self):
        self._postings = {part: defaultdict(set) for part in ("title", "all", "exact")}
        self._words: dict[tuple, tuple] = {}    # (table, id) -> the words filed for it

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


def search_store(store, index, viewer, folded, exact, world_id, kinds, page) -> Page:
    """The Storage.search answer from a committed MemoryStore and its search index."""
    tables = {TABLE_OF_KIND[kind] for kind in kinds}
    levels_of: dict[str, tuple] = {}
    ranked = []
    for table, doc_id, in_title, accented in index.match(folded, exact, tables):
        doc = store.get(table, doc_id)
        if doc is None:
            continue
        owner_world = doc_id if table == "worlds" else doc.get("world_id")
        if world_id is not None and owner_world != world_id:
            continue
        if owner_world not in levels_of:
            world = store.get("worlds", owner_world)
            seen = () if world is None else levels_seen(viewer, _WorldView(world))
            # A world's own level must be seen too: nothing in it is more visible than it.
            levels_of[owner_world] = seen if world and world.get("visibility") in seen else ()
        levels = levels_of[owner_world]
        if not levels or (table == "stories" and doc.get("visibility") not in levels):
            continue
        kind = KIND_OF_TABLE[table]
        value = score(in_title, accented)
        ranked.append((order_key(kind, doc_id, value), table, doc_id, owner_world, value))
    ranked.sort()
    chosen = ranked[page.offset:page.offset + page.page_size]
    items = []
    for _, table, doc_id, owner_world, value in chosen:
        title, body = fields(table, store.get(table, doc_id))
        items.append(SearchHit(KIND_OF_TABLE[table], doc_id, owner_world, title, body, value))
    return Page(items, len(ranked))
