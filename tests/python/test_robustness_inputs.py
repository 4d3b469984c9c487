"""Bad Python values, field by field over the whole schema: each ends in a ConfigError naming
the key path, never a crash, a silently dropped value or invalid TOML. The counts are printed."""

from __future__ import annotations

import json
import time
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from conftest import GOLDEN, ROOT
from wetwire_gitlab.runner_config import Config
from wetwire_gitlab.runner_config.errors import ConfigError

SCHEMA = json.loads((ROOT / "core" / "generated" / "gitlab-runner-config.schema.json").read_text(encoding="utf-8"))
GUIDE = (GOLDEN / "guide_complete_example.toml").read_text(encoding="utf-8")


class RaisingEq:
    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__ raised")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__ raised")

    __hash__ = object.__hash__


class Text(str):
    pass


class Number(int):
    pass


def cyclic_list() -> list:
    items: list = []
    items.append(items)
    return items


def cyclic_dict() -> dict:
    table: dict = {}
    table["self"] = table
    return table


COMMON = [None, RaisingEq(), object(), b"bytes", bytearray(b"x"), cyclic_list(), cyclic_dict(), {1, 2}, 1j]
BAD: Dict[str, List[Any]] = {
    "string": [1, 1.5, True, [], {}, "\ud800"],
    "integer": ["1", 1.5, True, False, 2**63, -(2**63) - 1, 2**200, float("nan"), float("inf"), []],
    "number": ["1.5", True, [], {}, float("nan")],
    "boolean": [1, 0, "true", [], 1.0],
    "date-time": ["not a date", 1, "2024-02-30T00:00:00Z", "2024-01-01T00:00:60Z", "0000-01-01T00:00:00Z"],
    "duration": [True, [], {}, "15 minutes", "1.5", 1.5],
    "array": ["x", {}, 1, [1], [None], [b"x"]],
    "numbers": ["x", {}, 1, ["1"], [True], [None], [float("nan")]],
    "object": [[], "x", 1, {1: "x"}, {"\ud800": "x"}, {("a",): "x"}],
    "table": [[], "x", 1, True],
    "tables": [{}, "x", [1], [None]],
}


def kind(node: Dict[str, Any]) -> str:
    if "$ref" in node:
        return "table"
    if "anyOf" in node:
        return "duration" if any("pattern" in k for k in node["anyOf"]) else "string-or-list"
    if node.get("format") == "date-time":
        return "date-time"
    if node["type"] == "array":
        if "$ref" in node["items"]:
            return "tables"
        return "numbers" if node["items"].get("type") in ("integer", "number") else "array"
    return node["type"]


def fields() -> Iterator[Tuple[List[Any], str]]:
    """Every key of the schema once (a table reached several ways, the first time), as the
    path of keys and indexes from the root, with its kind."""
    seen = set()

    def walk(node: Dict[str, Any], path: List[Any]) -> Iterator[Tuple[List[Any], str]]:
        for key, child in node.get("properties", {}).items():
            yield path + [key], kind(child)
            ref = child.get("$ref") or (child.get("items", {}) if child.get("type") == "array" else {}).get("$ref")
            if ref and ref not in seen:
                seen.add(ref)
                index = [0] if child.get("type") == "array" else []
                yield from walk(SCHEMA["$defs"][ref.rsplit("/", 1)[1]], path + [key] + index)

    yield from walk(SCHEMA, [])


def nested(path: List[Any], value: Any) -> dict:
    for step in reversed(path):
        value = [value] if isinstance(step, int) else {step: value}
    return value


def shown(path: List[Any]) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path).lstrip(".")


def test_every_field_refuses_every_wrong_value_naming_its_path() -> None:
    count, started = 0, time.perf_counter()
    for path, field_kind in fields():
        values = BAD.get(field_kind, BAD["array"] if field_kind == "string-or-list" else [])
        values = [v for v in values if not (field_kind == "string-or-list" and v == "x")]
        for value in values + COMMON:
            with pytest.raises(ConfigError) as caught:
                Config.from_dict(nested(path, value))
            message = str(caught.value)
            assert shown(path) in message, f"{shown(path)} = {type(value).__name__}: {message}"
            count += 1
    elapsed = time.perf_counter() - started
    print(f"\n{count} wrong values refused, each naming its key path ({elapsed:.1f}s)")
    assert count > 5000


def test_subclasses_of_builtin_types_are_read_as_their_base_type() -> None:
    data = {"concurrent": Number(3), "runners": [{"name": Text("a\n\"b"), "environment": [Text("A=1")]}]}
    text = Config.from_dict(data).to_toml()
    assert text == 'concurrent = 3\n\n[[runners]]\n  name = "a\\n\\"b"\n  environment = ["A=1"]\n'


def test_a_ten_megabyte_string_round_trips_in_bounded_time() -> None:
    big = "x\"\\\n" * (10 * 1024 * 1024 // 4)
    started = time.perf_counter()
    text = Config.from_dict({"runners": [{"name": big}]}).to_toml()
    assert Config.from_toml(text).runners[0].name == big
    assert time.perf_counter() - started < 10


def test_after_every_error_the_module_still_renders_the_guide_byte_for_byte() -> None:
    for value in COMMON + [2**64, float("nan"), "\ud800"]:
        with pytest.raises(ConfigError):
            Config.from_dict({"concurrent": value})
        assert Config.from_toml(GUIDE).to_toml() == GUIDE
