"""Serve the hand-authored contract itself, byte for byte as YAML and as JSON."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from .spec import get_contract


@require_GET
def contract_yaml(request: HttpRequest) -> HttpResponse:
    contract = get_contract()
    return HttpResponse(contract.source.read_bytes(), content_type="application/yaml; charset=utf-8")


@require_GET
def contract_json(request: HttpRequest) -> HttpResponse:
    body = json.dumps(get_contract().document, ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/json")
