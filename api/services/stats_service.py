"""Counts for any caller: only what that caller may see."""

from __future__ import annotations

from core.permissions import viewer_of


class StatsService:
    """Totals of visible worlds, stories and what the visible worlds hold."""

    def __init__(self, storage):
        self._storage = storage

    def visible_stats(self, user) -> dict:
        """How many worlds, stories, entities, places and events the caller can see."""
        return self._storage.visible_totals(viewer_of(user))
