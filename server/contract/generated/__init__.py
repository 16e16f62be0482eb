# generated from openapi/openapi.yaml (sha256 444f7198c26a3c657a7e29785c25f62dd07b27a2147222dad7ab85b4fc37d244), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract, exact (the SDK's models.py reads leniently)."""
