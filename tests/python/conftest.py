"""Shared paths and fixtures. Tests that read ../shared skip, saying so, where it is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"

sys.path.insert(0, str(Path(__file__).parent))


def shared_file(relative: str) -> Path:
    """A file of ../shared, or a skip when this clone has no ../shared beside it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs ../shared beside the repository")
    return path


def check_golden(name: str, text: str) -> None:
    """Compares text with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `gitlab-runner-config` command, built from this checkout."""
    if shutil.which("cargo") is None:
        pytest.skip("cargo is absent: the CLI cannot be built")
    subprocess.run(["cargo", "build", "--quiet", "-p", "gitlab-runner-config-cli"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "gitlab-runner-config"
