"""Reads rendered config.toml texts with Python's tomllib and compares each with the tagged
value it must say (see README.md). `python tomllib_reader.py FILE.jsonl` prints the count and
exits 1 at the first text read differently."""

from __future__ import annotations

import datetime
import json
import math
import sys
import tomllib
from typing import Any


def tagged(value: Any) -> list:
    """A value as a tagged tree: what tomllib read, or the value a test rendered."""
    if isinstance(value, bool):
        return ["b", value]
    if isinstance(value, int):
        return ["i", str(value)]
    if isinstance(value, float):
        return ["f", float_text(value)]
    if isinstance(value, str):
        return ["s", value]
    if isinstance(value, datetime.datetime):
        return ["d", instant(value)]
    if isinstance(value, list):
        return ["a", [tagged(v) for v in value]]
    if isinstance(value, dict):
        return ["t", sorted([k, tagged(v)] for k, v in value.items())]
    raise TypeError(f"tomllib gave a {type(value).__name__}, which no config holds")


def float_text(value: float) -> str:
    if math.isnan(value):
        return "nan"
    return repr(value)


def instant(value: datetime.datetime) -> str:
    assert value.tzinfo is not None, f"a local datetime {value} where an offset was written"
    utc = value.astimezone(datetime.timezone.utc)
    date = f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"  # strftime's %Y drops year 1's zeros
    return f"{date}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}.{utc.microsecond // 1000:03d}Z"


def canonical(expected: list) -> list:
    """The expected tree in the form `tagged` gives: tables sorted, floats in Python's spelling."""
    tag, value = expected
    if tag == "f":
        return ["f", float_text(float(value))]
    if tag == "a":
        return ["a", [canonical(v) for v in value]]
    if tag == "t":
        return ["t", sorted([k, canonical(v)] for k, v in value)]
    return [tag, value]


def check(text: str, expected: list) -> None:
    """Raises AssertionError when tomllib reads `text` as anything but `expected`."""
    got = tagged(tomllib.loads(text))
    want = canonical(expected)
    assert got == want, f"tomllib read differently:\n{text}\n got: {json.dumps(got)[:2000]}\nwant: {json.dumps(want)[:2000]}"


def check_file(path: str) -> int:
    count = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            case = json.loads(line)
            check(case["text"], case["expected"])
            count += 1
    return count


if __name__ == "__main__":
    print(f"tomllib: {check_file(sys.argv[1])} texts read back exactly")
