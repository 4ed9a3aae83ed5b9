"""The error-code registry (API.md §2) and the ApiError family that services raise."""

from __future__ import annotations

SUCCESS = "0000"
PUBLIC_QUOTA_EXCEEDED = "0001"
AI_QUOTA_EXCEEDED = "0002"
INVALID_STATE = "0003"
AI_RATE_LIMITED = "0004"
THROTTLED = "0005"
MISSING_TOKEN = "1001"
INVALID_TOKEN = "1002"
BAD_CREDENTIALS = "1003"
FORBIDDEN = "1004"
ACCOUNT_BANNED = "1005"
BAD_API_KEY = "1006"
TOO_MANY_LOGINS = "1007"
INVALID_PARAMETERS = "2001"
MISSING_FIELD = "2002"
BAD_BODY = "2003"
BATCH_TOO_LARGE = "2004"
METHOD_NOT_ALLOWED = "2005"
BODY_TOO_LARGE = "2006"
URI_TOO_LONG = "2007"
NOT_FOUND = "3001"
ALREADY_EXISTS = "3002"
TASK_NOT_FOUND = "3003"
VERSION_CONFLICT = "3004"
AI_UNAVAILABLE = "4001"
AI_PROVIDER_ERROR = "4002"
AI_TIMEOUT = "4003"
AI_OUTPUT_UNUSABLE = "4004"
INTERNAL_ERROR = "5001"
STORAGE_UNAVAILABLE = "5002"

ERROR_CODES: dict[str, tuple[int, str]] = {
    SUCCESS: (200, "Operation successful"),
    PUBLIC_QUOTA_EXCEEDED: (403, "Public-content quota of your role exceeded"),
    AI_QUOTA_EXCEEDED: (429, "Daily AI request quota of your role exceeded"),
    INVALID_STATE: (409, "Operation not allowed in the resource's current state"),
    AI_RATE_LIMITED: (429, "Too many AI requests in a short time"),
    THROTTLED: (429, "Too many requests of this kind; try again later"),
    MISSING_TOKEN: (401, "Missing or malformed bearer token"),
    INVALID_TOKEN: (401, "Token expired, revoked or invalid"),
    BAD_CREDENTIALS: (401, "Wrong username, email or password"),
    FORBIDDEN: (403, "You are not allowed to do this"),
    ACCOUNT_BANNED: (403, "This account is banned"),
    BAD_API_KEY: (401, "Missing or wrong API key"),
    TOO_MANY_LOGINS: (429, "Too many login attempts; try again later"),
    INVALID_PARAMETERS: (400, "Invalid parameters"),
    MISSING_FIELD: (400, "Required field missing"),
    BAD_BODY: (400, "Request body missing or not a JSON object"),
    BATCH_TOO_LARGE: (400, "Batch larger than allowed"),
    METHOD_NOT_ALLOWED: (405, "Method not allowed on this route"),
    BODY_TOO_LARGE: (413, "Request body too large"),
    URI_TOO_LONG: (414, "Request line (method and URL) too long"),
    NOT_FOUND: (404, "Resource not found"),
    ALREADY_EXISTS: (409, "Resource already exists"),
    TASK_NOT_FOUND: (404, "Task not found"),
    VERSION_CONFLICT: (409, "The resource changed since you read it"),
    AI_UNAVAILABLE: (503, "AI service not configured or unavailable"),
    AI_PROVIDER_ERROR: (502, "AI provider returned an error"),
    AI_TIMEOUT: (504, "AI provider timed out"),
    AI_OUTPUT_UNUSABLE: (502, "AI output unusable"),
    INTERNAL_ERROR: (500, "Internal error"),
    STORAGE_UNAVAILABLE: (503, "Storage unavailable"),
}


class ApiError(Exception):
    """An error with a registry code, an HTTP status and a human sentence."""

    error_code = INTERNAL_ERROR

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
    error_code = PUBLIC_QUOTA_EXCEEDED


class AiQuotaExceeded(ApiError):
    """The caller's daily AI request quota is used up (0002)."""
    error_code = AI_QUOTA_EXCEEDED


class AiRateLimited(ApiError):
    """Too many AI requests in a short time (0004); carries Retry-After."""
    error_code = AI_RATE_LIMITED

    def __init__(self, retry_after: int):
        super().__init__(f"Too many AI requests in a short time; try again in {retry_after} "
                         "seconds", headers={"Retry-After": str(retry_after)},
                         data={"retry_after": retry_after})


class AiUnavailable(ApiError):
    """No AI provider is configured, or it cannot be reached (4001)."""
    error_code = AI_UNAVAILABLE


class AiProviderError(ApiError):
    """The AI provider answered with an error, after the retries allowed (4002)."""
    error_code = AI_PROVIDER_ERROR


