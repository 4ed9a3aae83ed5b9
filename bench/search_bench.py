"""Search benchmark: GET /api/search's service over 10,000 stories, beside a naive scan.

    python bench/search_bench.py                       # TinyDB and PostgreSQL
    python bench/search_bench.py --backend tinydb --stories 2000 --queries 200

The same seeded documents (100 worlds, the stories, entities and locations, Vietnamese words
with their accents) are written into the backend through storage transactions of 500; then
SearchService.search (index query, visibility, ranking and snippets) is timed for a mix of
one- and two-word queries, typed with and without accents, by an anonymous caller, an author
and an admin. The naive implementation answers the same queries by folding every document's
text and checking every term (what a search without an index does), measured in the same run
over the same documents; the ratio is naive p50 over indexed p50. Timing never fails the run:
the exit code is non-zero only when the two disagree on what a query finds or something
crashes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path[:0] = [os.path.join(ROOT, "api"), ROOT]

from core.models import Entity, Location, Story, World  # noqa: E402
from core.paging import PageRequest  # noqa: E402
from core.permissions import viewer_of  # noqa: E402
from core.search_text import KIND_OF_TABLE, fields, folded_terms  # noqa: E402
from core.text import fold  # noqa: E402
from core.visibility import levels_seen  # noqa: E402
from services.search_service import SearchService  # noqa: E402

ONSETS = "b c ch d đ g gh h k kh l m n ng nh p ph qu r s t th tr v x".split()
RHYMES = "a ai ao an ang anh e em en eo i ia in inh o oa oi on ong u ui un ung uy ư ưa ươn".split()
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
# About 3,700 syllables, drawn with a Zipf-like skew as in real text.
SYLLABLES = sorted({unicodedata.normalize("NFC", o + r[0] + t + r[1:])
                    for o in ONSETS for r in RHYMES for t in TONES})
COMMON = SYLLABLES[:20]   # the most frequent: the Zipf weights follow this order
TARGET_P50_MS, TARGET_P99_MS = 10.0, 50.0


class User:
    """Just what viewer_of reads of a signed-in user."""

    def __init__(self, user_id: str, role: str):
        self.user_id, self.role = user_id, role


def make_documents(stories: int, seed: int = 11) -> list:
    """Worlds, stories, entities and locations, seeded: every run stores the same."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(SYLLABLES))]
    pool = rng.choices(SYLLABLES, weights, k=200_000)

    def text(k: int) -> str:
        at = rng.randrange(len(pool) - 2 * k)
        return " ".join(pool[at:at + 2 * k])
    now = "2031-01-01T00:00:00.000Z"
    stamp = dict(created_at=now, updated_at=now)
    worlds = [World(world_id=f"w{n:03}", name=f"Cõi {text(1)}", owner_id=f"u{n % 10}",
                    visibility=("public", "private", "draft")[n % 3],
                    description=text(20), **stamp) for n in range(100)]
    docs = list(worlds)
    for n in range(stories):
        world = worlds[n % 100]
        docs.append(Story(story_id=f"s{n:06}", world_id=world.world_id, owner_id=world.owner_id,
                          title=text(2),
                          content=text(rng.randint(20, 120)),
                          visibility=("public", "private", "draft")[n % 3]
                          if world.visibility == "public" else world.visibility, **stamp))
    for n in range(stories // 5):
        world_id = f"w{n % 100:03}"
        docs.append(Entity(entity_id=f"e{n:06}", world_id=world_id, name=f"Nhân vật {n}",
                           aliases=[f"{text(1)} {n}"],
                           description=text(15), **stamp))
    for n in range(stories // 10):
        docs.append(Location(location_id=f"l{n:06}", world_id=f"w{n % 100:03}",
                             name=f"Nơi {n}", description=text(15),
                             **stamp))
    return docs


def make_queries(count: int, broad: bool, seed: int = 5) -> list[tuple[str, object]]:
    """(q, user) pairs, with and without accents, by three kinds of caller.

    Broad queries are one common word (each in about a fifth of the documents); specific
    ones are two two-syllable words, like a name and a place (a handful of documents).
    """
    rng = random.Random(seed)
    callers = [None, User("u1", "user"), User("admin", "admin")]
    queries = []
    for n in range(count):
        # Broad: one of the 20 commonest syllables; specific: two of the rarer half.
        words = rng.sample(COMMON, 1) if broad else rng.sample(
            SYLLABLES[len(SYLLABLES) // 2:], 2)
        text = " ".join(words)
        queries.append((text if n % 2 else fold(text), callers[n % 3]))
    return queries


class NaiveSearch:
    """Search without an index: fold every document's text on every query."""

    def __init__(self, storage):
        self._docs = [(table, doc) for table, doc in storage.documents()
                      if table in KIND_OF_TABLE]
        self._worlds = {doc["world_id"]: doc for table, doc in self._docs if table == "worlds"}

    def search(self, user, q: str) -> tuple[int, set]:
        """(how many the caller sees, the ids of the first page by the same ranking rule)."""
        wanted = set(folded_terms(q))
        viewer = viewer_of(user)
        hits = []
        for table, doc in self._docs:
            title, body = fields(table, doc)
            if not wanted <= set(folded_terms(f"{title}\n{body}")):
                continue
            world = self._worlds.get(doc["world_id"])
            levels = levels_seen(viewer, _World(world)) if world else ()
            if world and world["visibility"] in levels and (
                    table != "stories" or doc["visibility"] in levels):
                hits.append(doc)
        return len(hits), {d.get("story_id") or d.get("entity_id") or d.get("location_id")
                           or d["world_id"] for d in hits}


class _World:
    def __init__(self, doc):
        self.owner_id, self.collaborators = doc["owner_id"], doc.get("collaborators") or []


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(function, queries) -> tuple[list[float], list]:
    durations, answers = [], []
    for q, user in queries:
        started = time.perf_counter()
        answers.append(function(user, q))
        durations.append((time.perf_counter() - started) * 1000)
    return durations, answers


def open_backend(kind: str):
    """(storage, cleanup) of a fresh backend of the kind."""
    if kind == "tinydb":
        from storage.tinydb_storage import TinyDBStorage
        folder = tempfile.mkdtemp(prefix="storyloom-search-bench-")
        storage = TinyDBStorage(folder)
        return storage, lambda: (storage.close(), shutil.rmtree(folder, ignore_errors=True))
    from storage.postgres_storage import PostgresStorage
    from tests.support import postgres
    url = postgres.new_schema_url()
    storage = PostgresStorage(url)
    return storage, lambda: (storage.close(), postgres.drop_schema(url))


def run(kind: str, args) -> bool:
    """Load, time both implementations, print one table; whether they agreed."""
    storage, cleanup = open_backend(kind)
    try:
        docs = make_documents(args.stories)
        started = time.perf_counter()
        for at in range(0, len(docs), 500):
            with storage.transaction() as tx:
                for model in docs[at:at + 500]:
                    tx.insert(model)
        if kind == "postgresql":
            # What autovacuum does within a minute of a bulk load: statistics, and the words
            # the GIN indexes took in fast (their pending lists) merged into the indexes.
            with storage._pool.connection() as conn:
                conn.execute("VACUUM ANALYZE")
        loaded = time.perf_counter() - started
        service, naive = SearchService(storage), NaiveSearch(storage)
        print(f"\n{kind}: {len(docs):,} documents ({args.stories:,} stories, worlds, "
              f"entities, locations), loaded in {loaded:.1f} s")
        agreed = True
        for label, broad in (("specific", False), ("broad", True)):
            queries = make_queries(args.queries, broad)
            timed(lambda u, q: service.search(u, q, page=PageRequest(1, 20)), queries[:20])
            indexed_ms, answers = timed(
                lambda u, q: service.search(u, q, page=PageRequest(1, 20)), queries)
            naive_ms, naive_answers = timed(naive.search, queries[:args.naive_queries])
            agreed &= all(a.total == n[0] and {i.id for i in a.items} <= n[1]
                          for a, n in zip(answers, naive_answers))
            report(label, indexed_ms, naive_ms, answers, agreed)
        return agreed
    finally:
        cleanup()


def report(label, indexed_ms, naive_ms, answers, agreed) -> None:
    """One query class: indexed and naive percentiles, the ratio and the verdicts."""
    p50, p99 = percentile(indexed_ms, 0.5), percentile(indexed_ms, 0.99)
    n50, n99 = percentile(naive_ms, 0.5), percentile(naive_ms, 0.99)
    print(f" {label} queries: hits per query median "
          f"{statistics.median(a.total for a in answers):.0f}")
    print(f"  {'':<10}{'p50 ms':>10}{'p99 ms':>10}{'queries':>9}")
    print(f"  {'indexed':<10}{p50:>10.2f}{p99:>10.2f}{len(indexed_ms):>9}")
    print(f"  {'naive':<10}{n50:>10.2f}{n99:>10.2f}{len(naive_ms):>9}")
    print(f"  ratio (naive p50 / indexed p50): {n50 / p50:.0f}x; targets p50 < "
          f"{TARGET_P50_MS:g} ms: {'met' if p50 < TARGET_P50_MS else 'MISSED'}, p99 < "
          f"{TARGET_P99_MS:g} ms: {'met' if p99 < TARGET_P99_MS else 'MISSED'}; "
          f"same hits as the scan: {'yes' if agreed else 'NO'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("tinydb", "postgresql", "both"), default="both")
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--naive-queries", type=int, default=30)
    args = parser.parse_args()
    kinds = ("tinydb", "postgresql") if args.backend == "both" else (args.backend,)
    return 0 if all([run(kind, args) for kind in kinds]) else 1


if __name__ == "__main__":
    sys.exit(main())
