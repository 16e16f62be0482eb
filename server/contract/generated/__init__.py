# generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`
"""The contract's string enums as Django choices (the values the server stores)."""
