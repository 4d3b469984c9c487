"""The command line of each package runs the same Rust code: the native binary, the wheel's
console script and the npm package's bin give the same stdout, stderr, exit status and files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

FIXTURES = "cli/tests/fixtures"
NODE_BIN = ROOT / "bindings-wasm" / "pkg" / "bin" / "gitlab-runner-config.js"


@pytest.fixture(scope="module")
def faces(cli: Path) -> dict[str, list[str]]:
    """Each face's command, as a program and its first arguments."""
    script = Path(sys.executable).parent / "gitlab-runner-config"
    assert script.exists(), f"{script} is missing: the wheel installs the console script"
    commands = {"native": [str(cli)], "pip": [str(script)]}
    if NODE_BIN.exists() and shutil.which("node"):
        commands["npm"] = ["node", str(NODE_BIN)]
    else:
        print(f"{NODE_BIN} (or node) is absent: run `make wasm` to compare the npm package's bin too")
    return commands


def run_everywhere(faces: dict[str, list[str]], *arguments: str, stdin: str = "", env: dict | None = None):
    """(stdout, stderr, status) of the native binary; every other face must give the same."""
    results = {}
    for face, command in faces.items():
        process = subprocess.run(
            [*command, *arguments], input=stdin.encode(), capture_output=True, cwd=ROOT, env=env, timeout=60
        )
        results[face] = (process.stdout.decode(), process.stderr.decode(), process.returncode)
    for face, result in results.items():
        assert result == results["native"], f"{face} differs from the native binary for {arguments}"
    return results["native"]


def test_lint_text_and_json(faces):
    out, err, status = run_everywhere(faces, "lint", f"{FIXTURES}/misspelled.toml", f"{FIXTURES}/clean.toml")
    assert (status, err) == (1, "")
    assert out.startswith(f"{FIXTURES}/misspelled.toml:")
    assert out.endswith("2 files: 3 errors, 1 warning, 0 notes\n")
    out, err, status = run_everywhere(faces, "lint", "--format", "json", f"{FIXTURES}/misspelled.toml")
    assert status == 1 and out.startswith('[\n  {\n    "file": "cli/tests/fixtures/misspelled.toml",')


def test_convert_from_a_file_and_from_stdin(faces):
    out, err, status = run_everywhere(faces, "convert", "--from", "json", "--to", "toml", f"{FIXTURES}/secret.json")
    assert status == 0 and out.startswith('concurrent = 2\n\n[[runners]]\n  name = "from-a-secret-store"\n')
    piped = run_everywhere(faces, "convert", "--from", "toml", "--to", "json", stdin=out)
    assert piped[2] == 0 and piped[0].startswith('{\n  "concurrent": 2,')


def test_convert_writes_the_same_private_file(faces, tmp_path):
    written = {}
    for face in faces:
        target = tmp_path / f"{face}.toml"
        result = run_everywhere({"native": faces[face]}, "convert", "--from", "json", "--to", "toml", "-o", str(target), f"{FIXTURES}/secret.json")
        assert result == ("", "", 0)
        written[face] = (target.read_text(), stat.S_IMODE(target.stat().st_mode))
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert len(set(written.values())) == 1 and written["native"][1] == 0o600


def test_explain_version_and_errors(faces):
    out, err, status = run_everywhere(faces, "explain", "unknown-key")
    assert status == 0 and out.startswith("unknown-key (error): ")
    assert run_everywhere(faces, "--version")[0].startswith("gitlab-runner-config ")
    out, err, status = run_everywhere(faces, "lint", "--format", "xml", "x.toml")
    assert (out, status) == ("", 2)
    assert err.startswith("error: --format xml: expected one of text, json, gitlab, sarif, github\n\nusage:")
    out, err, status = run_everywhere(faces, "lint", "missing.toml")
    assert (err, status) == ("error: missing.toml: No such file or directory (os error 2)\n", 2)
    assert run_everywhere(faces, "frobnicate")[1].startswith("error: unknown command 'frobnicate'\n\nusage:")


def test_convert_expand_env(faces):
    """Placeholders pass through unless --expand-env; then an unset variable stops it."""
    arguments = ("convert", "--from", "json", "--to", "toml", f"{FIXTURES}/autoscaler.json")
    out, err, status = run_everywhere(faces, *arguments)
    assert status == 0 and 'token = "${RUNNER_TOKEN}"' in out and 'name = "${ASG_NAME}"' in out
    environment = {"PATH": os.environ["PATH"], "RUNNER_TOKEN": "glrt-$$x\"y", "ASG_NAME": "asg-1"}
    out, err, status = run_everywhere(faces, *arguments, "--expand-env", env=environment)
    assert (err, status) == ("", 0)
    assert 'token = "glrt-$$x\\"y"' in out and 'name = "asg-1"' in out
    del environment["ASG_NAME"]
    out, err, status = run_everywhere(faces, *arguments, "--expand-env", env=environment)
    assert (out, status) == ("", 1)
    assert err == (
        f"{FIXTURES}/autoscaler.json: error[invalid-value]: runners[0].autoscaler.plugin_config.name: "
        "environment variable ASG_NAME is not set\n"
    )
    assert "glrt" not in err


def test_docker_auth(faces):
    arguments = ("docker-auth", "--registry", "registry.example.com", "--username", "ci", "--password-stdin")
    out, err, status = run_everywhere(faces, *arguments, stdin="p@ss\n")
    assert (out, err, status) == ('{"auths":{"registry.example.com":{"auth":"Y2k6cEBzcw=="}}}\n', "", 0)
    out, err, status = run_everywhere(faces, "docker-auth", "--creds-store", "pass")
    assert (out, status) == ('{"credsStore":"pass"}\n', 0)
    out, err, status = run_everywhere(faces, "docker-auth", "--registry", "r", "--username", "ci")
    assert (out, status) == ("", 2) and err.startswith("error: --username needs --password-stdin\n\nusage:")


def test_compose(faces, tmp_path):
    (tmp_path / "template.toml").write_text('concurrent = 2\n\n[[runners]]\n  url = "https://gitlab.example.com"\n')
    (tmp_path / "runners.d").mkdir(mode=0o700)
    (tmp_path / "runners.d" / "shell.toml").write_text('executor = "shell"\n')
    current = tmp_path / "config.toml"
    current.write_text('# kept\n[[runners]]\n  name = "shell"\n  token = "glrt-t"\n\n[[runners]]\n  name = "old"\n')
    out, err, status = run_everywhere(
        faces, "compose", str(tmp_path / "template.toml"), str(tmp_path / "runners.d"), "--current", str(current)
    )
    assert (out, err, status) == (
        'concurrent = 2\n\n# kept\n[[runners]]\n  name = "shell"\n  url = "https://gitlab.example.com"\n'
        '  token = "glrt-t"\n  executor = "shell"\n',
        'removed runner "old": no snippet configures it any more\n',
        0,
    )
