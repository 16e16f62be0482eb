"""The member-access lookups written in SQL answer exactly as the ORM queries they replace.

project_get_for_member and task_get_for_member run on every project-scoped request, so they are raw SQL (see
the comment at project_get_for_member). These tests hold them to the ORM's answer for every kind of caller
and target: the same row, the same columns, the same role, and a 404 exactly where the ORM finds nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.forms.models import model_to_dict

from server.apps.accounts.tests.support import member_add, task_make
from server.apps.projects.models import Membership, Project
from server.apps.projects.selectors import project_get_for_member
from server.apps.tasks.models import Task
from server.apps.tasks.selectors import task_get_for_member
from server.common.errors import NotFound
from server.common.testing import ProjectWorld

pytestmark = pytest.mark.django_db

CALLERS = ("owner", "maintainer", "viewer", "outsider", "admin")


def _orm_project(user: Any, project_id: int) -> Project | None:
    return Project.objects.filter(pk=project_id, memberships__user=user).first()


def _orm_task(user: Any, project_id: int, task_id: int) -> Task | None:
    return Task.objects.filter(pk=task_id, project_id=project_id, project__memberships__user=user).first()


def _role(user: Any, project_id: int) -> str:
    return Membership.objects.get(project_id=project_id, user=user).role


@pytest.fixture
def other_project(world: ProjectWorld) -> Project:
    project = Project.objects.create(name="Elsewhere", description="Not the world's project")
    member_add(project, world.outsider, "owner")
    member_add(project, world.viewer, "maintainer")
    return project


@pytest.mark.parametrize("caller", CALLERS)
def test_project_lookup_matches_the_orm(world: ProjectWorld, other_project: Project, caller: str) -> None:
    user = getattr(world, caller)
    for project_id in (world.project.pk, other_project.pk, other_project.pk + 1000):
        expected = _orm_project(user, project_id)
        if expected is None:
            with pytest.raises(NotFound):
                project_get_for_member(user_id=user.pk, project_id=project_id)
            continue
        found = project_get_for_member(user_id=user.pk, project_id=project_id)
        assert model_to_dict(found) == model_to_dict(expected)
        assert (found.pk, found.created_at, found.updated_at) == (
            expected.pk,
            expected.created_at,
            expected.updated_at,
        )
        assert found.role == _role(user, project_id)


@pytest.mark.parametrize("caller", CALLERS)
def test_task_lookup_matches_the_orm(world: ProjectWorld, other_project: Project, caller: str) -> None:
    user = getattr(world, caller)
    here = task_make(
        world.project, world.owner, "Here", description="in the world's project", priority="high"
    )
    there = task_make(other_project, world.outsider, "There", status="done")
    for project_id in (world.project.pk, other_project.pk, other_project.pk + 1000):
        for task_id in (here.pk, there.pk, there.pk + 1000):
            expected = _orm_task(user, project_id, task_id)
            if expected is None:
                with pytest.raises(NotFound) as raised:
                    task_get_for_member(user_id=user.pk, project_id=project_id, task_id=task_id)
                # Not a member (or no such project) is told apart from no such task, as the contract says.
                member = _orm_project(user, project_id) is not None
                assert ("task" in str(raised.value.detail)) is member
                continue
            found = task_get_for_member(user_id=user.pk, project_id=project_id, task_id=task_id)
            assert model_to_dict(found) == model_to_dict(expected)
            assert (found.created_at, found.updated_at) == (expected.created_at, expected.updated_at)
            assert found.project.pk == project_id
            assert found.project.role == _role(user, project_id)
            # The project's other columns are loaded on first use, not wrong.
            assert found.project.name == Project.objects.get(pk=project_id).name
