"""Fixtures for the checker's tests; docfactory builds the documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # docfactory, whatever pytest's import mode

import docfactory  # noqa: E402


@pytest.fixture
def save(tmp_path):
    """save(document, name="doc.docx") -> Path of the saved .docx under tmp_path."""
    def _save(document, name: str = "doc.docx") -> Path:
        return docfactory.save(document, tmp_path / name)
    return _save
