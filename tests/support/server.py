"""Run `python run.py` as a real server process on a free loopback port, and always stop it.

    with ServerProcess(tmp_path / "data") as server:
        requests.get(server.url("/api/health"))

The server is started with `--port 0`, so the kernel picks a free port and nothing can take it
between choosing and binding; the port is read back from the line run.py prints once it
listens. stdout and stderr go to `<data dir's parent>/server-<data dir name>.log` (appended, one
header per start) so a failing test can show what the server said.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import weakref

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_PY = os.path.join(ROOT, "run.py")
FAST_HASHING = {"PASSWORD_HASH_TIME_COST": "1", "PASSWORD_HASH_MEMORY_KIB": "8192"}
_SERVING = re.compile(rb"serving on http://[^\s:]+:(\d+)[\s/]")
_LIVE: "weakref.WeakSet[ServerProcess]" = weakref.WeakSet()


class ServerError(RuntimeError):
    """The server did not start, or did not stop, as expected (the message has its log)."""


class ServerProcess:
    """One `run.py` process over a data directory; start() again after stop() or kill9()."""

    def __init__(self, data_dir, env: dict | None = None, fast_hashing: bool = True,
                 startup_timeout: float = 30.0, stop_timeout: float = 15.0,
                 extra_args: tuple = (), log_path=None):
        self.data_dir = os.path.abspath(str(data_dir))
        parent = os.path.dirname(self.data_dir)
        os.makedirs(parent, exist_ok=True)
        self.log_path = str(log_path or os.path.join(
            parent, f"server-{os.path.basename(self.data_dir)}.log"))
        self.env = {**os.environ, **(FAST_HASHING if fast_hashing else {}), **(env or {}),
                    "PYTHONUNBUFFERED": "1"}
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.extra_args = tuple(extra_args)
        self.process: subprocess.Popen | None = None
        self.port: int | None = None
        self.started_at: float | None = None   # perf_counter() just before the spawn
        self.startup_seconds: float | None = None

    # lifecycle

    def start(self, wait: bool = True) -> "ServerProcess":
        """Spawn the server; with wait, return once /api/health answers 200."""
        if self.running:
            raise ServerError("the server is already running")
        self.port = None
        with open(self.log_path, "ab") as log:
            log.write(f"\n===== start {time.strftime('%H:%M:%S')} data={self.data_dir}\n".encode())
            self._log_offset = log.tell()
            self.started_at = time.perf_counter()
            self.process = subprocess.Popen(
                [sys.executable, RUN_PY, "--no-build", "--host", "127.0.0.1", "--port", "0",
                 "--data-dir", self.data_dir, *self.extra_args],
                cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True)
        _LIVE.add(self)
        if wait:
            self.wait_healthy()
        return self

    def wait_healthy(self, timeout: float | None = None) -> None:
        """Block until /api/health answers 200; raise ServerError (with the log) otherwise."""
        deadline = time.monotonic() + (timeout or self.startup_timeout)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"the server exited with {self.process.returncode} while "
                                  f"starting\n{self.log_tail()}")
            if self.port is None:
                self.port = self._port_from_log()
            if self.port is not None and self._healthy():
                self.startup_seconds = time.perf_counter() - self.started_at
                return
            time.sleep(0.02)
        self.kill9()
        raise ServerError(f"no healthy answer within {timeout or self.startup_timeout}s\n"
                          f"{self.log_tail()}")

    def stop(self, timeout: float | None = None) -> int | None:
        """SIGTERM, then SIGKILL if it has not exited in time; returns the exit code."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout or self.stop_timeout)
            except subprocess.TimeoutExpired:
                return self.kill9()
        return self._forget()

    def kill9(self) -> int | None:
        """SIGKILL every process of the server (a crash: nothing gets to run) and reap it."""
        if self.process is None:
            return None
        try:
            os.killpg(self.process.pid, signal.SIGKILL)   # gunicorn's master and workers
        except ProcessLookupError:
            pass
        self.process.wait()
        return self._forget()

    def worker_pids(self) -> list[int]:
        """The pids of the server's worker processes (children of the master)."""
        try:
            with open(f"/proc/{self.pid}/task/{self.pid}/children", encoding="ascii") as found:
                return [int(pid) for pid in found.read().split()]
        except OSError:
            return []

    def _forget(self) -> int:
        code = self.process.returncode
        _LIVE.discard(self)
        return code

    def restart(self) -> "ServerProcess":
        """Stop cleanly and start again on the same data directory."""
        self.stop()
        return self.start()

    def __enter__(self) -> "ServerProcess":
        return self if self.running else self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # facts

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise ServerError("the server has not reported its port yet")
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of a path such as /api/health."""
        return self.base_url + path

    def rss_kib(self) -> int | None:
        """The resident memory (VmRSS) in KiB of the master and its workers, from /proc."""
        sizes = [_rss_kib(pid) for pid in [self.pid, *self.worker_pids()]]
        return sum(s for s in sizes if s is not None) if any(sizes) else None

    def log_tail(self, lines: int = 60) -> str:
        """The last lines the server wrote, for failure messages."""
        try:
            with open(self.log_path, "rb") as log:
                text = log.read()[-200_000:].decode(errors="replace")
        except OSError:
            return "(no server log)"
        return f"--- {self.log_path} (tail) ---\n" + "\n".join(text.splitlines()[-lines:])

    def _port_from_log(self) -> int | None:
        with open(self.log_path, "rb") as log:
            log.seek(self._log_offset)
            found = _SERVING.search(log.read())
        return int(found.group(1)) if found else None

    def _healthy(self) -> bool:
        try:
            return requests.get(self.url("/api/health"), timeout=2).status_code == 200
        except requests.RequestException:
            return False


@contextlib.contextmanager
def serving(data_dir, storage: str, env: dict):
    """A started server on `storage` (tinydb, or postgresql in a schema of its own, dropped
    afterwards), stopped when the block ends."""
    from tests.support.postgres import drop_schema, new_schema_url
    database = new_schema_url() if storage == "postgresql" else None
    process = ServerProcess(data_dir, env={**env, **({"DATABASE_URL": database}
                                                     if database else {})})
    try:
        yield process.start()
    finally:
        process.stop()
        if database:
            drop_schema(database)


def _rss_kib(pid) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, TypeError):
        return None
    return None


@atexit.register
def _stop_leftovers() -> None:
    """A server a crashed test forgot must not outlive the test run."""
    for server in list(_LIVE):
        try:
            server.kill9()
        except Exception:  # noqa: BLE001 - best effort at interpreter exit
            pass
