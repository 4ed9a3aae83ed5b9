"""The error-code registry (API.md §2) and the ApiError family that services raise."""

from __future__ import annotations

ERROR_CODES: dict[str, tuple[int, str]] = {
    "0000": (200, "Operation successful"),
    "0001": (403, "Public-content quota of your role exceeded"),
    "0002": (429, "Daily AI request quota of your role exceeded"),
    "0003": (409, "Operation not allowed in the resource's current state"),
    "0004": (429, "Too many AI requests in a short time"),
    "0005": (429, "Too many requests of this kind; try again later"),
    "1001": (401, "Missing or malformed bearer token"),
    "1002": (401, "Token expired, revoked or invalid"),
    "1003": (401, "Wrong username, email or password"),
    "1004": (403, "You are not allowed to do this"),
    "1005": (403, "This account is banned"),
    "1006": (401, "Missing or wrong API key"),
    "1007": (429, "Too many login attempts or wrong passwords; try again later"),
    "2001": (400, "Invalid parameters"),
    "2002": (400, "Required field missing"),
    "2003": (400, "Request body missing or not a JSON object"),
    "2004": (400, "Batch larger than allowed"),
    "2005": (405, "Method not allowed on this route"),
    "2006": (413, "Request body too large"),
    "3001": (404, "Resource not found"),
    "3002": (409, "Resource already exists"),
    "3003": (404, "Task not found"),
    "4001": (503, "AI service not configured or unavailable"),
    "4002": (502, "AI provider returned an error"),
    "4003": (504, "AI provider timed out"),
    "4004": (502, "AI output unusable"),
    "5001": (500, "Internal error"),
    "5002": (503, "Storage unavailable"),
}


class ApiError(Exception):
    """An error with a registry code, an HTTP status and a human sentence."""

    error_code = "5001"

    def __init__(self, detail: str | None = None, *, data: dict | None = None,
                 headers: dict | None = None, error_code: str | None = None):
        self.error_code = error_code or self.error_code
        self.status, default_detail = ERROR_CODES[self.error_code]
        self.detail = detail or default_detail
        self.data = data
        self.headers = headers or {}
        super().__init__(self.detail)


class QuotaExceeded(ApiError):
    """The caller's role does not allow more public content (0001)."""
    error_code = "0001"


class AiQuotaExceeded(ApiError):
    """The caller's daily AI request quota is used up (0002)."""
    error_code = "0002"


class InvalidState(ApiError):
    """The operation is not allowed in the resource's current state (0003)."""
    error_code = "0003"


class MissingToken(ApiError):
    """No usable bearer token was sent (1001)."""
    error_code = "1001"


class InvalidToken(ApiError):
    """The token is expired, revoked or signed wrongly (1002)."""
    error_code = "1002"


class BadCredentials(ApiError):
    """Unknown account or wrong password, answered alike (1003)."""
    error_code = "1003"


class Forbidden(ApiError):
    """Authenticated but not allowed by role or ownership (1004)."""
    error_code = "1004"


class AccountBanned(ApiError):
    """The account is banned (1005)."""
    error_code = "1005"


class BadApiKey(ApiError):
    """Missing or wrong X-API-Key on an internal endpoint (1006)."""
    error_code = "1006"


class TooManyAttempts(ApiError):
    """Password guesses or login attempts are throttled (1007); carries Retry-After."""
    error_code = "1007"

    def __init__(self, retry_after: int, detail: str | None = None):
        super().__init__(detail or f"Too many login attempts; try again in {retry_after} seconds",
                         headers={"Retry-After": str(retry_after)},
                         data={"retry_after": retry_after})


class Throttled(ApiError):
    """Too many requests of a kind that is not a password guess (0005); carries Retry-After."""
    error_code = "0005"

    def __init__(self, retry_after: int, detail: str | None = None):
        super().__init__(detail or f"Too many requests of this kind; try again in {retry_after} "
                         "seconds", headers={"Retry-After": str(retry_after)},
                         data={"retry_after": retry_after})


class ValidationFailed(ApiError):
    """Invalid parameters (2001); `fields` names each bad field."""
    error_code = "2001"

    def __init__(self, fields: dict[str, str], detail: str | None = None, *,
                 error_code: str | None = None):
        names = ", ".join(sorted(fields))
        super().__init__(detail or f"Invalid parameters: {names}", data={"fields": fields},
                         error_code=error_code)


class MissingField(ValidationFailed):
    """A required field is missing (2002)."""
    error_code = "2002"

    def __init__(self, fields: dict[str, str], detail: str | None = None):
        names = ", ".join(sorted(fields))
        super().__init__(fields, detail or f"Required field missing: {names}",
                         error_code="2002")


class BadBody(ApiError):
    """The body is missing, not JSON, or not a JSON object (2003)."""
    error_code = "2003"


class BatchTooLarge(ApiError):
    """A batch holds more items than allowed (2004)."""
    error_code = "2004"


class NotFound(ApiError):
    """The resource does not exist or the caller may not see it (3001)."""
    error_code = "3001"

    def __init__(self, kind: str = "resource", detail: str | None = None,
                 data: dict | None = None):
        super().__init__(detail or f"{kind.capitalize()} not found", data=data)


class AlreadyExists(ApiError):
    """A unique value is already taken (3002)."""
    error_code = "3002"

    def __init__(self, field: str, detail: str | None = None):
        super().__init__(detail or f"{field} is already taken",
                         data={"fields": {field: "already taken"}})


class TaskNotFound(ApiError):
    """The task does not exist or is not the caller's (3003)."""
    error_code = "3003"


class StorageUnavailable(ApiError):
    """Storage cannot accept or serve the request (5002)."""
    error_code = "5002"


def status_for(code: str) -> int:
    """The HTTP status registered for an error code."""
    return ERROR_CODES[code][0]
