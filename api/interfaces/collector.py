"""How a server process tunes Python's cycle collector for a heap of long-lived documents."""

from __future__ import annotations

import gc

# Young-generation threshold. A timeline of 2,000 events allocates about 100,000 containers;
# at Python's default (700) that is ~75 collections per request, the full ones rescanning every
# stored document: 17 of 70 ms in bench/timeline_bench.py. Objects freed by reference counting
# (nearly all) never wait for the collector, so a larger threshold only delays cyclic garbage.
# It is above what the largest answer holds at once (auto-linking 1,000 stories: some 120,000
# dicts and lists), so no collection runs in the middle of building one only to scan objects
# about to be freed: at 50,000 that was ~2 collections, 8-10 ms, per auto-link.
YOUNG_THRESHOLD = 200_000


def tune_collector() -> None:
    """Freeze what the process built while starting and collect young objects less often."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
