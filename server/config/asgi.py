"""ASGI entry point (`uvicorn server.config.asgi:application`).

Django's ASGI handler runs each request's synchronous code (views, the ORM) in a thread of that request's own,
so a persistent database connection (CONN_MAX_AGE) would be opened per request and never reused nor closed,
until PostgreSQL refuses connections. The settings therefore give ASGI connections that last one request,
taken from psycopg's pool when it is installed (server/config/settings/base.py, DJANGO_SERVER_INTERFACE).
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.config.settings.production")
os.environ["DJANGO_SERVER_INTERFACE"] = "asgi"
application = get_asgi_application()
