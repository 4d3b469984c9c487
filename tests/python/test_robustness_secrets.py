"""A recognisable marker in every secret-bearing field never shows in a repr or str, an
exception, a warning, a diagnostic (Python, and the CLI's text, JSON, Code Quality, SARIF and
GitHub formats) or the CLI's error output, whatever else is wrong with the config."""

from __future__ import annotations

import copy
import json
import subprocess
import warnings
from pathlib import Path
from typing import Any, Dict, List

import pytest

from wetwire_gitlab.runner_config import Config
from wetwire_gitlab.runner_config.errors import ConfigError

MARK = "SeCrEt7f3a"


def secret(name: str) -> str:
    return f"{MARK}-{name}"


def runner(name: str) -> Dict[str, Any]:
    # The same token and keys in two runners: the duplicate-token finding must not quote them.
    return {
        "name": name,
        "url": "https://gitlab.example.com/",
        "token": secret("token"),
        "executor": "kubernetes",
        "environment": [
            'DOCKER_AUTH_CONFIG={"auths":{"r.example.com":{"auth":"' + secret("auth") + '"}}}',
            "API_TOKEN=" + secret("env"),
        ],
        "ssh": {"password": secret("ssh")},
        "kubernetes": {"bearer_token": secret("bearer")},
        "cache": {
            "Type": "s3",
            "s3": {"AccessKey": secret("access"), "SecretKey": secret("secretkey"), "SessionToken": secret("session")},
            "gcs": {"PrivateKey": secret("private")},
            "azure": {"AccountKey": secret("account")},
        },
        "autoscaler": {"connector_config": {"password": secret("connector")}},
    }


SECRETS = {"sentry_dsn": f"https://{MARK}user:{MARK}pass@sentry.example.com/1", "runners": [runner("a"), runner("b")]}


def assert_clean(text: str, where: str) -> None:
    assert MARK not in text, f"a secret shows in {where}:\n{text[:3000]}"


def broken_variants() -> List[Dict[str, Any]]:
    """The secrets beside each kind of mistake: a wrong type, a bad value, a wrong type in the
    secret field itself, an unknown key."""
    variants = []
    for change in (
        lambda d: d.update(concurrent="many"),
        lambda d: d["runners"][0].update(executor="no-such-executor"),
        lambda d: d["runners"][0]["cache"]["s3"].update(SecretKey=[secret("list")]),
        lambda d: d["runners"][0]["kubernetes"].update(bearer_token=12345),
        lambda d: d["runners"][0].update(tokenn=secret("typo")),
    ):
        data = copy.deepcopy(SECRETS)
        change(data)
        variants.append(data)
    return variants


def test_reprs_and_strs_hold_no_secret() -> None:
    config = Config.from_dict(SECRETS)
    objects = [config, config.runners[0], config.runners[0].cache, config.runners[0].cache.s3,
               config.runners[0].cache.gcs, config.runners[0].cache.azure, config.runners[0].kubernetes,
               config.runners[0].ssh, config.runners[0].autoscaler, config.runners[0].autoscaler.connector_config]
    for obj in objects:
        assert_clean(repr(obj), f"repr of {type(obj).__name__}")
        assert_clean(str(obj), f"str of {type(obj).__name__}")
    # The document itself holds them, exactly.
    assert config.to_toml().count(MARK) == 2 * 11 + 2


def test_errors_warnings_and_diagnostics_hold_no_secret() -> None:
    checked = 0
    for data in broken_variants():
        try:
            for diagnostic in Config.from_dict(data).validate():  # a bad value: a finding
                assert_clean(str(diagnostic) + repr(diagnostic), "a diagnostic")
        except ConfigError as error:
            assert_clean(str(error) + repr(error) + repr(getattr(error, "details", "")), "an exception")
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            try:
                config = Config.from_dict(data, strict=False)
            except ConfigError as error:
                assert_clean(str(error), "a lenient exception")
                continue
        assert_clean("".join(str(w.message) for w in seen), "a warning")
        for diagnostic in config.validate():
            assert_clean(str(diagnostic) + repr(diagnostic), "a diagnostic")
        checked += 1
    assert checked >= 1
    findings = Config.from_dict(SECRETS).validate()
    assert {"inline-secret", "duplicate-token"} <= {d.code for d in findings}, sorted({d.code for d in findings})
    for diagnostic in findings:
        assert_clean(str(diagnostic) + repr(diagnostic), "a diagnostic")


def test_parse_errors_of_text_hold_no_secret() -> None:
    text = Config.from_dict(SECRETS).to_toml()
    for broken in (
        text.replace(f'token = "{secret("token")}"', f'token = "{secret("token")}', 1),  # unterminated
        text.replace(f'"{secret("ssh")}"', f"{secret('ssh')}", 1),  # unquoted
        text + f'\n[[runners]]\ntoken = "{secret("token")}"\ntoken = "{secret("token")}"\n',  # duplicate key
        text.replace("[[runners]]", f"[[runners]]\n  tokn = \"{secret('typo')}\"", 1),
    ):
        with pytest.raises(ConfigError) as caught:
            Config.from_toml(broken)
        assert_clean(str(caught.value), "a parse error")


@pytest.mark.parametrize("form", ["text", "json", "gitlab", "sarif", "github"])
def test_cli_reports_and_errors_hold_no_secret(cli: Path, tmp_path: Path, form: str) -> None:
    text = Config.from_dict(SECRETS).to_toml()
    files = {
        "secrets.toml": text,
        "broken.toml": text.replace(f'"{secret("ssh")}"', f"{secret('ssh')}", 1),
        "typo.toml": text.replace("[[runners]]", f"[[runners]]\n  tokn = \"{secret('typo')}\"", 1),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        for lenient in ([], ["--lenient"]):
            result = subprocess.run([str(cli), "lint", "--format", form, *lenient, str(tmp_path / name)],
                                    capture_output=True, text=True)
            assert result.returncode in (0, 1), result.stderr
            assert_clean(result.stdout + result.stderr, f"lint --format {form} {' '.join(lenient)} on {name}")
            if form == "json":
                assert json.loads(result.stdout), f"no findings on {name}"
    for command in (["convert", "--to", "json"], ["fmt", "--check"]):
        result = subprocess.run([str(cli), *command, str(tmp_path / "broken.toml")], capture_output=True, text=True)
        assert result.returncode != 0
        assert_clean(result.stdout + result.stderr, " ".join(command) + " on a broken file")
