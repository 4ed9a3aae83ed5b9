"""Shared helpers for the model dataclasses."""

import copy
import uuid
from dataclasses import asdict, fields


def new_id() -> str:
    """A fresh uuid4 string, the id format of every resource."""
    return str(uuid.uuid4())


class Model:
    """Mixin giving dataclasses dict conversion that never shares mutable state."""

    def to_dict(self) -> dict:
        """The model as a JSON-ready dict (a deep copy)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, doc: dict):
        """Build the model from a stored document, ignoring unknown and derived keys."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: copy.deepcopy(v) for k, v in doc.items() if k in names})
