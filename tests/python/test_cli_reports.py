"""`lint`'s reports for CI, checked against their formats' definitions: SARIF 2.1.0 against
its JSON Schema (from the npm dev dependency @microsoft/jest-sarif, which ships it) and the
GitLab Code Quality fields GitLab documents."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

SARIF_SCHEMA = ROOT / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / "sarif-2.1.0-rtm.5.json"
FIXTURE = ROOT / "cli" / "tests" / "fixtures" / "misspelled.toml"


def lint(cli: Path, *options: str) -> str:
    command = [str(cli), "lint", *options, str(FIXTURE)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout


def test_sarif_is_valid_sarif_2_1_0(cli: Path) -> None:
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"{SARIF_SCHEMA} is absent: run `npm ci` (make test does)")
    report = json.loads(lint(cli, "--format", "sarif"))
    jsonschema.validate(report, json.loads(SARIF_SCHEMA.read_text()))
    results = report["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["deprecated-executor", "unknown-key", "unknown-key", "wrong-type"]
    # The unknown keys' unsafe renames, as SARIF fixes (valid against the schema above).
    assert [len(r.get("fixes", [])) for r in results] == [0, 1, 1, 0]


def test_code_quality_entries_have_what_gitlab_reads(cli: Path) -> None:
    report = json.loads(lint(cli, "--format", "gitlab"))
    assert len(report) == 4
    for entry in report:
        assert set(entry) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert entry["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(entry["location"]["lines"]["begin"], int)
        assert entry["location"]["path"] == str(FIXTURE)
    assert len({entry["fingerprint"] for entry in report}) == 4