class AiTimeout(ApiError):
    """The AI provider did not answer in time, after the retries allowed (4003)."""
    error_code = AI_TIMEOUT


class AiOutputUnusable(ApiError):
    """The AI's answer is not JSON or does not match its schema, even after a repair (4004)."""
    error_code = AI_OUTPUT_UNUSABLE


class InvalidState(ApiError):
    """The operation is not allowed in the resource's current state (0003)."""
    error_code = INVALID_STATE


class MissingToken(ApiError):
    """No usable bearer token was sent (1001)."""
    error_code = MISSING_TOKEN


class InvalidToken(ApiError):
    """The token is expired, revoked or signed wrongly (1002)."""
    error_code = INVALID_TOKEN


class BadCredentials(ApiError):
    """Unknown account or wrong password, answered alike (1003)."""
    error_code = BAD_CREDENTIALS


class Forbidden(ApiError):
    """Authenticated but not allowed by role or ownership (1004)."""
    error_code = FORBIDDEN


class AccountBanned(ApiError):
    """The account is banned (1005)."""
    error_code = ACCOUNT_BANNED


class BadApiKey(ApiError):
    """Missing or wrong X-API-Key on an internal endpoint (1006)."""
    error_code = BAD_API_KEY


class TooManyAttempts(ApiError):
    """Password guesses or login attempts are throttled (1007); carries Retry-After."""
    error_code = TOO_MANY_LOGINS

    def __init__(self, retry_after: int, detail: str | None = None):
        super().__init__(detail or f"Too many login attempts; try again in {retry_after} seconds",
                         headers={"Retry-After": str(retry_after)},
                         data={"retry_after": retry_after})


class Throttled(ApiError):
    """Too many requests of a kind that is not a password guess (0005); carries Retry-After."""
    error_code = THROTTLED

    def __init__(self, retry_after: int, detail: str | None = None):
        super().__init__(detail or f"Too many requests of this kind; try again in {retry_after} "
                         "seconds", headers={"Retry-After": str(retry_after)},
                         data={"retry_after": retry_after})


class ValidationFailed(ApiError):
    """Invalid parameters (2001); `fields` names each bad field."""
    error_code = INVALID_PARAMETERS

    def __init__(self, fields: dict[str, str], detail: str | None = None, *,
                 error_code: str | None = None):
        names = ", ".join(sorted(fields))
        super().__init__(detail or f"Invalid parameters: {names}", data={"fields": fields},
                         error_code=error_code)


class MissingField(ValidationFailed):
    """A required field is missing (2002)."""
    error_code = MISSING_FIELD

    def __init__(self, fields: dict[str, str], detail: str | None = None):
        names = ", ".join(sorted(fields))
        super().__init__(fields, detail or f"Required field missing: {names}",
                         error_code=MISSING_FIELD)


class BadBody(ApiError):
    """The body is missing, not JSON, or not a JSON object (2003)."""
    error_code = BAD_BODY


class BatchTooLarge(ApiError):
    """A batch holds more items than allowed (2004)."""
    error_code = BATCH_TOO_LARGE


class BodyTooLarge(ApiError):
    """The request body is larger than the server takes (2006)."""
    error_code = BODY_TOO_LARGE


class NotFound(ApiError):
    """The resource does not exist or the caller may not see it (3001)."""
    error_code = NOT_FOUND

    def __init__(self, kind: str = "resource", detail: str | None = None,
                 data: dict | None = None):
        super().__init__(detail or f"{kind.capitalize()} not found", data=data)


class AlreadyExists(ApiError):
    """A unique value is already taken (3002)."""
    error_code = ALREADY_EXISTS

    def __init__(self, field: str, detail: str | None = None):
        super().__init__(detail or f"{field} is already taken",
                         data={"fields": {field: "already taken"}})


class TaskNotFound(ApiError):
    """The task does not exist or is not the caller's (3003)."""
    error_code = TASK_NOT_FOUND


class VersionConflict(ApiError):
    """The resource moved on since the version the caller based a change on (3004).

    `current` is the resource as it is now, in the shape a read of it answers; the route
    layer serializes it into `data.current`.
    """
    error_code = VERSION_CONFLICT

    def __init__(self, kind: str, current, based_on: int):
        super().__init__(f"This {kind} was changed by someone else since version {based_on}; "
                         f"it is now at version {current_version(current)}. Nothing was "
                         "changed: reload it and apply your edit again.")
        self.kind = kind
        self.current = current
        self.based_on = based_on


def current_version(resource) -> int | None:
    """The version of a resource or of the view wrapping it."""
    inner = getattr(resource, "model", resource)
    return getattr(inner, "version", None)


class StorageUnavailable(ApiError):
    """Storage cannot accept or serve the request (5002)."""
    error_code = STORAGE_UNAVAILABLE
