"""Wrong input gets an exception naming the key path; secrets never show."""

from __future__ import annotations

import datetime

import pytest

from wetwire_gitlab.runner_config import (
    CacheConfig,
    CacheS3Config,
    Config,
    ConfigTypeError,
    ConfigValueError,
    DockerConfig,
    Executor,
    KubernetesConfig,
    Runner,
    SSHConfig,
    TomlParseError,
    UnknownKeyWarning,
)


def config_with(**docker: object) -> Config:
    return Config(1, [Runner("n", "u", "t", "docker", docker=DockerConfig(**docker))])  # type: ignore[arg-type]


def test_wrong_type_names_the_path() -> None:
    with pytest.raises(ConfigTypeError) as caught:
        config_with(privileged="yes").to_toml()
    assert str(caught.value) == "runners[0].docker.privileged: expected bool, got str"
    assert caught.value.path == "runners[0].docker.privileged"
    assert isinstance(caught.value, TypeError)


def test_every_problem_is_reported() -> None:
    with pytest.raises(ConfigTypeError) as caught:
        config_with(privileged=1, volumes=["/a", 2], cpu_shares=True, sysctls={"a": 1}).to_toml()
    assert str(caught.value).splitlines() == [
        "runners[0].docker.privileged: expected bool, got int",
        "runners[0].docker.volumes[1]: expected string, got int",
        "runners[0].docker.cpu_shares: expected integer, got bool",
        "runners[0].docker.sysctls.a: expected string, got int",
    ]
    assert [e.path for e in caught.value.errors][:2] == ["runners[0].docker.privileged", "runners[0].docker.volumes[1]"]


def test_a_table_of_the_wrong_class() -> None:
    runner = Runner("n", "u", "t", "docker", docker=KubernetesConfig())  # type: ignore[arg-type]
    with pytest.raises(ConfigTypeError, match=r"^runners\[0\]\.docker: expected DockerConfig, got KubernetesConfig$"):
        Config(1, [runner]).to_toml()
    with pytest.raises(ConfigTypeError, match=r"^runners\[0\]: expected table \(Runner\), got str$"):
        Config(1, ["runner"]).to_toml()  # type: ignore[list-item]


def test_misspelled_attribute_is_caught_with_a_suggestion() -> None:
    runner = Runner("n", "u", "t", "shell")
    runner.buids_dir = "/builds"  # type: ignore[attr-defined]
    with pytest.raises(ConfigTypeError, match=r"^runners\[0\]\.buids_dir: unknown key; did you mean builds_dir\?$"):
        Config(1, [runner]).to_toml()
    s3 = CacheS3Config()
    s3.bucket_nme = "b"  # type: ignore[attr-defined]
    with pytest.raises(ConfigTypeError, match=r"^bucket_nme: unknown key; did you mean bucket_name\?$"):
        s3.to_dict()


def test_dict_keys_must_be_strings() -> None:
    with pytest.raises(ConfigTypeError, match=r"^pod_labels: expected table, got dict with a key that is not a str$"):
        KubernetesConfig(pod_labels={1: "a", "1": "b"}).to_dict()  # type: ignore[dict-item]


def test_errors_survive_pickling() -> None:
    import pickle

    with pytest.raises(ConfigTypeError) as caught:
        Config("x").to_toml()  # type: ignore[arg-type]
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), str(again), again.path) == (ConfigTypeError, "concurrent: expected integer, got str", "concurrent")


def test_durations_are_checked() -> None:
    config = Config(1, connection_max_age="15 minutes")
    with pytest.raises(ConfigValueError) as caught:
        config.to_toml()
    assert str(caught.value) == (
        "connection_max_age: invalid duration \"15 minutes\": spaces are not allowed (Go syntax, e.g. \"1h30m\")"
    )
    assert isinstance(caught.value, ValueError)
    config.connection_max_age = datetime.timedelta(hours=1, minutes=30)
    assert config.to_toml() == 'concurrent = 1\nconnection_max_age = "1h30m0s"\n'
    # An integer is nanoseconds, as gitlab-runner reads it, and parsing gives it back as such.
    parsed = Config.from_toml("connection_max_age = 3000000000\n")
    assert parsed.connection_max_age == 3000000000
    assert parsed.to_toml() == "connection_max_age = 3000000000\n"


