"""The package's types as a type checker sees them (mypy, on the installed package)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "typing"


def mypy(path: Path) -> subprocess.CompletedProcess:
    pytest.importorskip("mypy")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--show-error-codes", str(path)]
    return subprocess.run(command, capture_output=True, text=True, cwd=HERE)


def test_well_typed_code_passes() -> None:
    result = mypy(HERE / "good.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_wrong_type_is_reported() -> None:
    source = (HERE / "bad.py").read_text().splitlines()
    expected = {i + 1 for i, line in enumerate(source) if "# expect:" in line}
    result = mypy(HERE / "bad.py")
    reported = {int(m) for m in re.findall(r"^bad\.py:(\d+): error", result.stdout, re.M)}
    assert reported == expected, result.stdout
