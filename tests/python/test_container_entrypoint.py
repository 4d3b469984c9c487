"""README's "Running in a container": its entrypoint lines, run exactly as written, as a process
(the console script on PATH; a stand-in `gitlab-runner` that shows what it was started with)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SECRET = {
    "concurrent": 4,
    "runners": [
        {
            "name": "autoscaler",
            "url": "https://gitlab.example.com",
            "token": "${RUNNER_TOKEN}",
            "executor": "docker-autoscaler",
            "docker": {"image": "alpine"},
            "autoscaler": {
                "plugin": "aws:latest",
                "capacity_per_instance": 1,
                "max_use_count": 1,
                "max_instances": 10,
                "plugin_config": {"name": "runners-asg"},
                "connector_config": {"username": "ec2-user"},
                "policy": [{"idle_count": 1, "idle_time": "20m0s"}],
            },
        }
    ],
}


def entrypoint() -> str:
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"<!-- entrypoint: [^>]* -->\n```sh\n(.*?)```", readme, re.S)
    assert found, "README has no entrypoint block"
    return found.group(1)


@pytest.fixture
def container(tmp_path: Path):
    script = tmp_path / "entrypoint.sh"
    script.write_text(entrypoint())
    script.chmod(0o755)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    runner = bin_dir / "gitlab-runner"
    runner.write_text('#!/bin/sh\necho "gitlab-runner $* with $CONFIG_FILE:"\ncat "$CONFIG_FILE"\n')
    runner.chmod(0o755)
    config = tmp_path / "etc" / "config.toml"
    config.parent.mkdir()

    def start(secret: str, **variables: str) -> subprocess.CompletedProcess:
        path = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), "/usr/bin", "/bin"])
        environment = {"PATH": path, "RUNNER_CONFIG_JSON": secret, "CONFIG_FILE": str(config), **variables}
        return subprocess.run([str(script), "--working-directory", "/builds"], env=environment,
                              capture_output=True, text=True, timeout=60)

    return start, config


def test_a_good_secret_starts_the_runner_with_its_tokens_filled_in(container):
    start, config = container
    started = start(json.dumps(SECRET), RUNNER_TOKEN="glrt-from-the-store")
    assert (started.returncode, started.stderr) == (0, "")
    assert started.stdout.startswith(f"gitlab-runner run --working-directory /builds with {config}:\nconcurrent = 4\n")
    assert '  token = "glrt-from-the-store"\n' in started.stdout
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_bad_input_stops_the_container_before_the_runner(container):
    start, config = container
    unset = start(json.dumps(SECRET))
    assert (unset.returncode, unset.stdout) == (1, "")
    assert unset.stderr == "-: error[invalid-value]: runners[0].token: environment variable RUNNER_TOKEN is not set\n"

    misspelled = json.loads(json.dumps(SECRET))
    misspelled["runners"][0]["autoscaler"]["max_instance"] = 10
    wrong = start(json.dumps(misspelled), RUNNER_TOKEN="glrt-from-the-store")
    assert (wrong.returncode, wrong.stdout) == (1, "")
    assert wrong.stderr.startswith("-: error[unknown-key]: runners[0].autoscaler.max_instance: unknown key")
    assert "glrt" not in wrong.stderr

    broken = start('{"concurrent": 4,', RUNNER_TOKEN="glrt-from-the-store")
    assert (broken.returncode, broken.stdout) == (1, "")
    assert broken.stderr == "-: error[syntax]: invalid JSON: EOF while parsing a value at line 1 column 17\n"
    twice = start('{"concurrent": 4, "concurrent": 5}', RUNNER_TOKEN="glrt-from-the-store")
    assert (twice.returncode, twice.stdout) == (1, "")
    assert twice.stderr == '-: error[duplicate-key]: invalid JSON: key "concurrent" written twice at byte 34\n'
    assert not config.exists()
