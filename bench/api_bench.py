"""Storyloom API benchmark: start-up, memory, and throughput/latency against a minimal Flask app.

    python bench/api_bench.py            # 10,000 stories, 5 s per endpoint (about a minute)
    python bench/api_bench.py --quick    # the same data, 1 s per endpoint (well under a minute)

The data (100 worlds, 10,000 stories, 10 authors) is written with the storage layer directly
(TinyDBStorage and the model classes the services use, visibility within the role quotas) and
the storage is closed, so the server starts from a snapshot, as after a clean restart. The load
comes from a separate process (this file with --loadgen): an asyncio HTTP/1.1 client keeping
`--connections` keep-alive connections busy, each sending its next request when the previous
answer is complete. Timing never fails the run: the exit code is non-zero only when something
crashes or a request gets an unexpected status. Results also go to bench/results/*.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, "api"), ROOT]

from tests.support.server import ServerProcess  # noqa: E402

RESULTS_DIR = os.path.join(ROOT, "bench", "results")
PASSWORD = "bench-password-1"
TARGETS = {"read_ratio": 0.7, "write_ratio": 0.3, "p99_ms": 50.0, "startup_s": 2.0,
           "rss_mb": 200.0}
WORDS = ("dragon river empire ash lantern oath mountain whisper tide ember crown forest "
         "sword moon harbor exile song storm ruin shadow garden iron veil").split()


# the data

def load_data(data_dir: str, worlds: int, stories: int, seed: int = 7) -> dict:
    """Write authors, worlds and stories straight into TinyDBStorage; returns their ids."""
    from core.clock import iso
    from core.models import Story, User, World
    from core.models._base import new_id
    from services.passwords import Passwords
    from storage.tinydb_storage import TinyDBStorage
    from datetime import datetime, timedelta, timezone

    rng, epoch = random.Random(seed), datetime(2030, 1, 1, tzinfo=timezone.utc)
    stamp = lambda n: iso(epoch + timedelta(seconds=n))  # noqa: E731
    password_hash = Passwords().hash(PASSWORD)   # the server's default cost
    authors = [User(user_id=new_id(), username=f"author{n:02d}",
                    email=f"author{n:02d}@example.com", password_hash=password_hash,
                    created_at=stamp(n), updated_at=stamp(n)) for n in range(10)]
    world_list = []
    for n in range(worlds):
        rank = n // len(authors)     # 0.. per author: the first 5 are public (the user quota)
        visibility = "public" if rank < 5 else ("private" if rank < 8 else "draft")
        world_list.append(World(world_id=new_id(), name=f"World {n}", owner_id=authors[
            n % len(authors)].user_id, created_at=stamp(100 + n), updated_at=stamp(100 + n),
            description=" ".join(rng.choices(WORDS, k=80)), visibility=visibility))
    facts = {"authors": [a.username for a in authors], "public_story_ids": [],
             "story_ids": {a.username: [] for a in authors},
             "world_ids": {a.username: [w.world_id for w in world_list
                                        if w.owner_id == a.user_id] for a in authors}}
    by_owner = {a.user_id: a.username for a in authors}
    public_used, orders, batch = {a.user_id: 0 for a in authors}, {}, []
    storage = TinyDBStorage(data_dir)
    try:
        storage.save(*authors, *world_list)
        for n in range(stories):
            world = world_list[n % worlds]
            public = world.visibility == "public" and public_used[world.owner_id] < 50
            public_used[world.owner_id] += public
            orders[world.world_id] = orders.get(world.world_id, 0) + 1
            story = Story(story_id=new_id(), world_id=world.world_id, owner_id=world.owner_id,
                          title=f"{rng.choice(WORDS).title()} {n}", created_at=stamp(1000 + n),
                          updated_at=stamp(1000 + n), order=orders[world.world_id],
                          content=" ".join(rng.choices(WORDS, k=rng.randint(40, 500))),
                          summary=" ".join(rng.choices(WORDS, k=12)), genre="fantasy",
                          visibility="public" if public else (
                              "draft" if world.visibility == "draft" else "private"))
            facts["story_ids"][by_owner[world.owner_id]].append(story.story_id)
            if public:
                facts["public_story_ids"].append(story.story_id)
            batch.append(story)
            if len(batch) == 500:
                storage.save(*batch)
                batch = []
        storage.save(*batch) if batch else None
    finally:
        storage.close()
    return facts


# requests

def http_request(method: str, path: str, port: int, token: str | None = None,
                 body: dict | None = None) -> str:
    """One raw HTTP/1.1 keep-alive request (as latin-1 text, to travel in JSON)."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Accept: application/json"]
    if token:
        lines.append(f"Authorization: Bearer {token}")
    payload = b""
    if body is not None:
        payload = json.dumps(body).encode()
        lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode().decode("latin-1") + payload.decode(
        "latin-1")


