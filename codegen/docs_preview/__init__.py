"""`contract docs` / `make docs`: Swagger UI over the working copy of a contract, reloaded on save."""
