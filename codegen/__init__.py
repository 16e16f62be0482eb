"""Contract tooling: lint an OpenAPI 3.0/3.1 document and generate models and SDKs from it.

The command-line entry point is the `contract` console script (`codegen.cli:main`).
"""
