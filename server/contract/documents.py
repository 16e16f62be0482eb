"""Serve the contract as YAML and as JSON.

A single-file contract is served byte for byte as written (`.yaml`) and as its JSON form (`.json`). A
multi-file contract (a root with relative `$ref`s into other files) is served in its bundled single-file
form (`codegen/bundle.py`: external refs turned into local `#/components/...` refs, path items inlined), the
same document `contract bundle` writes: clients and tools fetching the contract get one self-contained file.
"""

from __future__ import annotations

import functools
import json

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from codegen.bundle import dump_yaml

from .spec import Contract, get_contract


@functools.cache
def _bundled_yaml(contract: Contract) -> bytes:
    return dump_yaml(contract.document).encode("utf-8")


@require_GET
def contract_yaml(request: HttpRequest) -> HttpResponse:
    contract = get_contract()
    body = _bundled_yaml(contract) if contract.multi_file else contract.source.read_bytes()
    return HttpResponse(body, content_type="application/yaml; charset=utf-8")


@require_GET
def contract_json(request: HttpRequest) -> HttpResponse:
    body = json.dumps(get_contract().document, ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/json")
