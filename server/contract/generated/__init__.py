# generated from openapi/openapi.yaml (sha256 4e81619cedf6e81cea6f64df3649c5829b5103df5d6fbad514058112dcfa8523), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract: the same file as the Python SDK's models.py."""
