"""Three parsers agree on what the Python face writes. Hypothesis draws configs over the whole
schema (read from the generated JSON Schema), with hostile strings in every string value and
map key; each rendering must be read back exactly by tomllib (here, per case), by the engine's
`toml` crate (`Config.from_toml`, per case) and by JavaScript's smol-toml (all texts at the end,
one `node` run). ROBUSTNESS_CASES sets the number of configs (`make soak` runs many more)."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from wetwire_gitlab.runner_config import Config

sys.path.insert(0, str(ROOT / "tests" / "robustness"))
import tomllib_reader  # noqa: E402

SCHEMA = json.loads((ROOT / "core" / "generated" / "gitlab-runner-config.schema.json").read_text(encoding="utf-8"))
CASES = int(os.environ.get("ROBUSTNESS_CASES", "3000"))
# One file per process: two runs of the suite at once must not write into each other's.
EXPORT = ROOT / "target" / "robustness" / f"python-{os.getpid()}.jsonl"

# Pieces of hostile strings: each is something a template or a careless escaper gets wrong.
PIECES = [
    '"', "\\", "'", '"""', "'''", "\r", "\n", "\r\n", "[[runners]]", '\n[[runners]]\ntoken = "x"\n',
    "[runners.docker]", "#", "=", ".", " ", "\t", "\\u0041", '\\"', "\u2028", "\u2029", "\ufeff", "\x85",
    "\U0001f680", "\U0010ffff", "é", "x", "name", "} ", "{", "]", '"]', "${X}", "\x7f", "__proto__",
]
CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"]
DURATIONS = ["0", "15m", "1h30m", "1.5s", "300ms", "-2h", "10us"]

short = st.one_of(
    st.just(""),
    st.lists(st.sampled_from(PIECES + CONTROLS), min_size=1, max_size=6).map("".join),
    st.text(st.characters(codec="utf-8"), max_size=8),
    st.sampled_from(["alpine:3.20", "C:\\builds"]),
)
long = st.integers(1, 2).map(lambda n: '"\\\n' * n + "a" * 100 * 1024)
# One string in 500 is 100 KB: mostly short strings keep a case cheap.
strings = st.integers(0, 499).flatmap(lambda n: long if n == 0 else short)
datetimes = st.datetimes(
    min_value=datetime.datetime(1, 1, 2),
    max_value=datetime.datetime(9999, 12, 30),
    timezones=st.sampled_from([datetime.timezone.utc, datetime.timezone(datetime.timedelta(hours=-7, minutes=-30))]),
)


def integers(node: Dict[str, Any]) -> st.SearchStrategy[int]:
    return st.integers(node.get("minimum", -(2**63)), node.get("maximum", 2**63 - 1))


_tables: Dict[str, st.SearchStrategy[dict]] = {}


def strategy(node: Dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the schema allows for `node`, with hostile strings wherever it takes a string."""
    ref = node.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[1]
        if name not in _tables:
            _tables[name] = st.deferred(lambda: table(SCHEMA["$defs"][name]))
        return _tables[name]
    if "anyOf" in node:
        kinds = node["anyOf"]
        if any("pattern" in k for k in kinds):  # a Go duration
            return st.sampled_from(DURATIONS)
        return st.one_of([strategy(k) for k in kinds])
    kind = node.get("type")
    if kind == "string" and node.get("format") == "date-time":
        return datetimes
    if kind == "string":
        return st.one_of(st.sampled_from(node["enum"]), strings) if "enum" in node else strings
    if kind == "integer":
        return integers(node)
    if kind == "number":
        return st.floats(allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(strategy(node["items"]), max_size=3)
    if kind == "object" and "properties" in node and node.get("additionalProperties") is False:
        return table(node)
    if kind == "object":
        values = node.get("additionalProperties")
        values = any_value if values in ({}, True, None) else strategy(values)
        return st.dictionaries(strings, values, max_size=3)
    raise AssertionError(f"no strategy for {node}")


def table(node: Dict[str, Any]) -> st.SearchStrategy[dict]:
    """A few of the table's keys, each with a value: small documents, every key over a run."""
    properties = node["properties"]
    chosen = st.lists(st.sampled_from(sorted(properties)), max_size=5, unique=True)
    return chosen.flatmap(lambda keys: st.fixed_dictionaries({k: strategy(properties[k]) for k in keys}))


scalars = st.one_of(strings, st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False), st.booleans())
any_value = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(strings, inner, max_size=3)), max_leaves=6
)


@pytest.fixture(scope="module")
def export():
    EXPORT.parent.mkdir(parents=True, exist_ok=True)
    with open(EXPORT, "w", encoding="utf-8") as file:
        yield file
    EXPORT.unlink()


def test_three_parsers_read_back_what_python_renders(export) -> None:
    seen: List[int] = [0, 0]

    @settings(max_examples=CASES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(table(SCHEMA))
    def case(data: dict) -> None:
        config = Config.from_dict(data)
        text = config.to_toml()
        expected = tomllib_reader.tagged(data)  # what any TOML parser must read it as
        tomllib_reader.check(text, expected)
        assert Config.from_toml(text) == config, f"the toml crate (Config.from_toml) reads differently:\n{text}"
        export.write(json.dumps({"text": text, "expected": expected}) + "\n")
        seen[0] += 1
        seen[1] += text.count('"')  # a string written, or an escaped quote inside one

    case()
    export.flush()
    print(f"\n{seen[0]} random configs rendered by Python, read back exactly by tomllib and by the toml crate")
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "smol-toml").exists():
        pytest.skip(f"node or smol-toml is absent (make test installs it): {seen[0]} texts not read by smol-toml")
    reader = ROOT / "tests" / "robustness" / "smol_toml_reader.mjs"
    result = subprocess.run([node, str(reader), str(EXPORT)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"smol-toml: {seen[0]} texts read back exactly"
    print(result.stdout.strip())
