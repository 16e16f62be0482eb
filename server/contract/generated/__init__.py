# generated from openapi/openapi.yaml (sha256 65141b0eaeeb19bbe3cb2fa181272dc8a7153185677fb345f9fbf887c8c82193), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract, exact (the SDK's models.py reads leniently)."""
