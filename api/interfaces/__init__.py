"""The HTTP layer: ApiBackend, auth guards, routes and request schemas."""
