# generated from openapi/openapi.yaml (sha256 32dd46115fd685ef635198838491430756882ff5b4f8cf179ccab7f924c7d372), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract, exact (the SDK's models.py reads leniently)."""
