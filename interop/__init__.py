"""`make interop`: the contract and a live server against third-party tools (see interop/run.py)."""
