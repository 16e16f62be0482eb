# The API under gunicorn (server/config/gunicorn.conf.py), as `make serve` runs it. Settings come from the
# environment (see README, "Settings"): DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS are required.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=server.config.settings.production \
    HOST=0.0.0.0 \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus

WORKDIR /app
COPY pyproject.toml README.md ./
COPY server ./server
COPY openapi ./openapi
COPY codegen ./codegen
COPY bench ./bench
RUN pip install --no-cache-dir . \
    && useradd --system --uid 10001 app \
    && mkdir -p /app/var && chown app /app/var \
    && DJANGO_SECRET_KEY="collectstatic-only-$(python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
       DJANGO_ALLOWED_HOSTS=localhost python server/manage.py collectstatic --noinput --verbosity 0

USER app
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=2)"
CMD ["gunicorn", "--config", "server/config/gunicorn.conf.py"]
