"""Time helpers: ISO 8601 UTC timestamps ending in Z, strictly increasing in this process."""

import threading
from datetime import datetime, timedelta, timezone

_lock = threading.Lock()
_last = datetime.min.replace(tzinfo=timezone.utc)


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """A UTC datetime as ISO 8601 with microseconds and a Z suffix."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def now_iso() -> str:
    """The current time as ISO 8601; never equal to an earlier call's, so order is kept."""
    global _last
    with _lock:
        moment = max(utc_now(), _last + timedelta(microseconds=1))
        _last = moment
    return iso(moment)
