# generated from openapi/openapi.yaml (sha256 515311ae6d117c188c5ecee54bd26b2a9bb02c452482b475088d0af440e22371), do not edit; regenerate with `contract generate`
"""Pydantic models of the contract, exact (the SDK's models.py reads leniently)."""
