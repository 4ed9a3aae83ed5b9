"""psycopg and pool errors as the storage contract's errors, in sentences of our own.

Messages never carry statement text, parameters, the URL or a password: the database's own
message stays on the chained cause for statement errors, and is dropped for connection
errors (libpq names hosts there).
"""

from __future__ import annotations

import psycopg
from psycopg_pool import PoolClosed, PoolTimeout

from storage.base import StorageError, TransactionConflict

CONFLICT_STATES = ("40001", "40P01")   # serialization_failure, deadlock_detected
LOCK_NOT_AVAILABLE = "55P03"           # a row another transaction holds (NOWAIT)


def is_connection_error(exc: BaseException) -> bool:
    """Whether the error means the connection, not the statement, failed."""
    if isinstance(exc, (PoolTimeout, PoolClosed)):
        return True
    state = getattr(exc, "sqlstate", None) or ""
    return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)) and \
        (not state or state.startswith(("08", "57P")))


def translate(exc: Exception, doing: str = "run a statement") -> StorageError:
    """The contract's error for a failure while `doing` something."""
    if isinstance(exc, StorageError):
        return exc
    state = getattr(exc, "sqlstate", None)
    if state in CONFLICT_STATES or state == LOCK_NOT_AVAILABLE:
        return TransactionConflict("a concurrent transaction changed the same data; "
                                   "run the transaction again")
    if isinstance(exc, PoolClosed):
        return StorageError("storage is closed")
    if isinstance(exc, PoolTimeout):
        return StorageError("no connection to PostgreSQL became free in time")
    if is_connection_error(exc):
        return StorageError(f"the connection to PostgreSQL failed while trying to {doing}")
    return StorageError(f"PostgreSQL could not {doing} ({type(exc).__name__}, SQLSTATE {state})")


def cause_of(exc: Exception) -> Exception | None:
    """What a translated error may chain: the database's error, unless it may name a host."""
    return None if is_connection_error(exc) else exc


def raise_translated(exc: Exception, doing: str = "run a statement"):
    """Raise the contract's error for exc."""
    error = translate(exc, doing)
    if error is exc:
        raise error
    raise error from cause_of(exc)
