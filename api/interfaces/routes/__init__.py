"""One create_<resource>_bp factory per resource; handlers parse, call a service, envelope."""
