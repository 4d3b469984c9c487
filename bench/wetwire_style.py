"""A pure-Python config.toml writer the way the published wetwire package writes one: walk the
dataclasses, format a line per value, no escaping and no checks. It is the baseline the engine's
`to_toml` is compared with, made as fast as such a writer can be on these objects: it reads only
the fields an instance holds (its `__dict__`) instead of every field of the class."""

from __future__ import annotations

import enum
from typing import Any, List

# The published package maps the cache tables' fields to gitlab-runner's CamelCase keys.
CAMEL_KEYS = {
    "type": "Type",
    "path": "Path",
    "shared": "Shared",
    "server_address": "ServerAddress",
    "access_key": "AccessKey",
    "secret_key": "SecretKey",
    "bucket_name": "BucketName",
    "bucket_location": "BucketLocation",
}
CAMEL_TABLES = {"CacheConfig", "CacheS3Config"}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return f'"{value.value}"'
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return str(value)


def _table(obj: Any, header: str, lines: List[str]) -> None:
    camel = type(obj).__name__ in CAMEL_TABLES
    children = []
    for name, value in vars(obj).items():
        if name.startswith("_") or value is None:
            continue
        key = CAMEL_KEYS.get(name, name) if camel else name
        if hasattr(value, "__dataclass_fields__"):
            children.append((key, value))
        elif isinstance(value, list) and value and hasattr(value[0], "__dataclass_fields__"):
            children.append((key, value))
        else:
            lines.append(f"{key} = {_value(value)}")
    for key, value in children:
        path = f"{header}.{key}" if header else key
        if isinstance(value, list):
            for item in value:
                lines.append(f"\n[[{path}]]")
                _table(item, path, lines)
        else:
            lines.append(f"\n[{path}]")
            _table(value, path, lines)


def to_toml(config: Any) -> str:
    lines: List[str] = []
    _table(config, "", lines)
    return "\n".join(lines) + "\n"
