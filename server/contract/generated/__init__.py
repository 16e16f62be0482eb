# generated from openapi/openapi.yaml (sha256 26fccdaf4c717d0f418a833b68213bd619c722d2257354fd4de28c3045309a01), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract, exact (the SDK's models.py reads leniently)."""
