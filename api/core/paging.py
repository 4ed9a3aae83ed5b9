"""Which page of a list a caller asks for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageRequest:
    """Which page of a list: pages count from 1."""

    page: int = 1
    page_size: int = 20

    @property
    def offset(self) -> int:
        """How many items come before the page."""
        return (self.page - 1) * self.page_size
