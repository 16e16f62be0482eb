from __future__ import annotations

import pytest

from server.common.testing import ProjectWorld

from .operations import Scene, scene_make


@pytest.fixture
def scene(world: ProjectWorld) -> Scene:
    return scene_make(world)
