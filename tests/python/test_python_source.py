"""`convert --to python` writes a script that rebuilds the config with this package: running it
prints every golden file byte for byte."""

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_file

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.toml"))


def python_for(cli: Path, toml: Path, *options: str) -> str:
    # --no-check: these files are about the generator, not whether gitlab-runner would run them.
    command = [str(cli), "convert", "--no-check", "--from", "toml", "--to", "python", *options, str(toml)]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def run(source: str) -> str:
    return subprocess.run([sys.executable, "-c", source], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name for g in GOLDEN])
def test_the_script_prints_the_golden_file(cli, golden):
    assert run(python_for(cli, golden)) == golden.read_text()


def test_the_guide_example_reads_as_code(cli):
    source = python_for(cli, ROOT / "tests" / "golden" / "guide_complete_example.toml")
    assert source.startswith(
        "from wetwire_gitlab.runner_config import CacheConfig, CacheS3Config, Config, DockerConfig, Executor, Runner\n\n"
        "config = Config(\n    concurrent=10,\n"
    )
    assert "            executor=Executor.DOCKER,\n" in source
    assert source.endswith('\nprint(config.to_toml(), end="")\n')


def test_strings_that_need_escaping_and_missing_required_arguments(cli, tmp_path):
    toml = tmp_path / "odd.toml"
    toml.write_text('[[runners]]\n  name = "a\\"\\\\b\\u2028\\t\\u001b"\n  executor = "shell"\n', encoding="utf-8")
    rendered = subprocess.run(
        [str(cli), "convert", "--no-check", "--from", "toml", "--to", "toml", str(toml)], check=True, capture_output=True, text=True
    ).stdout
    assert run(python_for(cli, toml)) == rendered


def test_an_executor_the_classes_refuse_is_kept_as_text(cli, tmp_path):
    toml = tmp_path / "typo.toml"
    toml.write_text('[[runners]]\n  executor = "docker+autoscaler"\n', encoding="utf-8")
    source = python_for(cli, toml)
    assert "Config.from_toml(" in source
    assert run(source) == toml.read_text(encoding="utf-8")


def test_unknown_keys_kept_leniently_are_kept_as_text(cli, tmp_path):
    toml = tmp_path / "unknown.toml"
    toml.write_text("concurrent = 1\nzzz = 2\n", encoding="utf-8")
    source = python_for(cli, toml, "--lenient")
    assert "strict=False" in source
    assert run(source) == "concurrent = 1\nzzz = 2\n"


def test_every_corpus_file_comes_back_from_its_script(cli):
    """gitlab-runner's own example files (kept leniently: some carry keys the schema does not
    know), each through its script, run in this interpreter, against its canonical rendering."""
    files = sorted(shared_file("corpus/valid").glob("*.toml"))
    assert files
    for path in files:
        expected = subprocess.run(
            [str(cli), "convert", "--no-check", "--from", "toml", "--to", "toml", "--lenient", str(path)],
            check=True, capture_output=True, text=True,
        ).stdout
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(python_for(cli, path, "--lenient"), {})
        assert printed.getvalue() == expected, path.name
