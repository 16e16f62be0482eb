"""The real server's URLs, plus the idiomatic-DRF baseline under /baseline/."""

from django.urls import include, path

from server.config.urls import handler404, handler500
from server.config.urls import urlpatterns as server_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]

urlpatterns = [*server_urlpatterns, path("baseline/api/v1/", include("bench.baseline.urls"))]
