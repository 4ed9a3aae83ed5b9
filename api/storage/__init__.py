"""The storage contract and its backends."""

from storage.base import DuplicateKey, Page, Query, Storage, StorageError


def create_storage(data_dir: str, database_url: str = "", snapshot_mb: int = 8) -> Storage:
    """The backend the configuration asks for."""
    if database_url:
        raise StorageError("the PostgreSQL backend is not available in this version; "
                           "unset DATABASE_URL to use the embedded TinyDB storage")
    from storage.tinydb_storage import TinyDBStorage
    return TinyDBStorage(data_dir, snapshot_bytes=snapshot_mb * 1024 * 1024)


__all__ = ["DuplicateKey", "Page", "Query", "Storage", "StorageError", "create_storage"]