def endpoint_plans(port: int, facts: dict, tokens: dict, connections: int) -> list[dict]:
    """Per endpoint: the requests each connection cycles through, and the expected status."""
    def per_conn(make):
        return [make(i, facts["authors"][i % len(facts["authors"])]) for i in range(connections)]

    def by_id(kind, ids_of):
        return per_conn(lambda i, who: [http_request("GET", f"/api/{kind}/{doc_id}", port,
                                                     tokens[who]) for doc_id in ids_of(who)])
    return [
        {"name": "GET /api/stories?page=1 (anonymous)", "kind": "read", "expect": 200,
         "requests": per_conn(lambda i, who: [http_request("GET", "/api/stories?page=1", port)])},
        {"name": "GET /api/stories?page=1 (signed in)", "kind": "read", "expect": 200,
         "requests": per_conn(lambda i, who: [http_request("GET", "/api/stories?page=1", port,
                                                           tokens[who])])},
        {"name": "GET /api/stories/<id>", "kind": "read", "expect": 200,
         "requests": by_id("stories", lambda who: facts["story_ids"][who][:200])},
        {"name": "GET /api/worlds/<id>", "kind": "read", "expect": 200,
         "requests": by_id("worlds", lambda who: facts["world_ids"][who])},
        {"name": "POST /api/stories (signed in)", "kind": "write", "expect": 201,
         "requests": per_conn(lambda i, who: [http_request("POST", "/api/stories", port,
                                                           tokens[who], {
             "world_id": facts["world_ids"][who][5 + i % 5], "title": f"Bench story {i}",
             "content": " ".join(WORDS * 12)})])},
    ]


# the load generator (a separate process)

async def _read_answer(reader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    status, length, chunked, close = int(head[9:12]), 0, False, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value
        elif name == b"connection":
            close = value == b"close"
    if not chunked:
        await reader.readexactly(length)
        return status, close
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        await reader.readexactly(size + 2)
        if size == 0:
            return status, close


async def _connection(spec: dict, requests_: list[bytes], start: int, window: tuple,
                      stats: dict) -> None:
    begin, end = window
    reader = writer = None
    n = start
    while time.perf_counter() < end:
        if writer is None:
            reader, writer = await asyncio.open_connection(spec["host"], spec["port"])
        sent = time.perf_counter()
        writer.write(requests_[n % len(requests_)])
        n += 1
        try:
            status, close = await _read_answer(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            status, close = 0, True
        done = time.perf_counter()
        if begin <= sent and done <= end:
            stats["latencies"].append(done - sent)
            if status != spec["expect"]:
                stats["errors"][status] = stats["errors"].get(status, 0) + 1
        if close:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


def _percentile(ordered: list, q: float) -> float | None:
    """The q-quantile of sorted seconds, in milliseconds (nearest rank)."""
    return ordered[int(q * (len(ordered) - 1))] * 1000 if ordered else None


async def _drive(spec: dict) -> dict:
    stats = {"latencies": [], "errors": {}}
    begin = time.perf_counter() + spec["warmup"]
    window = (begin, begin + spec["duration"])
    plans = [[r.encode("latin-1") for r in conn] for conn in spec["connections"]]
    await asyncio.gather(*(_connection(spec, plan, i * 7, window, stats)
                           for i, plan in enumerate(plans)))
    latencies = sorted(stats["latencies"])
    return {"requests": len(latencies), "rps": len(latencies) / spec["duration"],
            "p50_ms": _percentile(latencies, 0.50), "p99_ms": _percentile(latencies, 0.99),
            "errors": {str(k): v for k, v in stats["errors"].items()}}


def loadgen_main() -> int:
    """--loadgen: read a spec as JSON on stdin, drive the server, print the figures as JSON."""
    spec = json.load(sys.stdin)
    print(json.dumps(asyncio.run(_drive(spec))), flush=True)
    return 0


def measure(port: int, connections: list, expect: int, duration: float, warmup: float) -> dict:
    """Run the load generator in its own process against one endpoint."""
    spec = {"host": "127.0.0.1", "port": port, "connections": connections, "expect": expect,
            "duration": duration, "warmup": warmup}
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--loadgen"],
                          input=json.dumps(spec), capture_output=True, text=True, check=True,
                          timeout=duration + warmup + 60)
    return json.loads(done.stdout)


# the baseline

def start_minimal(threads: int, log_path: str) -> tuple[subprocess.Popen, int]:
    log = open(log_path, "w")
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "bench", "minimal_app.py"),
                                "--port", "0", "--threads", str(threads)],
                               stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline()
    if "serving on" not in line:
        process.kill()
        raise RuntimeError(f"the minimal app did not start; see {log_path}")
    port = int(line.rsplit(":", 1)[1])
    for _ in range(200):
        try:
            requests.get(f"http://127.0.0.1:{port}/api/ping", timeout=2)
            return process, port
        except requests.RequestException:
            time.sleep(0.02)
    process.kill()
    raise RuntimeError("the minimal app does not answer")


