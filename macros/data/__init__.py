"""Data: the YAML loader, the pydantic models, validation into SiteData, schemas, error examples."""
