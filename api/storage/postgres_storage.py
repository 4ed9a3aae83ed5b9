"""PostgreSQL storage: JSONB documents with real columns and indexes, psycopg 3 and a pool.

Several processes and machines may share one database: transactions are SERIALIZABLE, so
PostgreSQL itself isolates writers, and a lost race surfaces as TransactionConflict for
retry_on_conflict. The schema is created and migrated at construction (storage.postgres
.migrations). Reads outside a transaction use pooled autocommit connections. Change marks come
from notifications each transaction sends as it commits (storage.postgres.change_feed), so a
cached answer or a signed-in session is checked without a round trip.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

import orjson
import psycopg
from psycopg.types.json import set_json_dumps, set_json_loads
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

from core.models import User
from storage.base import Storage, StorageError, TransactionScope
from storage.postgres.change_feed import ChangeFeed, channel_of, payload_of
from storage.postgres.doc_cache import DocumentCache
from storage.postgres.errors import cause_of, raise_translated, translate
from storage.postgres.migrations import migrate
from storage.postgres.queries import PostgresReader
from storage.postgres.search import search as search_documents
from storage.postgres.transaction import PostgresTransaction
from storage.schema import SPEC_BY_NAME

log = logging.getLogger("storyloom.storage")

CONNECT_TIMEOUT = 10   # seconds to reach the server
POOL_TIMEOUT = 30      # seconds to wait for a free pooled connection
BATCH = 500            # documents per round trip when streaming a backup
SESSIONS = 10_000      # signed-in sessions whose user and revocation are kept in memory


def _configure(conn: psycopg.Connection) -> None:
    """Pooled connections read and write JSON with orjson (several times faster)."""
    set_json_loads(orjson.loads, conn)
    set_json_dumps(orjson.dumps, conn)


def _connect(database_url: str) -> psycopg.Connection:
    """A direct autocommit connection, or StorageError saying why not (never the URL)."""
    try:
        return psycopg.connect(database_url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.OperationalError:
        raise StorageError("cannot connect to the PostgreSQL server of the database URL: "
                           "check that it runs and accepts this user") from None
    except psycopg.Error:
        raise StorageError("the database URL is not a valid PostgreSQL connection string") \
            from None


class PostgresStorage(PostgresReader, Storage):
    """Every table in one PostgreSQL schema (the first of the URL's search_path)."""

    kind = "postgresql"

    def __init__(self, database_url: str, min_connections: int = 2, max_connections: int = 10):
        self._closed = False
        self._in_transaction = threading.local()
        with _connect(database_url) as conn:
            try:
                migrate(conn)
                version, schema = conn.execute("SELECT current_setting('server_version'), "
                                               "current_schema()").fetchone()
            except psycopg.Error as exc:
                raise_translated(exc, "prepare the schema")
        self._pool = ConnectionPool(
            database_url, min_size=min_connections, max_size=max_connections, open=False,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            configure=_configure, timeout=POOL_TIMEOUT, name="storyloom")
        self._pool.open()
        self._channel = channel_of(schema)
        try:
            self._feed = ChangeFeed(database_url, self._channel, _connect)
        except BaseException:
            self._pool.close()
            raise
        self._sessions: OrderedDict[tuple, tuple] = OrderedDict()
        self._sessions_lock = threading.Lock()
        self._doc_cache = DocumentCache()
        log.info("storage opened", extra={"fields": {"postgresql": version, "schema": schema}})

    # reads outside a transaction: one statement on a pooled autocommit connection

    def _rows(self, sql, params=None, prepare=False):
        if self._closed:
            raise StorageError("storage is closed")
        try:
            with self._pool.connection() as conn:
                return conn.execute(sql, params, prepare=prepare).fetchall()
        except (psycopg.Error, PoolTimeout, PoolClosed) as exc:
            raise_translated(exc, "read")

    # transactions

    def transaction(self) -> TransactionScope:
        return TransactionScope(self)

    def _begin(self) -> PostgresTransaction:
        if getattr(self._in_transaction, "active", False):
            raise RuntimeError("a transaction is already open in this thread")
        if self._closed:
            raise StorageError("storage is closed")
        try:
            conn = self._pool.getconn()
        except (PoolTimeout, PoolClosed) as exc:
            raise_translated(exc, "begin a transaction")
        tx = PostgresTransaction(conn)
        try:
            tx.begin()
        except psycopg.Error as exc:
            self._pool.putconn(conn)
            raise_translated(exc, "begin a transaction")
        self._in_transaction.active = True
        return tx

    def _finish(self, tx: PostgresTransaction, failed: bool) -> None:
        try:
            if failed or tx.failure is not None or not tx.changed:
                self._rollback(tx.conn)
                if not failed and tx.failure is not None:
                    raise StorageError("a failed transaction cannot commit") from tx.failure
                return
            try:
                # Delivered to every listening process when, and only if, the commit succeeds.
                payload = payload_of(tx.scopes)
                tx.conn.execute("SELECT pg_notify(%s, %s)", (self._channel, payload))
                tx.conn.execute("COMMIT")
            except psycopg.Error as exc:
                raise_translated(exc, "commit")
            self._feed.moved(payload)
        finally:
            self._in_transaction.active = False
            self._pool.putconn(tx.conn)

    @staticmethod
    def _rollback(conn: psycopg.Connection) -> None:
        try:
            conn.execute("ROLLBACK")
        except psycopg.Error:
            pass   # a broken connection has no transaction left; the pool discards it

    # the rest of the contract

    def change_marks(self, scopes):
        return self._feed.marks(tuple(scopes))

    def session(self, user_id, jti):
        """The session read, kept while nothing changed the user or their revocations."""
        key = (user_id, jti)
        marks = self._feed.marks((f"user:{user_id}",))
        with self._sessions_lock:
            kept = self._sessions.get(key)
            if kept is not None and kept[0] == marks:
                self._sessions.move_to_end(key)
        if kept is None or kept[0] != marks:
            user, revoked = super().session(user_id, jti)
            kept = (marks, None if user is None else user.to_dict(), revoked)
            with self._sessions_lock:
                self._sessions[key] = kept
                while len(self._sessions) > SESSIONS:
                    self._sessions.popitem(last=False)
        # A model of its own each time: callers may change the user they are handed.
        return (None if kept[1] is None else User.from_dict(kept[1])), kept[2]

    def search(self, viewer, folded, exact, world_id, kinds, page):
        return search_documents(self._rows, viewer, folded, exact, world_id, kinds, page)

    def health(self) -> dict:
        if self._closed:
            return {"writable": False, "detail": "storage is closed"}
        try:
            recovering, read_only = self._rows(
                "SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")[0]
        except StorageError as exc:
            return {"writable": False, "detail": str(exc)}
        if recovering or read_only == "on":
            return {"writable": False, "detail": "the PostgreSQL server is read-only"}
        return {"writable": True, "detail": "writes are durable"}

    def documents(self):
        """Every document, table by table in id order, from one consistent snapshot."""
        if self._closed:
            raise StorageError("storage is closed")
        try:
            conn = self._pool.getconn()
        except (PoolTimeout, PoolClosed) as exc:
            raise_translated(exc, "read the documents")
        try:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for name in SPEC_BY_NAME:
                after = ""
                while True:
                    rows = conn.execute(f"SELECT id, doc FROM {name} WHERE id > %s "
                                        "ORDER BY id LIMIT %s", (after, BATCH)).fetchall()
                    yield from ((name, doc) for _, doc in rows)
                    if len(rows) < BATCH:
                        break
                    after = rows[-1][0]
        except psycopg.Error as exc:
            raise translate(exc, "read the documents") from cause_of(exc)
        finally:
            self._rollback(conn)
            self._pool.putconn(conn)

    def load_documents(self, pairs) -> int:
        with self.transaction() as tx:
            return tx.load(pairs)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._feed.close()
        self._pool.close()
        self._doc_cache.clear()
