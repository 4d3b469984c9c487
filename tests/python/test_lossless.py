"""A config parsed from text keeps its document: to_toml() and write() change only what the
object changed, and keep every comment (fixtures of our own, and the corpus in ../shared)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from conftest import ROOT, shared_file

from wetwire_gitlab.runner_config import Config, DockerConfig, Runner

COMMENTED = ROOT / "core" / "tests" / "fixtures" / "edit" / "commented.toml"


def changed_lines(before: str, after: str) -> list:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_an_unchanged_config_gives_back_its_text_byte_for_byte() -> None:
    text = COMMENTED.read_text()
    assert Config.from_toml(text).to_toml() == text


def test_setting_a_value_changes_one_line_and_keeps_its_comment() -> None:
    text = COMMENTED.read_text()
    config = Config.from_toml(text)
    config.runners[0].limit = 8
    assert changed_lines(text, config.to_toml()) == ["-  limit = 4 # at most 4 jobs", "+  limit = 8 # at most 4 jobs"]


def test_an_added_runner_is_the_only_addition() -> None:
    text = COMMENTED.read_text()
    config = Config.from_toml(text)
    config.runners.append(Runner(name="third", url="https://gitlab.example.com", token="${RUNNER_TOKEN_3}", executor="shell"))
    assert changed_lines(text, config.to_toml()) == [
        "+[[runners]]",
        '+  name = "third"',
        '+  url = "https://gitlab.example.com"',
        '+  token = "${RUNNER_TOKEN_3}"',
        '+  executor = "shell"',
        "+",
    ]


def test_load_modify_write_keeps_every_comment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(COMMENTED.read_text())
    config = Config.load(path)
    config.concurrent = 8
    config.runners[0].docker.privileged = True
    config.write(path)
    written = path.read_text()
    assert changed_lines(COMMENTED.read_text(), written) == [
        "-concurrent = 4 # the host has 4 cores",
        "+concurrent = 8 # the host has 4 cores",
        "-    privileged = false",
        "+    privileged = true",
    ]


def test_a_crlf_file_stays_crlf_through_load_modify_write(tmp_path: Path) -> None:
    def edit(config: Config) -> None:
        config.runners[0].limit = 8
        config.runners.append(Runner(name="third", url="https://gitlab.example.com", token="${T}", executor="shell"))

    lf = Config.from_toml(COMMENTED.read_text())
    edit(lf)
    path = tmp_path / "config.toml"
    path.write_bytes(COMMENTED.read_bytes().replace(b"\n", b"\r\n"))
    config = Config.load(path)
    edit(config)
    config.write(path)
    assert path.read_bytes() == lf.to_toml().replace("\n", "\r\n").encode()


def test_canonical_layout_on_request_carries_the_comments() -> None:
    text = COMMENTED.read_text()
    canonical = Config.from_toml(text).to_toml(canonical=True)
    assert canonical == (ROOT / "core" / "tests" / "fixtures" / "edit" / "commented.canonical.toml").read_text()


def test_a_config_built_in_code_renders_canonically() -> None:
    config = Config(concurrent=2, runners=[Runner(name="a", url="https://gitlab.example.com", token="t", executor="docker", docker=DockerConfig(image="alpine"))])
    assert config.to_toml() == config.to_toml(canonical=True)
    assert config.to_toml().startswith("concurrent = 2\n\n[[runners]]\n")


def test_the_text_is_never_in_the_repr_or_equality() -> None:
    text = COMMENTED.read_text()
    config = Config.from_toml(text)
    assert "RUNNER_TOKEN" not in repr(config)
    assert "#" not in repr(config)
    assert config == Config.from_toml(Config.from_toml(text).to_toml(canonical=True))


def test_every_corpus_file_comes_back_byte_for_byte() -> None:
    folder = shared_file("corpus/valid")
    files = sorted(folder.glob("*.toml"))
    assert len(files) == len(json.loads(shared_file("corpus/manifest.json").read_text())["valid"])
    for path in files:
        text = path.read_text()
        config = Config.from_toml(text)
        assert config.to_toml() == text, path.name


def test_lint_findings_carry_fixes_and_fix_makes_the_safe_ones() -> None:
    from wetwire_gitlab.runner_config import Edit, Fix, fix, lint

    text = '# café\n[[runners]]\n  executor = "docker"\n  buids_dir = "/b" # kept\n  [runners.docker]\n    Privileged = true\n'
    fixes = [(d.code, d.fix) for d in lint(text) if d.fix]
    start = text.index("Privileged")
    assert fixes == [
        ("unknown-key", Fix(False, (Edit(text.index("buids_dir"), text.index("buids_dir") + 9, "builds_dir"),))),
        ("key-case", Fix(True, (Edit(start, start + 10, "privileged"),))),
    ]
    fixed = fix(text)
    assert fixed == text.replace("Privileged", "privileged")
    assert fix(fixed) == fixed
    assert fix(text, unsafe=True) == fixed.replace("buids_dir", "builds_dir")


def test_a_loaded_config_keeps_its_document_through_copies_and_pickle() -> None:
    import copy
    import pickle

    text = COMMENTED.read_text()
    config = Config.from_toml(text)
    for clone in (copy.deepcopy(config), copy.copy(config), pickle.loads(pickle.dumps(config))):
        assert clone.to_toml() == text
