"""compose(): a template and a folder of runner snippets make config.toml; registered runners
keep their tokens from one service start to the next, and nothing else changes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wetwire_gitlab.runner_config import TomlParseError
from wetwire_gitlab.runner_config.workflows import compose

TEMPLATE = """\
concurrent = 8
check_interval = 3

[[client_configs]]
  url = "https://gitlab.example.com"
  registration_token = "glrt-registration-secret"

[[runners]]
  url = "https://gitlab.example.com"
  environment = ["GIT_DEPTH=10"]

  [runners.docker]
    image = "alpine:3.20"
    volumes = ["/cache"]
"""

SNIPPETS = {
    "shell.toml": 'executor = "shell"\n',
    "docker.toml": 'executor = "docker"\n\n[docker]\n  privileged = true\n  volumes = ["/certs/client"]\n',
    "k8s.toml": '[[runners]]\n  name = "kubernetes"\n  executor = "kubernetes"\n\n  [runners.kubernetes]\n    namespace = "ci"\n',
}

REGISTERED = """\
  id = 12
  token = "glrt-docker-token"
  token_obtained_at = 2026-11-29T10:00:00Z
  token_expires_at = 0001-01-01T00:00:00Z
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "template.toml").write_text(TEMPLATE)
    snippets = tmp_path / "runners.d"
    snippets.mkdir(mode=0o700)
    for name, text in SNIPPETS.items():
        (snippets / name).write_text(text)
    (snippets / "README.md").write_text("not a snippet")
    return tmp_path


def register_docker(path: Path) -> None:
    """What `gitlab-runner register` leaves: the runner's authentication state, and a comment."""
    text = path.read_text()
    anchor = 'name = "docker"\n  url = "https://gitlab.example.com"\n'
    assert anchor in text
    path.write_text("# managed by compose\n" + text.replace(anchor, anchor + REGISTERED))


def test_first_composition(site):
    composed = compose(site / "template.toml", site / "runners.d")
    assert composed.text == """\
concurrent = 8
check_interval = 3

[[runners]]
  name = "docker"
  url = "https://gitlab.example.com"
  executor = "docker"
  environment = ["GIT_DEPTH=10"]

  [runners.docker]
    image = "alpine:3.20"
    privileged = true
    volumes = ["/certs/client"]

[[runners]]
  name = "kubernetes"
  url = "https://gitlab.example.com"
  executor = "kubernetes"
  environment = ["GIT_DEPTH=10"]

  [runners.docker]
    image = "alpine:3.20"
    volumes = ["/cache"]

  [runners.kubernetes]
    namespace = "ci"

[[runners]]
  name = "shell"
  url = "https://gitlab.example.com"
  executor = "shell"
  environment = ["GIT_DEPTH=10"]

  [runners.docker]
    image = "alpine:3.20"
    volumes = ["/cache"]
"""
    assert (composed.removed, composed.unregistered) == ([], ["docker", "kubernetes", "shell"])
    assert "registration" not in composed.text and "glrt" not in repr(composed)


def test_tokens_survive_and_nothing_else_changes(site):
    config = site / "config.toml"
    compose(site / "template.toml", site / "runners.d", current=config).write(config)
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    register_docker(config)
    registered = config.read_text()
    for _ in range(2):
        composed = compose(site / "template.toml", site / "runners.d", current=config)
        assert composed.text == registered
        assert composed.unregistered == ["kubernetes", "shell"]
        composed.write(config)
    # A snippet removed: its runner goes; the others keep their tokens and the comment.
    (site / "runners.d" / "shell.toml").unlink()
    composed = compose(site / "template.toml", site / "runners.d", current=config)
    assert composed.removed == ["shell"]
    assert composed.text == registered[: registered.index('\n[[runners]]\n  name = "shell"')]
    assert 'token = "glrt-docker-token"' in composed.text and composed.text.startswith("# managed by compose\n")


def test_files_writable_by_others_are_refused(site):
    os.chmod(site / "template.toml", 0o664)
    with pytest.raises(PermissionError, match=r"template.toml is writable by group or other \(mode 664\)"):
        compose(site / "template.toml", site / "runners.d")
    os.chmod(site / "template.toml", 0o600)
    os.chmod(site / "runners.d", 0o777)
    with pytest.raises(PermissionError, match=r"runners.d is writable by group or other"):
        compose(site / "template.toml", site / "runners.d")


def test_problems_name_their_file(site):
    (site / "runners.d" / "shell.toml").write_text("executor = 3\n")
    with pytest.raises(TomlParseError) as raised:
        compose(site / "template.toml", site / "runners.d")
    assert str(raised.value) == (
        f"executor: expected string, got integer (in {site}/runners.d/shell.toml) (line 1, column 12)"
    )


def test_the_command_does_the_same(site):
    script = Path(sys.executable).parent / "gitlab-runner-config"
    config = site / "config.toml"
    command = [str(script), "compose", "template.toml", "runners.d", "--current", "config.toml", "-o", "config.toml"]
    first = subprocess.run(command, cwd=site, capture_output=True, text=True)
    assert (first.returncode, first.stdout) == (0, "")
    assert first.stderr == "".join(
        f'runner "{name}" has no token: it needs registering\n' for name in ("docker", "kubernetes", "shell")
    )
    register_docker(config)
    registered = config.read_text()
    again = subprocess.run(command, cwd=site, capture_output=True, text=True)
    assert (again.returncode, config.read_text()) == (0, registered)
    (site / "runners.d" / "k8s.toml").unlink()
    (site / "runners.d" / "shell.toml").unlink()
    last = subprocess.run(command, cwd=site, capture_output=True, text=True)
    assert last.stderr == (
        'removed runner "kubernetes": no snippet configures it any more\n'
        'removed runner "shell": no snippet configures it any more\n'
    )
    os.chmod(site / "runners.d", 0o775)
    refused = subprocess.run(command, cwd=site, capture_output=True, text=True)
    assert (refused.returncode, refused.stderr) == (
        2, "error: runners.d is writable by group or other (mode 775); it holds secrets: run `chmod go-w runners.d`\n"
    )
