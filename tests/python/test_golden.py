"""Every family of tables, built in Python, against reviewed golden files; each golden file
parses back (tomllib and our parser) to exactly what was built."""

from __future__ import annotations

import sys

import pytest
from conftest import check_golden
from examples import EXAMPLES

from wetwire_gitlab.runner_config import Config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_renders_golden(name: str) -> None:
    check_golden(f"{name}.toml", EXAMPLES[name]().to_toml())


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_output_is_toml_with_the_same_data(name: str) -> None:
    config = EXAMPLES[name]()
    assert tomllib.loads(config.to_toml()) == config.to_dict()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_parses_back_to_an_equal_config(name: str) -> None:
    config = EXAMPLES[name]()
    assert Config.from_toml(config.to_toml()) == config
