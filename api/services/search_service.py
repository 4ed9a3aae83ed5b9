"""Search across worlds, stories, entities, locations and events the caller may see."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import ValidationFailed
from core.models.views import PageView
from core.paging import PageRequest
from core.permissions import viewer_of
from core.search_text import KINDS, MAX_QUERY, MAX_TERMS, exact_terms, folded_terms, snippet


@dataclass
class SearchResult:
    """One hit as the API shows it: a marked, escaped snippet instead of the whole text."""

    kind: str
    id: str
    world_id: str
    title: str
    snippet: str
    score: float


def parse_kinds(kinds: str | None) -> tuple[str, ...]:
    """The kinds asked for (comma-separated; all when empty); 2001 naming `kinds` otherwise."""
    if not kinds or not kinds.strip():
        return KINDS
    wanted = [k.strip() for k in kinds.split(",") if k.strip()]
    unknown = [k for k in wanted if k not in KINDS]
    if unknown or not wanted:
        raise ValidationFailed({"kinds": "must be a comma-separated list of "
                                         + ", ".join(KINDS)})
    return tuple(k for k in KINDS if k in wanted)


class SearchService:
    """Ranked full-text search answered by the storage's search index."""

    def __init__(self, storage):
        self._storage = storage

    def search(self, user, q: str | None, world_id: str | None = None,
               kinds: str | None = None, page: PageRequest = PageRequest()) -> PageView:
        """The page of hits for `q`, best first, only what the caller may see."""
        folded, exact = self._terms(q)
        chosen = parse_kinds(kinds)
        found = self._storage.search(viewer_of(user), folded, exact, world_id or None, chosen,
                                     page)
        items = [SearchResult(hit.kind, hit.id, hit.world_id, hit.title,
                              snippet(hit.title, hit.body, folded), hit.score)
                 for hit in found.items]
        return PageView(items, found.total, page.page, page.page_size)

    @staticmethod
    def _terms(q: str | None) -> tuple[list[str], list[str]]:
        if q is None or not q.strip():
            raise ValidationFailed({"q": "must contain a word to search for"})
        if len(q) > MAX_QUERY:
            raise ValidationFailed({"q": f"must be at most {MAX_QUERY} characters"})
        folded = list(dict.fromkeys(folded_terms(q)))
        if not folded:
            raise ValidationFailed({"q": "must contain a word to search for"})
        if len(folded) > MAX_TERMS:
            raise ValidationFailed({"q": f"must have at most {MAX_TERMS} words"})
        return folded, list(dict.fromkeys(exact_terms(q)))