def test_a_cycle_in_free_form_settings_is_an_error_not_a_crash() -> None:
    from wetwire_gitlab.runner_config import AutoscalerConfig

    plugin_config: dict = {"name": "x"}
    plugin_config["self"] = plugin_config
    runner = Runner("n", "u", "t", "docker-autoscaler", autoscaler=AutoscalerConfig(plugin_config=plugin_config))
    with pytest.raises(ConfigTypeError) as caught:
        Config(1, [runner]).to_toml()
    assert str(caught.value) == (
        "runners[0].autoscaler.plugin_config.self: nested more than 64 levels deep (is there a cycle?)"
    )


def test_integers_out_of_toml_range() -> None:
    with pytest.raises(ConfigValueError, match=r"^concurrent: integer out of range \(TOML integers are 64-bit\)$"):
        Config(2**63).to_toml()


def test_repr_never_shows_secrets() -> None:
    s3 = CacheS3Config(access_key="AKIAREALKEY", secret_key="hunter2", session_token="s3ss10n")
    ssh = SSHConfig(user="ci", password="pa55word")
    runner = Runner("n", "u", "glrt-SECRET", "shell", cache=CacheConfig(s3=s3), ssh=ssh)
    text = repr(Config(1, [runner], sentry_dsn="https://key@sentry.example.com/1"))
    for secret in ("AKIAREALKEY", "hunter2", "s3ss10n", "pa55word", "glrt-SECRET", "key@sentry"):
        assert secret not in text
    assert "token='***'" in text and "user='ci'" in text
    assert repr(KubernetesConfig(bearer_token="abc")) == "KubernetesConfig(bearer_token='***')"


def test_parse_errors_are_value_errors_with_a_position() -> None:
    with pytest.raises(TomlParseError) as caught:
        Config.from_toml("concurrent = 1\n[[runners]\n")
    assert isinstance(caught.value, ValueError)
    assert (caught.value.line, caught.value.column) == (2, 11)
    with pytest.raises(TomlParseError) as caught:
        Config.from_toml('[[runners]]\n[runners.docker]\nprivileged = "yes"\n')
    assert str(caught.value) == "runners[0].docker.privileged: expected bool, got string (line 3, column 14)"
    assert (caught.value.path, caught.value.line, caught.value.column) == ("runners[0].docker.privileged", 3, 14)


def test_unknown_keys_strict_and_lenient() -> None:
    text = 'concurrent = 1\n\n[[runners]]\n  buids_dir = "/b"\n  executor = "shell"\n'
    with pytest.raises(TomlParseError, match=r"^runners\[0\]\.buids_dir: unknown key; did you mean builds_dir\? \(line 4, column 3\)$"):
        Config.from_toml(text)
    with pytest.warns(UnknownKeyWarning, match="buids_dir"):
        lenient = Config.from_toml(text, strict=False)
    assert lenient.runners[0].executor is Executor.SHELL
    assert lenient.to_toml() == text
    assert lenient.to_toml(canonical=True) == 'concurrent = 1\n\n[[runners]]\n  executor = "shell"\n  buids_dir = "/b"\n'
    with pytest.warns(UnknownKeyWarning):
        assert lenient == Config.from_toml(lenient.to_toml(), strict=False)
    assert lenient != Config.from_toml('concurrent = 1\n\n[[runners]]\n  executor = "shell"\n')


def test_an_attribute_name_that_is_not_a_str_is_an_error_not_an_empty_table() -> None:
    runner = Runner("n", "u", "t", "shell")
    runner.__dict__[1] = 2  # type: ignore[index]
    with pytest.raises(ConfigTypeError) as caught:
        Config(1, [runner]).to_toml()
    assert str(caught.value) == "runners[0].1: attribute name is not a str but int"
    with pytest.raises(ConfigTypeError):
        runner.to_dict()


def test_an_attribute_name_with_a_lone_surrogate_is_an_error() -> None:
    runner = Runner("n", "u", "t", "shell")
    runner.__dict__["limit\ud800"] = 2
    with pytest.raises(ConfigTypeError) as caught:
        Config(1, [runner]).to_toml()
    # The name is shown with the surrogate replaced: the message itself must be valid text.
    assert str(caught.value) == 'runners[0]."limit\ufffd\ufffd\ufffd": attribute name is not valid Unicode (a lone surrogate)'
