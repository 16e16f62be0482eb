"""Validation on and off differ by validation alone (the contract tax compares them): with validation off the
view parses a JSON body as the engine does (parse_json), not through DRF's request.data."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from rest_framework.request import Request


@pytest.mark.django_db
@pytest.mark.parametrize("validation", ["on", "off"])
def test_both_validation_modes_parse_a_body_without_drfs_parser(
    validation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contract tax compares validation alone: with validation off the view parses the JSON body as the
    engine does (parse_json), not through DRF's request.data."""
    from server.apps.projects.models import Membership, Project
    from server.common.testing import client_for, user_make

    owner = user_make("olivia")
    project = Project.objects.create(name="Apollo", description="")
    Membership.objects.create(project=project, user=owner, role="owner")

    def refuse(self: Any) -> Any:
        raise AssertionError("DRF's parser ran")

    monkeypatch.setattr(Request, "data", property(refuse))
    with override_settings(CONTRACT_REQUEST_VALIDATION=validation, CONTRACT_RESPONSE_VALIDATION=validation):
        response = client_for(owner).post(
            f"/api/v1/projects/{project.pk}/tasks", {"title": "Parsed once"}, format="json"
        )
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Parsed once"
