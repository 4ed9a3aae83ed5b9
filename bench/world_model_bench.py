"""World-model benchmark: one big world, timed in-process through the Flask test client.

    python bench/world_model_bench.py            # 500 entities, 300 locations, 2,000 ties
    python bench/world_model_bench.py --samples 50

The world is built through the services (so names are checked and relationships mirrored, as
for any client): 500 entities with 2,000 relationships between them (4,000 with the mirrored
sides) and 300 locations, some nested. Then each operation is called through Flask's test
client and its p50/p99 printed against the targets of issue 4: list, get and update of
entities and locations under 10 ms p50, export (json) and import of the world under 1 s.
Reads carry a throw-away query parameter so the response cache never answers them: the
numbers are the work itself. Timing never fails the run; only an unexpected status does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, "api"), ROOT]

from interfaces.api_backend import ApiBackend  # noqa: E402

SECRET = "bench-secret-that-is-long-enough-for-hs256-0123456789"
PASSWORD = "bench-password-1"
TIES = ("friend", "rival", "ally", "enemy", "sibling", "mentor_of", "parent_of", "colleague")


def build_world(backend, entities: int, locations: int, ties: int, seed: int = 11) -> dict:
    """A user, a token and one world filled through the services; returns their ids."""
    rng = random.Random(seed)
    user = backend.auth_service.create_user("bencher", "bencher@example.com", PASSWORD)
    token = backend.auth_service.login(PASSWORD, username="bencher")["token"]
    wid = backend.world_service.create_world(user, {"name": "Bench world"}).model.world_id
    per_entity = [ties // entities + (1 if i < ties % entities else 0) for i in range(entities)]
    entity_ids: list[str] = []
    for index in range(entities):
        # Each new entity ties itself to earlier ones, so every tie is created exactly once.
        targets = rng.sample(entity_ids, min(per_entity[index], len(entity_ids)))
        if len(targets) < per_entity[index]:
            per_entity[min(index + 1, entities - 1)] += per_entity[index] - len(targets)
        fields = {"name": f"Nhân vật {index:04d}", "aliases": [f"Character {index:04d}"],
                  "description": f"Entity number {index} of the bench world.",
                  "attributes": {"age": rng.randint(16, 90), "role": rng.choice(TIES)},
                  "relationships": [{"target_entity_id": t, "type": rng.choice(TIES)}
                                    for t in targets]}
        entity_ids.append(backend.entity_service.create_entity(user, wid, fields).model.entity_id)
    location_ids: list[str] = []
    for index in range(locations):
        parent = rng.choice(location_ids) if location_ids and rng.random() < 0.6 else None
        fields = {"name": f"Địa danh {index:04d}", "location_type": "place",
                  "description": f"Place number {index}.", "parent_location_id": parent,
                  "coordinates": {"x": rng.uniform(0, 1000), "y": rng.uniform(0, 1000)}}
        location_ids.append(
            backend.location_service.create_location(user, wid, fields).model.location_id)
    return {"world_id": wid, "token": token, "entity_ids": entity_ids,
            "location_ids": location_ids}


def timed(call, samples: int) -> list[float]:
    """Milliseconds of each call; a call answering an unexpected status stops the run."""
    spent = []
    for index in range(samples):
        start = time.perf_counter()
        call(index)
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def expect(response, status: int):
    """The response, or an error when its status is not the expected one."""
    if response.status_code != status:
        body = response.get_data(as_text=True)[:300]
        raise SystemExit(f"unexpected {response.status_code}: {body}")
    return response


def operations(client, facts: dict, rng: random.Random) -> dict:
    """Name -> (function of the sample index, target p50 in ms)."""
    url, auth = f"/api/worlds/{facts['world_id']}", {"Authorization": f"Bearer {facts['token']}"}
    ops = {}
    for kind, ids in (("entities", facts["entity_ids"]), ("locations", facts["location_ids"])):
        ops[f"{kind}: list page 1 (20)"] = (lambda i, k=kind: expect(client.get(
            f"{url}/{k}?page=1&page_size=20&_={i}", headers=auth), 200), 10.0)
        ops[f"{kind}: get"] = (lambda i, k=kind, ids=ids: expect(client.get(
            f"{url}/{k}/{rng.choice(ids)}?_={i}", headers=auth), 200), 10.0)
        ops[f"{kind}: update"] = (lambda i, k=kind, ids=ids: expect(client.put(
            f"{url}/{k}/{rng.choice(ids)}", headers=auth,
            json={"description": f"Changed {i}."}), 200), 10.0)
    return ops


def transfer_operations(client, facts: dict, bundle: dict) -> dict:
    """Export (json) and import of the whole world, target 1 s each."""
    url, auth = f"/api/worlds/{facts['world_id']}", {"Authorization": f"Bearer {facts['token']}"}
    return {
        "world: export json": (lambda i: expect(client.get(f"{url}/export?format=json",
                                                           headers=auth), 200), 1000.0),
        "world: import json": (lambda i: expect(client.post("/api/worlds/import", headers=auth,
                                                            json=bundle), 201), 1000.0),
    }


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(rows: list[tuple]) -> None:
    """Print the table of p50/p99 against each target."""
    print(f"{'operation':32} {'n':>4} {'p50 ms':>9} {'p99 ms':>9} {'target p50':>11}  met")
    for name, spent, target in rows:
        p50 = statistics.median(spent)
        print(f"{name:32} {len(spent):>4} {p50:>9.2f} {percentile(spent, 0.99):>9.2f} "
              f"{'< ' + format(target, 'g') + ' ms':>11}  {'yes' if p50 < target else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=500)
    parser.add_argument("--locations", type=int, default=300)
    parser.add_argument("--relationships", type=int, default=2000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--transfer-samples", type=int, default=10)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="storyloom-world-bench-")
    backend = ApiBackend(env={}, data_dir=data_dir, jwt_secret=SECRET, password_time_cost=1,
                         password_memory_kib=8192, frontend_dist=os.path.join(data_dir, "none"))
    try:
        start = time.perf_counter()
        facts = build_world(backend, args.entities, args.locations, args.relationships)
        client, rng = backend.app.test_client(), random.Random(3)
        auth = {"Authorization": f"Bearer {facts['token']}"}
        world = expect(client.get(f"/api/worlds/{facts['world_id']}", headers=auth), 200)
        counts = world.get_json()["data"]["world"]["counts"]
        export = expect(client.get(f"/api/worlds/{facts['world_id']}/export?format=json",
                                   headers=auth), 200)
        bundle = json.loads(export.data)
        ties = sum(len(e["relationships"]) for e in bundle["entities"]) // 2
        print(f"built in {time.perf_counter() - start:.1f} s: {counts['entities']} entities, "
              f"{counts['locations']} locations, {ties} relationships (each on both sides); "
              f"bundle {len(export.data) / 1024:.0f} KiB\n")
        rows = [(name, timed(call, args.samples), target)
                for name, (call, target) in operations(client, facts, rng).items()]
        rows += [(name, timed(call, args.transfer_samples), target)
                 for name, (call, target) in transfer_operations(client, facts, bundle).items()]
        report(rows)
    finally:
        backend.close()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
