from __future__ import annotations

import pytest

from docgen.distribute.directory import load_directory
from docgen.model.build import build
from docgen.spec.load import validate_source
from docgen.spec.yamlsource import read_source
from tests.distribute.helpers import DIRECTORY, NOTICE


@pytest.fixture(scope="session")
def directory():
    return load_directory(DIRECTORY)


@pytest.fixture(scope="session")
def notice():
    """(spec, document, source) of the test notice."""
    source = read_source(NOTICE)
    spec = validate_source(source)
    return spec, build(spec), source
