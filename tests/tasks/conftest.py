from __future__ import annotations

import pytest

from tests.tasks.helpers import TASKS, notice, office


@pytest.fixture
def specs(tmp_path):
    """A folder with the office profile and one issued notice of six tasks."""
    folder = office(tmp_path / "specs")
    notice(folder, "giao-ban-thang-9", TASKS)
    return folder
