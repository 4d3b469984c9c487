"""The field workflows from Python: a JSON secret to config.toml (placeholders kept, or filled
in from the environment), runner fragments, and secrets kept out of reprs."""

from __future__ import annotations

import json
import os
import tomllib

import pytest

from conftest import ROOT
from wetwire_gitlab.runner_config import Config, ConfigValueError, DockerConfig, Runner, TomlParseError

AUTOSCALER = (ROOT / "cli" / "tests" / "fixtures" / "autoscaler.json").read_text()
DOCKER = (ROOT / "cli" / "tests" / "fixtures" / "secret.json").read_text()


@pytest.fixture
def environment(monkeypatch):
    for name in ("RUNNER_TOKEN", "ASG_NAME", "KEY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_from_json_keeps_placeholders_by_default(environment):
    environment.setenv("RUNNER_TOKEN", "glrt-unused")
    config = Config.from_json(AUTOSCALER)
    assert config.runners[0].token == "${RUNNER_TOKEN}"
    assert tomllib.loads(config.to_toml()) == json.loads(AUTOSCALER)


def test_from_json_expands_the_autoscaler_shape(environment):
    environment.setenv("RUNNER_TOKEN", 'glrt-a$$b"c')
    environment.setenv("ASG_NAME", "asg-1")
    config = Config.from_json(AUTOSCALER, expand_env=True)
    expected = json.loads(AUTOSCALER)
    expected["runners"][0]["token"] = 'glrt-a$$b"c'
    expected["runners"][0]["autoscaler"]["plugin_config"]["name"] = "asg-1"
    assert tomllib.loads(config.to_toml()) == expected
    autoscaler = config.runners[0].autoscaler
    assert (autoscaler.capacity_per_instance, autoscaler.max_use_count, autoscaler.max_instances) == (1, 1, 10)
    assert [p.idle_count for p in autoscaler.policy] == [5, 2]


def test_from_json_expands_the_docker_shape_and_dollars(environment):
    environment.setenv("RUNNER_TOKEN", "glrt-x")
    environment.setenv("KEY", "AKIA")
    data = json.loads(DOCKER)
    data["runners"][0]["environment"].append("PRICE=$$5")
    config = Config.from_json(json.dumps(data), expand_env=True)
    runner = config.runners[0]
    assert (runner.token, runner.cache.s3.access_key) == ("glrt-x", "AKIA")
    assert runner.environment[1] == "PRICE=$5"
    assert "glrt-x" not in repr(config) and "AKIA" not in repr(config)


def test_a_missing_variable_is_named_with_its_key_path(environment):
    environment.setenv("ASG_NAME", "asg-1")
    with pytest.raises(ConfigValueError) as raised:
        Config.from_json(AUTOSCALER, expand_env=True)
    assert str(raised.value) == "runners[0].token: environment variable RUNNER_TOKEN is not set"


def test_invalid_json_says_where():
    with pytest.raises(ValueError, match=r"line 1 column 2"):
        Config.from_json("{]")


def test_runner_fragments_from_dict_and_toml():
    text = 'name = "docker"\nurl = "https://gitlab.example.com"\nexecutor = "docker"\n\n[docker]\n  image = "alpine"\n'
    runner = Runner.from_toml(text)
    assert runner == Runner.from_dict({"name": "docker", "url": "https://gitlab.example.com",
                                       "executor": "docker", "docker": {"image": "alpine"}})
    assert Config(1, [runner]).to_toml() == (
        'concurrent = 1\n\n[[runners]]\n  name = "docker"\n  url = "https://gitlab.example.com"\n'
        '  executor = "docker"\n\n  [runners.docker]\n    image = "alpine"\n'
    )
    with pytest.raises(TomlParseError) as raised:
        Runner.from_toml("url = 3\n")
    assert str(raised.value) == "url: expected string, got integer (line 1, column 7)"


def test_secret_looking_environment_entries_are_masked_in_reprs():
    runner = Runner(
        "r", "https://gitlab.example.com", "glrt-t", "shell",
        environment=["A=1", "MY_TOKEN=t1", "db_password=p1", "API_SECRET=s1", "SSH_KEY=k1",
                     'DOCKER_AUTH_CONFIG={"auths":{}}', "NOVALUE"],
    )
    shown = repr(Config(1, [runner]))
    assert ("environment=['A=1', 'MY_TOKEN=***', 'db_password=***', 'API_SECRET=***', 'SSH_KEY=***', "
            "'DOCKER_AUTH_CONFIG=***', 'NOVALUE']") in shown
    for secret in ("t1", "p1", "s1", "k1", "auths", "glrt-t"):
        assert secret not in shown
    assert runner.environment[1] == "MY_TOKEN=t1"


def test_docker_auth_config_reaches_the_file_exactly_and_never_a_repr():
    from wetwire_gitlab.runner_config.workflows import docker_auth_config

    value = docker_auth_config("registry.example.com:5000", "ci-bot", 'p@ss"w\\rd')
    assert json.loads(value) == {"auths": {"registry.example.com:5000": {"auth": "Y2ktYm90OnBAc3Mid1xyZA=="}}}
    runner = Runner("docker", "https://gitlab.example.com", "glrt-t", "docker", environment=["DOCKER_AUTH_CONFIG=old", "A=1"],
                    docker=DockerConfig(image="alpine"))
    runner.add_environment("DOCKER_AUTH_CONFIG", value)
    config = Config(1, [runner])
    assert runner.environment == ["A=1", f"DOCKER_AUTH_CONFIG={value}"]
    rendered = tomllib.loads(config.to_toml())["runners"][0]["environment"][1]
    assert json.loads(rendered.split("=", 1)[1]) == json.loads(value)
    assert [d for d in config.validate() if d.severity == "error"] == []
    assert "Y2kt" not in repr(config) and "DOCKER_AUTH_CONFIG=***" in repr(config)
    assert json.loads(docker_auth_config("123.dkr.ecr.eu-west-1.amazonaws.com", cred_helper="ecr-login")) == {
        "credHelpers": {"123.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"}
    }
    assert json.loads(docker_auth_config(creds_store="pass")) == {"credsStore": "pass"}
    with pytest.raises(ValueError, match="^username: a Docker registry username cannot hold ':'$"):
        docker_auth_config("r", "a:b", "secret")
    with pytest.raises(ValueError, match="^give registry with username and password"):
        docker_auth_config("r", "u")
    with pytest.raises(AttributeError):
        Config(1).add_environment("A", "1")


def test_from_json_refuses_a_key_written_twice() -> None:
    with pytest.raises(ValueError, match='^invalid JSON: key "concurrent" written twice in one object$'):
        Config.from_json('{"concurrent": 1, "concurrent": 2}')
