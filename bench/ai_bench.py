"""AI task benchmark: the task machinery with a provider that answers at once.

    python bench/ai_bench.py                  # TinyDB and PostgreSQL, then the poll endpoint
    python bench/ai_bench.py --backend tinydb --tasks 300 --burst 200 --duration 3

The provider is the test suite's fake OpenAI-compatible server (tests/support/fake_openai.py)
answering every request at once over loopback HTTP, so what is timed is Storyloom's part: the
real `openai` client, the structured-answer parsing and validation, the task record's writes
and the thread pool. In process, through Flask's test client, as an admin (no daily quota):

- submit → completed: `POST /api/gpt/generate-description`, then polls every 0.5 ms until the
  task is completed; the client-observed time, and the server's (created → completed), p50/p99
  against the target (p50 < 20 ms);
- a burst: 200 tasks submitted at once, all must complete; the process's thread count is
  sampled throughout (bounded: AI_WORKERS + 1 heartbeat) and its RSS after each of three
  bursts (flat: no growth from one burst to the next beyond noise).

Then, against real `python run.py` servers driven by the load generator of the API benchmark
(bench/loadgen.py, its own process): `GET /api/gpt/results/<id>` of a completed task beside the
minimal Flask app of the foundation benchmark (bench/minimal_app.py), ratio against ≥ 0.7.
Timing never fails the run; only an unexpected status or an unfinished task does.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime

import requests

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path[:0] = [os.path.join(ROOT, "api"), ROOT, BENCH]

from api_bench import MinimalApp  # noqa: E402
from interfaces.api_backend import ApiBackend  # noqa: E402
from loadgen import http_request  # noqa: E402
from tests.support.fake_openai import FakeOpenAI, answer  # noqa: E402
from tests.support.server import ServerProcess  # noqa: E402

SECRET = "ai-bench-secret-that-is-long-enough-for-hs256-0123"
PASSWORD = "bench-password-1"
BODY = {"type": "world", "world_name": "Đất Phương Nam", "world_type": "historical"}
TARGET_P50_MS = 20.0
TARGET_POLL_RATIO = 0.7


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def rss_mb() -> float:
    """This process's resident memory, MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def ms_between(start: str, end: str) -> float:
    """Milliseconds between two of Storyloom's ISO timestamps."""
    parse = lambda value: datetime.fromisoformat(value.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds() * 1000


# in process

def in_process(kind: str, fake: FakeOpenAI, args) -> None:
    """Latency and the burst on one storage backend."""
    folder = tempfile.mkdtemp(prefix="storyloom-ai-bench-")
    settings = {"data_dir": folder, "jwt_secret": SECRET, "password_time_cost": 1,
                "password_memory_kib": 8192, "frontend_dist": os.path.join(folder, "none"),
                "openai_base_url": fake.url, "ai_requests_per_minute": 1_000_000,
                "ai_workers": args.workers}
    if kind == "postgresql":
        from tests.support import postgres
        settings["database_url"] = postgres.new_schema_url()
    backend = ApiBackend(env={}, **settings)
    try:
        client = backend.app.test_client()
        user = backend.auth_service.create_user("bencher", "bencher@example.com", PASSWORD,
                                                role="admin")
        token = backend.auth_service.login(PASSWORD, username=user.username)["token"]
        headers = {"Authorization": f"Bearer {token}"}
        latency(kind, client, headers, args)
        burst(kind, backend, client, headers, args)
    finally:
        backend.close()
        shutil.rmtree(folder, ignore_errors=True)


def start(client, headers) -> str:
    """Start one description task; its id."""
    answer_ = client.post("/api/gpt/generate-description", headers=headers, json=BODY)
    if answer_.status_code != 202:
        raise SystemExit(f"unexpected {answer_.status_code}: {answer_.get_data(as_text=True)}")
    return answer_.get_json()["data"]["task_id"]


def poll(client, headers, task_id: str, interval: float, timeout: float = 60.0) -> dict:
    """Poll a task until it ends; the completed task (any other end stops the run)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        task = client.get(f"/api/gpt/results/{task_id}", headers=headers).get_json()["data"]
        if task["status"] not in ("pending", "processing"):
            if task["status"] != "completed":
                raise SystemExit(f"task {task_id} ended {task['status']}: {task['error']}")
            return task
        time.sleep(interval)
    raise SystemExit(f"task {task_id} did not finish in {timeout} s")


def latency(kind: str, client, headers, args) -> None:
    """Submit → completed, one task at a time: client-observed and server-side, p50/p99."""
    for _ in range(20):                                       # warm-up
        poll(client, headers, start(client, headers), 0.0005)
    observed, server = [], []
    for _ in range(args.tasks):
        began = time.perf_counter()
        task = poll(client, headers, start(client, headers), 0.0005)
        observed.append((time.perf_counter() - began) * 1000)
        server.append(ms_between(task["created_at"], task["updated_at"]))
    p50 = statistics.median(observed)
    print(f"[{kind}] submit → completed over {args.tasks} tasks: client p50 {p50:.1f} ms, "
          f"p99 {percentile(observed, 0.99):.1f} ms; server p50 {statistics.median(server):.1f}"
          f" ms, p99 {percentile(server, 0.99):.1f} ms (target p50 < {TARGET_P50_MS:g} ms: "
          f"{'met' if p50 < TARGET_P50_MS else 'MISSED'})")


def burst(kind: str, backend, client, headers, args) -> None:
    """Three bursts of tasks submitted at once: all complete, threads bounded, RSS flat."""
    base_threads = threading.active_count()
    peak = [base_threads]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.005):
            peak[0] = max(peak[0], threading.active_count())
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    memory = [rss_mb()]
    rounds = []
    try:
        for _ in range(3):
            began = time.perf_counter()
            ids = [start(client, headers) for _ in range(args.burst)]
            for task_id in ids:
                poll(client, headers, task_id, 0.005)
            rounds.append(time.perf_counter() - began)
            memory.append(rss_mb())
    finally:
        stop.set()
        sampler.join()
    runner_threads = backend.task_runner.thread_count
    print(f"[{kind}] {args.burst} tasks at once, 3 times: all completed in "
          f"{', '.join(f'{r:.2f}' for r in rounds)} s ({args.burst / min(rounds):.0f} tasks/s); "
          f"threads: {base_threads} before, at most {peak[0]} during (the runner's "
          f"{runner_threads}, bounded by AI_WORKERS={args.workers} + 1 heartbeat, plus the "
          f"sampler); RSS {' → '.join(f'{m:.0f}' for m in memory)} MB "
          f"(growth after the first burst: {memory[-1] - memory[1]:+.1f} MB)")


# the poll endpoint beside the minimal app

def poll_endpoint(fake: FakeOpenAI, args) -> None:
    """The poll endpoint on a real server beside the minimal app, under the load generator."""
    folder = tempfile.mkdtemp(prefix="storyloom-ai-bench-poll-")
    minimal = MinimalApp(1, 8, os.path.join(folder, "minimal.log"))
    server = ServerProcess(os.path.join(folder, "data"), fast_hashing=False, env={
        "OPENAI_BASE_URL": fake.url, "JWT_SECRET": secrets.token_urlsafe(48),
        "LOG_LEVEL": "WARNING", "WEB_THREADS": "8"})
    try:
        server.start()
        registered = requests.post(server.url("/api/auth/register"), timeout=30, json={
            "username": "poller", "email": "poller@example.com", "password": PASSWORD}).json()
        token = registered["data"]["token"]
        headers = {"Authorization": f"Bearer {token}"}
        task_id = requests.post(server.url("/api/gpt/generate-description"), headers=headers,
                                json=BODY, timeout=30).json()["data"]["task_id"]
        for _ in range(500):
            done = requests.get(server.url(f"/api/gpt/results/{task_id}"), headers=headers,
                                timeout=30).json()["data"]
            if done["status"] == "completed":
                break
            time.sleep(0.01)
        rows = []
        for name, port, path, auth in (
                ("minimal app GET /api/ping", minimal.port, "/api/ping", None),
                ("GET /api/gpt/results/<id>", server.port, f"/api/gpt/results/{task_id}",
                 token)):
            spec = {"host": "127.0.0.1", "port": port, "connections": args.connections,
                    "expect": 200, "duration": args.duration, "warmup": 0.5,
                    "reconnect_every": 100}
            spec["connections"] = [[http_request("GET", path, port, auth)]
                                   for _ in range(args.connections)]
            done = subprocess.run([sys.executable, os.path.join(BENCH, "loadgen.py")],
                                  input=json.dumps(spec), capture_output=True, text=True,
                                  check=True, timeout=args.duration + 60)
            rows.append((name, json.loads(done.stdout)))
        base = rows[0][1]["rps"]
        for name, figures in rows:
            print(f"  {name:32} {figures['rps']:8.0f} req/s  ratio {figures['rps'] / base:.2f}"
                  f"  p50 {figures.get('p50_ms', 0):.1f} ms  p99 {figures.get('p99_ms', 0):.1f} ms")
        ratio = rows[1][1]["rps"] / base
        print(f"  poll endpoint / minimal app: {ratio:.2f} (target ≥ {TARGET_POLL_RATIO}: "
              f"{'met' if ratio >= TARGET_POLL_RATIO else 'MISSED'})")
    finally:
        server.stop()
        minimal.stop()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    """Run the measures the arguments ask for and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("tinydb", "postgresql", "both"), default="both")
    parser.add_argument("--tasks", type=int, default=200, help="tasks timed one by one")
    parser.add_argument("--burst", type=int, default=200, help="tasks submitted at once")
    parser.add_argument("--workers", type=int, default=4, help="AI_WORKERS")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per poll load")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-poll", action="store_true", help="skip the poll endpoint load")
    args = parser.parse_args()
    fake = FakeOpenAI()
    fake.script("world_description", answer({"description": "Sông nước miền Tây."}))
    try:
        for kind in (("tinydb", "postgresql") if args.backend == "both" else (args.backend,)):
            in_process(kind, fake, args)
        if not args.no_poll:
            print("poll endpoint beside the minimal app (real servers, 1 worker, 8 threads):")
            poll_endpoint(fake, args)
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
