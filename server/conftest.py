from __future__ import annotations

from typing import Any

import pytest

from server.common.testing import ContractClient, ProjectWorld, client_for, user_make


@pytest.fixture
def anon() -> ContractClient:
    return client_for(None)


@pytest.fixture
def user(db: Any) -> Any:
    return user_make("uma")


@pytest.fixture
def client(user: Any) -> ContractClient:
    return client_for(user)


@pytest.fixture
def world(db: Any) -> ProjectWorld:
    from server.apps.projects.models import Membership, Project

    owner, maintainer, viewer = user_make("olivia"), user_make("max"), user_make("vera")
    project = Project.objects.create(name="Apollo", description="Moon shot")
    for member, role in ((owner, "owner"), (maintainer, "maintainer"), (viewer, "viewer")):
        Membership.objects.create(project=project, user=member, role=role)
    return ProjectWorld(
        project=project,
        owner=owner,
        maintainer=maintainer,
        viewer=viewer,
        outsider=user_make("otto"),
        admin=user_make("ada", is_staff=True),
    )
