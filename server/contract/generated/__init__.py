# generated from openapi/openapi.yaml (sha256 31ca2d6ae43d555c7ae0285503eec5072487205bfda89b71d2ec1b7ebabb04a0), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract: the same file as the Python SDK's models.py."""
