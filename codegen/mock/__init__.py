"""`contract mock`: a contract as a mock API (validated requests, answers from examples or schemas)."""
