"""Time helpers: ISO 8601 UTC timestamps ending in Z."""

from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """A UTC datetime as ISO 8601 with milliseconds and a Z suffix."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def now_iso() -> str:
    """The current time as an ISO 8601 UTC string."""
    return iso(utc_now())
