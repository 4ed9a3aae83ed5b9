"""The storage contract and its backends."""

from storage.base import (Counts, DuplicateKey, FolderInUse, Page, PageRequest, Reader,
                          StaleVersion, Storage, StorageError, Transaction, TransactionConflict,
                          retry_on_conflict)


def create_storage(data_dir: str, database_url: str = "", snapshot_mb: int = 8) -> Storage:
    """The backend the configuration asks for: PostgreSQL by URL, else TinyDB in data_dir."""
    if database_url:
        from storage.postgres_storage import PostgresStorage
        return PostgresStorage(database_url)
    from storage.tinydb_storage import TinyDBStorage
    return TinyDBStorage(data_dir, snapshot_bytes=snapshot_mb * 1024 * 1024)


__all__ = ["Counts", "DuplicateKey", "FolderInUse", "Page", "PageRequest", "Reader",
           "StaleVersion", "Storage", "StorageError", "Transaction", "TransactionConflict",
           "create_storage", "retry_on_conflict"]
