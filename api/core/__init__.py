"""Domain core: models, error codes and permission rules, free of Flask and storage."""
