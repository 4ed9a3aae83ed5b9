"""This process's change marks for one schema, moved by PostgreSQL notifications.

Every transaction that writes sends `pg_notify(channel, "<scope> <scope> ...")` before it
commits; PostgreSQL delivers it to every listening process when, and only if, it commits. Each
process listens on its own connection and counts the notifications per scope.

Delivery is asynchronous: a commit acknowledged to one process may not have reached another's
socket yet, and an answer cached there would then be served stale. So reading the marks runs
one statement on the listening connection first: when a statement ends, PostgreSQL sends that
session every notification of the transactions committed before it, so the marks then count
every write any process has acknowledged. While the listening connection is down, no mark can
be trusted and every check misses; after it comes back, everything earlier is forgotten.
"""

from __future__ import annotations

import logging
import select
import threading
from collections import defaultdict

import psycopg
from psycopg import sql

log = logging.getLogger("storyloom.storage")
RECONNECT_SECONDS = 1.0
MAX_PAYLOAD = 7_900          # PostgreSQL refuses notification payloads of 8,000 bytes or more
EVERYTHING = "*"             # the payload of a commit touching too many scopes to name


def payload_of(scopes) -> str:
    """What a commit notifies: its scopes, or EVERYTHING when they would not fit."""
    payload = " ".join(sorted(scopes))
    return payload if len(payload.encode()) <= MAX_PAYLOAD else EVERYTHING


def channel_of(schema: str) -> str:
    """The notification channel of a schema (an identifier of at most 63 bytes)."""
    return f"storyloom_{schema}"[:63]


def feed_name(channel: str) -> str:
    """The application_name of a channel's listening connections (seen in pg_stat_activity)."""
    return f"feed {channel}"[:63]


class ChangeFeed:
    """Counters per change scope, brought up to date by one statement; see the module docstring."""

    def __init__(self, database_url: str, channel: str, connect):
        self._url = database_url
        self._channel = channel
        self._connect = connect
        self._lock = threading.Lock()       # guards every field below and the connection
        self._marks: dict[str, int] = defaultdict(int)
        self._generation = 0
        self._conn = self._listen()         # fails the start when the server is unreachable
        self._closed = False
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name="storyloom-change-feed")
        self._thread.start()

    def marks(self, scopes) -> tuple:
        """The mark of each scope, after every write committed before this call."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._drain()
                    self._conn.execute("SELECT 1")   # the notifications come with its end
                except psycopg.Error:
                    self._lost()
            if self._conn is None:
                return tuple(object() for _ in scopes)   # equal to nothing: no cache hit
            return tuple((self._generation, self._marks[scope]) for scope in scopes)

    def moved(self, payload: str) -> None:
        """Move the marks of a commit made by this process (its notification comes too)."""
        with self._lock:
            self._count(payload)

    def _count(self, payload: str) -> None:
        if payload == EVERYTHING:
            self._generation += 1          # every mark changes
            return
        for scope in payload.split():
            self._marks[scope] += 1

    def close(self) -> None:
        """Stop listening."""
        with self._lock:
            self._closed = True
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def _listen(self) -> psycopg.Connection:
        conn = self._connect(self._url)
        # Notifications that arrive while a statement runs on this connection reach the
        # handler (psycopg reads them); those arriving between statements are drained.
        conn.add_notify_handler(lambda note: self._count(note.payload))
        conn.execute("SELECT set_config('application_name', %s, false)",
                     (feed_name(self._channel),))
        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        return conn

    def _drain(self) -> None:
        """Count the notifications already on the socket (lock held; never blocks)."""
        pgconn = self._conn.pgconn
        pgconn.consume_input()
        while (note := pgconn.notifies()) is not None:
            self._count(note.extra.decode())

    def _lost(self) -> None:
        conn, self._conn = self._conn, None
        self._generation += 1
        log.warning("change feed lost its connection; cached answers are not used until it "
                    "is back")
        try:
            conn.close()
        except psycopg.Error:
            pass

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                conn = self._conn
            if conn is None:
                self._reconnect()
                continue
            try:
                ready, _, _ = select.select([conn.fileno()], [], [], RECONNECT_SECONDS)
            except (OSError, ValueError, psycopg.Error):
                ready = None
            with self._lock:
                if self._conn is not conn:
                    continue
                try:
                    if ready is None:
                        raise psycopg.OperationalError("the listening socket failed")
                    if ready:
                        self._drain()
                except psycopg.Error:
                    self._lost()

    def _reconnect(self) -> None:
        try:
            conn = self._listen()
        except psycopg.Error:
            threading.Event().wait(RECONNECT_SECONDS)
            return
        with self._lock:
            if self._closed:
                conn.close()
                return
            self._conn = conn
            self._generation += 1
            self._marks.clear()
        log.info("change feed listening again")
