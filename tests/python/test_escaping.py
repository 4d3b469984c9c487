"""Strings that break hand-written templates: each rendered file parses back, with Python's own
tomllib, to exactly the values given."""

from __future__ import annotations

import json
import sys

import pytest

from wetwire_gitlab.runner_config import CacheGCSConfig, CacheConfig, Config, DockerConfig, Executor, Runner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

DOCKER_AUTH = json.dumps({"auths": {"registry.example.com": {"auth": "dXNlcjpwYXNz"}}})
PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n"
AWKWARD = [
    f"DOCKER_AUTH_CONFIG={DOCKER_AUTH}",
    'QUOTED="a \\"b\\" c"',
    "BACKSLASHES=C:\\GitLab-Runner\\builds",
    "UNICODE=caf\u00e9 \u65e5\u672c \u0436",
    "EMOJI=\U0001f680\U0001f525",
    "CONTROL=\x00\x01\x07\x08\t\x0b\x0c\r\x1b\x7f\x85",
    "TRIPLE=''' \"\"\" ",
    "KEY=[section] # not a comment = true",
]


def runner() -> Runner:
    r = Runner(
        'name with "quotes" and \\ backslash',
        "https://gitlab.example.com/",
        "${RUNNER_TOKEN}",
        Executor.DOCKER,
        builds_dir="C:\\GitLab-Runner\\builds",
        cache_dir="D:\\builds",
        environment=list(AWKWARD),
        pre_build_script="set -e\necho \"multi\"\nline\n",
        docker=DockerConfig(
            image="alpine",
            sysctls={"net.ipv4.ip_forward": "1", 'weird "key"': "v", "": "empty key", "caf\u00e9": "\u2603"},
        ),
    )
    r.cache_gcs = CacheGCSConfig(private_key=PEM, access_id="runner@project.iam.gserviceaccount.com")
    return r


def test_every_awkward_string_parses_back_exactly() -> None:
    parsed = tomllib.loads(Config(concurrent=1, runners=[runner()]).to_toml())
    got = parsed["runners"][0]
    assert got["name"] == 'name with "quotes" and \\ backslash'
    assert got["builds_dir"] == "C:\\GitLab-Runner\\builds"
    assert got["cache_dir"] == "D:\\builds"
    assert got["environment"] == AWKWARD
    assert got["pre_build_script"] == "set -e\necho \"multi\"\nline\n"
    assert got["docker"]["sysctls"] == {
        "net.ipv4.ip_forward": "1",
        'weird "key"': "v",
        "": "empty key",
        "caf\u00e9": "\u2603",
    }
    assert got["cache"]["gcs"]["PrivateKey"] == PEM


def test_escapes_are_toml_basic_strings() -> None:
    text = Config(concurrent=1, runners=[runner()]).to_toml()
    assert '  builds_dir = "C:\\\\GitLab-Runner\\\\builds"\n' in text
    assert f'"DOCKER_AUTH_CONFIG={DOCKER_AUTH.replace(chr(34), chr(92) + chr(34))}"' in text
    assert '"CONTROL=\\u0000\\u0001\\u0007\\b\\t\\u000B\\f\\r\\u001B\\u007F\\u0085"' in text
    assert '      "net.ipv4.ip_forward" = "1"\n' in text
    assert '      "" = "empty key"\n' in text
    # One line per key: newlines inside values are escaped, never written raw.
    assert all(" = " in line or line.strip().startswith("[") or not line.strip() for line in text.splitlines())


def test_round_trip_through_our_parser() -> None:
    config = Config(concurrent=1, runners=[runner()])
    assert Config.from_toml(config.to_toml()) == config


def test_datetimes_without_seconds_are_written_for_toml_1_0_readers() -> None:
    runner = Runner("n", "u", "t", "shell", token_obtained_at="2024-01-02T03:04Z")  # type: ignore[call-arg]
    text = Config(1, [runner]).to_toml()
    assert "token_obtained_at = 2024-01-02T03:04:00Z\n" in text
    assert tomllib.loads(text)["runners"][0]["token_obtained_at"].isoformat() == "2024-01-02T03:04:00+00:00"
