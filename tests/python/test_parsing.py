"""Reading real config.toml files: gitlab-runner's own examples (../shared/corpus), strict and
lenient modes, files on disk, and the published JSON Schema."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_file

from wetwire_gitlab.runner_config import (
    Config,
    ConfigValidationError,
    DockerConfig,
    Executor,
    Runner,
    TomlParseError,
    UnknownKeyWarning,
    lint,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")


def corpus(kind: str) -> list:
    folder = shared_file(f"corpus/{kind}")
    return sorted(folder.glob("*.toml"))


def test_every_valid_corpus_file_round_trips() -> None:
    files = corpus("valid")
    assert len(files) == len(json.loads(shared_file("corpus/manifest.json").read_text())["valid"])
    for path in files:
        config = Config.load(path)
        assert Config.from_toml(config.to_toml()) == config, path.name


@pytest.mark.filterwarnings("ignore::wetwire_gitlab.runner_config.UnknownKeyWarning")
def test_every_unknown_key_is_reported_together() -> None:
    manifest = json.loads(shared_file("corpus/manifest.json").read_text())["unknown-keys"]
    for path in corpus("unknown-keys"):
        with pytest.raises(TomlParseError) as caught:
            Config.load(path)
        reported = {error.path.replace("[0]", "") for error in caught.value.errors}
        for key in manifest[path.name]["unknown_keys"]:
            assert any(key == r or key.startswith(r + ".") for r in reported), (path.name, key, reported)
        assert all(error.line is not None for error in caught.value.errors)
        lenient = Config.load(path, strict=False)
        assert Config.from_toml(lenient.to_toml(), strict=False) == lenient


def test_fragments_parse_without_inventing_keys() -> None:
    text = "[[runners]]\n  [runners.docker]\n    image = \"alpine\"\n"
    config = Config.from_toml(text)
    assert config.concurrent is None and config.runners[0].url is None
    assert config.to_toml() == text
    assert config.to_toml(canonical=True) == "[[runners]]\n\n  [runners.docker]\n    image = \"alpine\"\n"
    assert [(d.code, d.path, d.line) for d in config.validate() if d.severity == "error"] == [
        ("missing-key", "runners[0].url", 1),
        ("missing-key", "runners[0].token", 1),
        ("missing-key", "runners[0].executor", 1),
    ]
    with pytest.raises(TypeError):
        Runner(name="hand-built")  # type: ignore[call-arg]


def test_validate_reports_with_positions_from_the_parsed_text() -> None:
    config = Config.from_toml(
        'concurrent = 1\n\n[[runners]]\n  url = "https://gitlab.example.com/ci"\n  token = "${T}"\n'
        '  executor = "docker-ssh"\n  [runners.docker]\n    pull_policy = "sometimes"\n'
    )
    assert [str(d) for d in config.validate()] == [
        "4:3: warning[legacy-ci-url]: runners[0].url: the /ci suffix is a legacy form; use the GitLab instance's URL",
        "6:3: error[removed-executor]: runners[0].executor: the docker-ssh executor was removed in gitlab-runner 16.0; use docker",
        '8:5: error[invalid-value]: runners[0].docker.pull_policy: "sometimes" is not one of "always", "never", "if-not-present"',
    ]


def test_positions_are_dropped_once_the_config_changes() -> None:
    text = 'concurrent = 1\n\n[[runners]]\n  url = "https://x/"\n  token = "${T}"\n  executor = "docker-ssh"\n  [runners.docker]\n'
    config = Config.from_toml(text)
    assert [(d.code, d.line) for d in config.validate()] == [("removed-executor", 6)]
    config.runners.insert(0, Runner("first", "https://x/", "${FIRST_TOKEN}", "shell"))
    assert [(d.code, d.path, d.line) for d in config.validate()] == [("removed-executor", "runners[1].executor", None)]
    assert "${T}" not in repr(vars(config))


def test_subclasses_parse_to_themselves() -> None:
    class Fleet(Config):
        pass

    assert type(Fleet.from_toml("concurrent = 1\n")) is Fleet
    assert type(Fleet.from_dict({"concurrent": 1})) is Fleet


def test_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.toml"
    target.write_text("old\n")
    link = tmp_path / "config.toml"
    link.symlink_to(target)
    Config(3).write(link)
    assert link.is_symlink() and target.read_text() == "concurrent = 3\n"


def test_validate_objects_built_in_python() -> None:
    runner = Runner("r", "https://gitlab.example.com/", "glrt-secret", Executor.DOCKER_SSH, docker=DockerConfig())
    runner.docker.privileged = "yes"  # type: ignore[assignment]
    findings = Config(1, [runner]).validate()
    assert [(d.severity, d.code, d.path, d.line) for d in findings] == [
        ("error", "wrong-type", "runners[0].docker.privileged", None),
        ("info", "inline-secret", "runners[0].token", None),
        ("error", "removed-executor", "runners[0].executor", None),
    ]
    assert all("glrt-secret" not in str(d) for d in findings)


def test_write_creates_a_private_file(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    config = Config(2, [Runner("r", "https://gitlab.example.com/", "${T}", "shell")])
    config.write(target)
    assert target.read_text() == config.to_toml()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert Config.load(target) == config
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_write_keeps_the_old_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    target.write_text("old contents\n")
    target.chmod(0o640)
    Config(2).write(target)
    assert target.read_text() == "concurrent = 2\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_write_removes_what_a_killed_write_left_behind(tmp_path: Path) -> None:
    # A temporary file holding tokens, named as the write names them, of a process that is gone.
    stale = tmp_path / ".config.toml.gitlab-runner-config.2147483646.1.tmp"
    stale.write_text('token = "glrt-left-behind"\n')
    Config(1).write(tmp_path / "config.toml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_write_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    target.write_text("old contents\n")
    broken = Config(1, [Runner("r", "u", "t", "shell", limit="many")])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        broken.write(target)
    with pytest.raises(OSError, match="is a directory"):
        Config(1).write(tmp_path)
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OSError, match="is a symlink to nothing"):
        Config(1).write(dangling)
    assert target.read_text() == "old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml", "dangling.toml"]


def test_from_toml_of_to_toml_is_identity_for_built_configs() -> None:
    from examples import EXAMPLES

    for build in EXAMPLES.values():
        config = build()
        assert Config.from_toml(config.to_toml()) == config


def _datetimes_as_text(value: object) -> object:
    """tomllib gives datetime objects; JSON Schema (like taplo) sees their RFC 3339 text."""
    if isinstance(value, dict):
        return {k: _datetimes_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_datetimes_as_text(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    return value


def test_corpus_against_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "core/generated/gitlab-runner-config.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    rejected = {}
    for path in corpus("valid"):
        data = _datetimes_as_text(tomllib.loads(path.read_text()))
        errors = sorted(".".join(map(str, e.absolute_path)) for e in validator.iter_errors(data))
        if errors:
            rejected[path.name] = errors
    # The valid files the schema rejects hold values gitlab-runner rejects when it runs: a
    # shell it does not have, and a misspelled executor (validation reports both too).
    assert rejected == {
        "commands-testdata-lint-bad-shell-L1.toml": ["runners.0.shell"],
        "docs-executors-docker-autoscaler-L302.toml": ["runners.0.executor"],
    }
    for path in corpus("unknown-keys"):
        data = _datetimes_as_text(tomllib.loads(path.read_text()))
        assert list(validator.iter_errors(data)), f"{path.name}: unknown keys not rejected"


def test_lint_knows_which_release_reads_the_file() -> None:
    text = 'concurrent = 1\n[[runners]]\nurl = "https://gitlab.example.com/"\ntoken = "${T}"\nexecutor = "shell"\npre_clone_script = "echo hi"\n'
    assert [(d.severity, d.code, d.message) for d in lint(text, runner_version="17.0")] == [
        ("error", "removed-key", "pre_clone_script was removed in gitlab-runner 17.0; use pre_get_sources_script")
    ]
    assert [d.code for d in lint(text, runner_version="16.11")] == ["deprecated-key"]
    assert lint(text, runner_version="15.8") == []
    config = Config.from_toml(text)
    assert [d.code for d in config.validate(runner_version="17.0")] == ["removed-key"]
    with pytest.raises(ValueError, match='"latest" is not a gitlab-runner version such as 17.5'):
        lint(text, runner_version="latest")


def test_fragments_are_not_asked_for_what_a_whole_file_needs() -> None:
    snippet = '[[runners]]\nexecutor = "shell"\n'
    assert lint(snippet, fragment=True) == []
    assert [d.code for d in lint(snippet)] == ["concurrent-unset", "missing-key", "missing-key"]


def test_load_reads_files_as_gitlab_runner_does(tmp_path: Path) -> None:
    lone_cr = tmp_path / "lone-cr.toml"
    lone_cr.write_bytes(b"concurrent = 1\rcheck_interval = 3\n")
    with pytest.raises(TomlParseError) as caught:
        Config.load(lone_cr)
    assert caught.value.line == 1
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(b'concurrent = 1\nlog_level = "caf\xe9"\n')
    with pytest.raises(TomlParseError) as caught:
        Config.load(latin1)
    assert str(caught.value) == "not UTF-8 text: byte 0xE9 at offset 31 (line 2, column 17)"
    assert (caught.value.line, caught.value.column) == (2, 17)
    crlf = tmp_path / "crlf.toml"
    crlf.write_bytes(b"concurrent = 2\r\n")
    assert Config.load(crlf) == Config(2)


def test_write_refuses_a_config_gitlab_runner_would_refuse(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    target.write_text("old contents\n")
    bad = Config(1, [Runner("r", "https://gitlab.example.com/", "${T}", "docker")])
    with pytest.raises(ConfigValidationError) as caught:
        bad.write(target)
    assert str(caught.value) == (
        "not written: gitlab-runner would refuse or misread it\n"
        "error[missing-executor-section]: runners[0].docker: the docker executor needs a [runners.docker] section"
    )
    assert [d.code for d in caught.value.diagnostics] == ["missing-executor-section"]
    assert isinstance(caught.value, ValueError)
    assert target.read_text() == "old contents\n"
    bad.write(target, check=False)
    assert 'executor = "docker"' in target.read_text()


def test_lenient_reads_warn_about_each_kept_key() -> None:
    text = '[[runners]]\nname = "r"\nbuids_dir = "/b"\n'
    with pytest.warns(UnknownKeyWarning) as caught:
        config = Config.from_toml(text, strict=False)
    assert [str(w.message) for w in caught] == [
        "3:1: warning[unknown-key]: runners[0].buids_dir: unknown key; did you mean builds_dir?"
    ]
    assert [(d.severity, d.code, d.path) for d in config.validate(fragment=True)] == [
        ("warning", "unknown-key", "runners[0].buids_dir")
    ]
    with pytest.warns(UnknownKeyWarning):
        Config.from_dict({"runners": [{"name": "r", "buids_dir": "/b"}]}, strict=False)


def test_validate_and_lint_place_a_key_written_in_another_case_alike() -> None:
    text = 'concurrent = 1\n[[runners]]\nurl = "https://g.example/"\ntoken = "${T}"\nExecutor = "dockr"\n'
    from_lint = [(d.code, d.line, d.column, d.end_column) for d in lint(text)]
    from_validate = [(d.code, d.line, d.column, d.end_column) for d in Config.from_toml(text).validate()]
    assert ("unknown-executor", 5, 1, 19) in from_lint
    assert ("unknown-executor", 5, 1, 19) in from_validate


def test_parsing_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc
    import weakref

    class Node:
        pass

    text = '[[runners]]\nname = "a"\nurl = "https://gitlab.example.com/"\ntoken = "t"\nexecutor = "shell"\n'
    gc.collect()
    # A cycle of the program's own, made before the call: a young collection still finds it after
    # (the call must not move the program's objects to an older generation).
    cycle = Node()
    cycle.me = cycle
    alive = weakref.ref(cycle)
    del cycle
    Config.from_toml(text)
    gc.collect(0)
    assert alive() is None
    # The collector runs again after a refused text too, and stays off when the program turned it off.
    with pytest.raises(TomlParseError):
        Config.from_toml(text + "[[runners]]\nname = 1\n")
    assert gc.isenabled()
    gc.disable()
    try:
        Config.from_toml(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
