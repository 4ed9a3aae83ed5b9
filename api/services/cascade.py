"""Deleting a document together with every reference to it (core.cascades), in a transaction."""

from __future__ import annotations

from core.cascades import REFERRERS, forget
from storage.schema import TABLES


def delete_with_references(tx, model_cls, doc_id: str, replacement: str | None = None) -> None:
    """Delete the document; everything that pointed at it forgets it (and is saved)."""
    changed = {}
    for referrer, field in REFERRERS.get(model_cls, ()):
        for item in tx.referencing(referrer, field, doc_id):
            key = (referrer, getattr(item, TABLES[referrer].id_field))
            item = changed.get(key, item)
            forget(item, field, doc_id, replacement)
            changed[key] = item
    for (_, item_id), item in changed.items():
        if item_id != doc_id:
            tx.update(item)
    tx.delete(model_cls, doc_id)