# the run

def storage_load_ms(server: ServerProcess) -> float | None:
    """How long the last start spent loading storage, from the server's own log line."""
    with open(server.log_path, encoding="utf-8", errors="replace") as log:
        log.seek(server._log_offset)
        for line in log:
            if '"storage loaded"' in line:
                return json.loads(line).get("ms")
    return None


def login(server: ServerProcess, username: str) -> str:
    answer = requests.post(server.url("/api/auth/login"), json={"username": username,
                                                                "password": PASSWORD}, timeout=30)
    answer.raise_for_status()
    return answer.json()["data"]["token"]


def run(args, workdir: str) -> dict:
    data_dir = os.path.join(workdir, "data")
    started = time.perf_counter()
    facts = load_data(data_dir, args.worlds, args.stories)
    result = {"load_seconds": round(time.perf_counter() - started, 2), "endpoints": []}
    print(f"loaded {args.worlds} worlds and {args.stories:,} stories through the storage layer "
          f"in {result['load_seconds']} s", flush=True)

    server = ServerProcess(data_dir, fast_hashing=False, env={"WEB_THREADS": str(args.threads)})
    try:
        starts, loads = [], []
        for attempt in range(args.starts):
            if attempt:
                server.stop()
            server.start()
            starts.append(server.startup_seconds)
            loads.append(storage_load_ms(server))
        result["startup_runs_s"], result["storage_load_ms"] = starts, loads
        result["startup_s"] = sorted(starts)[len(starts) // 2]
        result["rss_mb_after_load"] = server.rss_kib() / 1024
        tokens = {who: login(server, who) for who in facts["authors"]}
        for plan in endpoint_plans(server.port, facts, tokens, args.connections):
            figures = measure(server.port, plan["requests"], plan["expect"], args.duration,
                              args.warmup)
            result["endpoints"].append({"name": plan["name"], "kind": plan["kind"], **figures})
            print(f"  measured {plan['name']}", flush=True)
        result["rss_mb_after_run"] = server.rss_kib() / 1024
    finally:
        server.stop()

    process, port = start_minimal(args.threads, os.path.join(workdir, "minimal.log"))
    try:
        ping = [[http_request("GET", "/api/ping", port)] for _ in range(args.connections)]
        result["baseline"] = {"name": "minimal Flask app, GET /api/ping", "kind": "baseline",
                              **measure(port, ping, 200, args.duration, args.warmup)}
    finally:
        process.terminate()
        process.wait(15)
    return result


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(result: dict, args) -> None:
    base = result["baseline"]["rps"]
    print(f"\nStoryloom API benchmark: {args.stories:,} stories in {args.worlds} worlds, "
          f"{args.connections} keep-alive connections, {args.duration:g} s per endpoint, "
          f"waitress {args.threads} threads, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}\n")
    header = f"{'endpoint':<40}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}" \
             f"{'ratio':>8}  targets"
    print(header)
    print("-" * (len(header) + 34))
    for row in [result["baseline"], *result["endpoints"]]:
        ratio = row["rps"] / base if base else 0.0
        row["ratio"] = ratio
        wanted = {"read": TARGETS["read_ratio"], "write": TARGETS["write_ratio"]}.get(row["kind"])
        p99_ok = row["p99_ms"] is not None and row["p99_ms"] < TARGETS["p99_ms"]
        targets = "" if wanted is None else (
            f"ratio >= {wanted}: {verdict(ratio >= wanted)}; "
            f"p99 < {TARGETS['p99_ms']:g} ms: {verdict(p99_ok)}")
        row["targets_met"] = None if wanted is None else (ratio >= wanted and p99_ok)
        errors = sum(row["errors"].values())
        print(f"{row['name']:<40}{row['rps']:>9.0f}{row['p50_ms'] or 0:>9.1f}"
              f"{row['p99_ms'] or 0:>9.1f}{errors:>8}{ratio:>8.2f}  {targets}")
    runs = ", ".join(f"{s:.2f}" for s in result["startup_runs_s"])
    loads = ", ".join(f"{ms / 1000:.2f}" for ms in result["storage_load_ms"] if ms is not None)
    print(f"\nstart-up with {args.stories:,} stories (process start -> /api/health answers): "
          f"{result['startup_s']:.2f} s median of [{runs}] s, storage load [{loads}] s  "
          f"(target < {TARGETS['startup_s']:g} s: "
          f"{verdict(result['startup_s'] < TARGETS['startup_s'])})")
    print(f"server memory (VmRSS) after load: {result['rss_mb_after_load']:.0f} MB, after the "
          f"run: {result['rss_mb_after_run']:.0f} MB  (target < {TARGETS['rss_mb']:g} MB: "
          f"{verdict(result['rss_mb_after_load'] < TARGETS['rss_mb'])})")


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Storyloom API benchmark (see bench/README.md)")
    parser.add_argument("--quick", action="store_true", help="1 s per endpoint, short warm-up")
    parser.add_argument("--duration", type=float, help="seconds measured per endpoint (5)")
    parser.add_argument("--warmup", type=float, help="seconds of unmeasured load first (1)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads, both servers")
    parser.add_argument("--worlds", type=int, default=100)
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--starts", type=int, help="start-ups timed, median reported (3)")
    parser.add_argument("--keep", action="store_true", help="keep the data and logs")
    parser.add_argument("--loadgen", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.duration = args.duration or (1.0 if args.quick else 5.0)
    args.warmup = args.warmup if args.warmup is not None else (0.3 if args.quick else 1.0)
    args.starts = max(1, args.starts or (1 if args.quick else 3))
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.loadgen:
        return loadgen_main()
    workdir = tempfile.mkdtemp(prefix="storyloom-bench-")
    try:
        result = run(args, workdir)
    except BaseException:
        print(f"\nthe benchmark crashed; data and logs kept in {workdir}", file=sys.stderr)
        raise
    report(result, args)
    result.update(args=vars(args), targets=TARGETS, python=platform.python_version(),
                  cpus=os.cpu_count(), when=time.strftime("%Y-%m-%dT%H:%M:%S"))
    os.makedirs(RESULTS_DIR, exist_ok=True)
    path = os.path.join(RESULTS_DIR, f"api_bench-{time.strftime('%Y%m%d-%H%M%S')}.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(result, out, indent=2)
    print(f"\nresults written to {os.path.relpath(path, ROOT)}")
    failed = [row["name"] for row in [result["baseline"], *result["endpoints"]] if row["errors"]]
    if failed:
        print(f"unexpected answers from: {', '.join(failed)} (logs in {workdir})",
              file=sys.stderr)
        return 1
    if args.keep:
        print(f"data and logs kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
