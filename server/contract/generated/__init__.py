# generated from openapi/openapi.yaml (sha256 f072d6df1faa9820c6a4f2ed0b1945c09d41baaa1af96bde5f5ac64dcebe9af3), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract: the same file as the Python SDK's models.py."""
