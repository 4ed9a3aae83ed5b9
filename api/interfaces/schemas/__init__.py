"""Request and response bodies as pydantic models; the same models feed the Swagger spec."""
