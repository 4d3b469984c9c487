"""What the generated table classes share: set-tracking, equality, repr and the engine calls.

A field counts as *set* when it is in the instance ``__dict__`` with a value other than None.
Unset fields read as their default through the class attribute, so ``DockerConfig().privileged
is False``; rendering writes set fields only, so ``DockerConfig()`` writes nothing while
``DockerConfig(privileged=False)`` writes ``privileged = false``.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import warnings
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Type, TypeVar, Union


if TYPE_CHECKING:
    from .. import _native
    from .diagnostics import Diagnostic

__all__ = ["UNSET", "DefaultDict", "DefaultList", "Enumeration", "LazyModule", "Root", "Table", "dataclass", "field", "table"]


class _Unset:
    """The default of every optional constructor argument: "leave this field unset"."""

    _instance = None

    def __new__(cls) -> "_Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


# Typed Any so that `image: Optional[str] = UNSET` type-checks in the generated signatures.
UNSET: Any = _Unset()


class DefaultList(list):
    """The list an unset list field returns when read. Mutating it sets the field: it is stored
    on first read, and written once it holds something."""

    __slots__ = ()


class DefaultDict(dict):
    """The dict an unset map field returns when read; see DefaultList."""

    __slots__ = ()


class _ContainerDefault:
    """Class-level default of a list or dict field: a fresh container per instance, stored on
    first read so that ``runner.environment.append(...)`` shows up in the output."""

    __slots__ = ("name", "factory")

    def __init__(self, name: str, factory: type) -> None:
        self.name = name
        self.factory = factory

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        value = self.factory()
        instance.__dict__[self.name] = value
        return value


def _is_set(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (DefaultList, DefaultDict)):
        return len(value) > 0
    return True


class _Coerced:
    """A field whose assigned strings become enum members (``runner.executor = "docker"``), so
    a typo fails where it is written and equal configs compare equal."""

    __slots__ = ("name", "coerce")

    def __init__(self, name: str, coerce: Any) -> None:
        self.name = name
        self.coerce = coerce

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        return instance.__dict__.get(self.name)

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.name] = self.coerce(value)


class LazyModule:
    """A module loaded when one of its attributes is first read: the generated classes name
    ``datetime`` in their annotations only, which are strings until something evaluates them
    (``typing.get_type_hints``), and the engine (the extension module, which registers the
    classes as it loads) is needed by the first call into it, not by import. Each attribute
    read is kept, so later reads cost no more than a module's."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        import importlib

        value = getattr(importlib.import_module(self._name), attribute)
        setattr(self, attribute, value)
        return value


if not TYPE_CHECKING:
    _native = LazyModule("wetwire_gitlab._native")


class _FieldSpec:
    """A field's default as the generated class body states it, at run time (type checkers
    read ``dataclasses.field`` there instead)."""

    __slots__ = ("default", "default_factory", "metadata")

    def __init__(self, default: Any, default_factory: Any, metadata: Any) -> None:
        self.default = default
        self.default_factory = default_factory
        self.metadata = metadata


def field(*, default: Any = dataclasses.MISSING, default_factory: Any = dataclasses.MISSING,
          metadata: Any = None) -> Any:
    """``dataclasses.field`` for the generated classes, recorded rather than processed."""
    return _FieldSpec(default, default_factory, metadata)


def dataclass(**_params: Any) -> Any:
    """What the generated classes' ``@dataclass(init=False, repr=False, eq=False)`` does at run
    time: ``table``. The methods are written out in the generated source, and the dataclass
    metadata (``__dataclass_fields__``) is built the first time something asks for it, so
    importing 117 classes does not run the dataclass machinery over their 744 fields."""
    return table


def table(cls: type) -> type:
    """Finishes a generated class: container defaults become per-instance, enum fields coerce
    what is assigned, and required fields read as None on objects parsed from files that lack
    them. The fields are the class's own annotations that are not private (ClassVars are)."""
    own = cls.__dict__
    specs = {}
    for name in own.get("__annotations__", {}):
        if name.startswith("_"):
            continue
        value = own.get(name, dataclasses.MISSING)
        spec = value if isinstance(value, _FieldSpec) else _FieldSpec(value, dataclasses.MISSING, None)
        specs[name] = spec
        if spec.metadata is not None and "coerce" in spec.metadata:
            setattr(cls, name, _Coerced(name, spec.metadata["coerce"]))
        elif spec.default_factory is list:
            setattr(cls, name, _ContainerDefault(name, DefaultList))
        elif spec.default_factory is dict:
            setattr(cls, name, _ContainerDefault(name, DefaultDict))
        elif spec.default is dataclasses.MISSING:
            setattr(cls, name, None)
    cls._field_specs = specs  # type: ignore[attr-defined]
    # dataclass (3.13+) installs its own __replace__, which would mark every field as set.
    cls.__replace__ = Table.__replace__  # type: ignore[attr-defined]
    return cls


def _dataclass_fields(cls: type) -> Dict[str, dataclasses.Field]:
    """``__dataclass_fields__`` of the generated class ``cls`` is, or derives from, built
    once and kept on that class."""
    owner = next(c for c in cls.__mro__ if "_field_specs" in c.__dict__)
    if "__dataclass_fields__" not in owner.__dict__:
        annotations = owner.__dict__["__annotations__"]
        fields = {}
        for name, spec in owner.__dict__["_field_specs"].items():
            f: dataclasses.Field = dataclasses.field(
                default=spec.default, default_factory=spec.default_factory, metadata=spec.metadata
            )
            f.name = name
            f.type = annotations[name]
            f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
            fields[name] = f
        type.__setattr__(owner, "__dataclass_fields__", fields)
        type.__setattr__(owner, "__match_args__", tuple(fields))
    return owner.__dict__["__dataclass_fields__"]  # type: ignore[no-any-return]


class _DataclassAttribute:
    """A generated class's dataclass metadata, built on first read (``dataclasses.fields``,
    ``is_dataclass``, ``asdict``, ``replace``, ``match``, a user's ``@dataclass`` subclass)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type) -> Any:
        if self.name == "__dataclass_params__":
            return _dataclass_params()
        if not any("_field_specs" in c.__dict__ for c in owner.__mro__):
            raise AttributeError(self.name)
        fields = _dataclass_fields(owner)
        return fields if self.name == "__dataclass_fields__" else tuple(fields)


_PARAMETERS: List[Any] = []


def _dataclass_params() -> Any:
    """The ``__dataclass_params__`` every generated class shares, made by ``@dataclass`` itself
    (its constructor's arguments differ between Python versions) the first time it is asked
    for: running the decorator costs a tenth of a millisecond that import need not pay."""
    if not _PARAMETERS:

        @dataclasses.dataclass(init=False, repr=False, eq=False)
        class Parameters:
            pass

        _PARAMETERS.append(Parameters.__dataclass_params__)  # type: ignore[attr-defined]
    return _PARAMETERS[0]


def deprecated_alias(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated; use {new}", DeprecationWarning, stacklevel=3)


class Enumeration(str, enum.Enum):
    """A string enumeration: each member is its string (``Executor.DOCKER == "docker"``,
    ``f"{Executor.DOCKER}"`` is ``docker``), and a lookup error lists the valid values."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        valid = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"{value!r} is not a valid {cls.__name__}; expected one of: {valid}")

    @classmethod
    def coerce(cls, value: Any) -> Any:
        """A member for a known string, so a typo fails where it is written."""
        return cls(value) if isinstance(value, str) else value


T = TypeVar("T", bound="Table")


class Table:
    """Base of every config table class."""

    _toml_struct: str
    _secret_fields: frozenset

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    if not TYPE_CHECKING:
        __dataclass_fields__ = _DataclassAttribute("__dataclass_fields__")
        __match_args__ = _DataclassAttribute("__match_args__")
        __dataclass_params__ = _DataclassAttribute("__dataclass_params__")

    def __setattr__(self, name: str, value: Any) -> None:
        # None means "not set" (TOML has no null): the field reads its default again.
        if value is None and not name.startswith("_"):
            self.__dict__.pop(name, None)
        else:
            object.__setattr__(self, name, value)

    def _set_fields(self) -> Dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_") and _is_set(v)}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine = (self._set_fields(), self.__dict__.get("_toml_kept"))
        theirs = (other._set_fields(), other.__dict__.get("_toml_kept"))  # type: ignore[attr-defined]
        return mine == theirs

    def __repr__(self) -> str:
        values = self._set_fields()
        parts = []
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if f.name in values:
                if f.name in self._secret_fields:
                    shown = "'***'"
                elif f.name == "environment" and isinstance(values[f.name], list):
                    shown = repr([_masked_entry(entry) for entry in values[f.name]])
                else:
                    shown = repr(values[f.name])
                parts.append(f"{f.name}={shown}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def add_environment(self, name: str, value: str) -> None:
        """Sets ``NAME=value`` in this table's ``environment`` (a runner's), replacing an entry
        of the same name: ``runner.add_environment("DOCKER_AUTH_CONFIG", docker_auth_config(...))``.
        Values of secret-looking names are masked in ``repr``."""
        if not any(f.name == "environment" for f in dataclasses.fields(self)):  # type: ignore[arg-type]
            raise AttributeError(f"{type(self).__name__} has no environment")
        if not name or "=" in name:
            raise ValueError(f"{name!r} is not an environment variable name")
        entries = [e for e in getattr(self, "environment") if e.split("=", 1)[0] != name]
        setattr(self, "environment", [*entries, f"{name}={value}"])

    @classmethod
    def from_dict(cls: Type[T], data: Dict[str, Any], strict: bool = True, expand_env: bool = False) -> T:
        """This table alone from a dict in the TOML shape (``Runner.from_dict({"url": ...,
        "docker": {...}})``). ``expand_env=True`` fills in ``${VAR}`` placeholders from
        ``os.environ`` (``$$`` is a literal ``$``; an unset variable is a ``ConfigValueError``
        naming it and the key path). Raises ``ConfigTypeError`` or ``ConfigValueError``."""
        table, kept = _native.table_from_dict(cls, data, strict)
        _warn_kept(kept)
        return _expanded(table) if expand_env else table  # type: ignore[no-any-return]

    @classmethod
    def from_toml(cls: Type[T], text: str, strict: bool = True, expand_env: bool = False) -> T:
        """This table alone from TOML text (a snippet: ``url = ...``, ``[docker]`` ...), as
        ``from_dict``. Raises ``TomlParseError`` naming the line and column of each problem."""
        table, kept = _native.table_from_toml(cls, text, strict)
        _warn_kept(kept)
        return _expanded(table) if expand_env else table  # type: ignore[no-any-return]

    def __replace__(self: T, **changes: Any) -> T:
        """``copy.replace`` (Python 3.13+): a copy with the same fields set, plus ``changes``.
        (``dataclasses.replace`` passes every field to the constructor, so its copy has every
        field set and renders defaults too.)"""
        names = {f.name for f in dataclasses.fields(self)}  # type: ignore[arg-type]
        unknown = sorted(changes.keys() - names)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(unknown)}")
        import copy  # here, not at import: most programs never copy a table

        duplicate = copy.copy(self)
        # Unset containers are not shared: the copy makes its own when one is first read.
        for name, value in list(duplicate.__dict__.items()):
            if isinstance(value, (DefaultList, DefaultDict)) and not value:
                del duplicate.__dict__[name]
        for name, value in changes.items():
            setattr(duplicate, name, value)
        return duplicate

    def to_dict(self) -> Dict[str, Any]:
        """The fields that are set, nested, keyed by TOML key as gitlab-runner spells them."""
        return _native.to_dict(self)


R = TypeVar("R", bound="Root")


class Root(Table):
    """The whole config.toml."""

    def to_toml(self, canonical: bool = False) -> str:
        """config.toml text with exactly the fields that are set. A config parsed from text
        (``from_toml``, ``load``) gives that text back with only its changes made: comments,
        key order, quoting and blank lines stay, a changed value changes its line. One built
        in code, or ``canonical=True``, is in gitlab-runner's canonical layout (keys in
        canonical order; a parsed config's comments move with their keys)."""
        return _native.to_toml(self, canonical)

    @classmethod
    def from_toml(cls: Type[R], text: str, strict: bool = True, expand_env: bool = False) -> R:  # type: ignore[override]
        """Parses config.toml text. In strict mode (the default) unknown keys are errors; with
        ``strict=False`` they are kept and written back unchanged. Raises ``TomlParseError``
        (a ``ValueError``) naming the path, line and column of every problem.
        ``expand_env=True`` fills in ``${VAR}`` placeholders (see ``from_json``)."""
        config, kept = _native.from_toml(cls, text, strict)
        _warn_kept(kept)
        return _expanded(config) if expand_env else config  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls: Type[R], data: Dict[str, Any], strict: bool = True, expand_env: bool = False) -> R:  # type: ignore[override]
        """Builds a config from a dict in the TOML shape, keys as gitlab-runner spells them
        (``{"runners": [{"cache": {"s3": {"BucketName": ...}}}]}``): the JSON kept in secret
        stores. Raises ``ConfigTypeError`` or ``ConfigValueError`` naming each bad path.
        ``expand_env=True`` fills in ``${VAR}`` placeholders (see ``from_json``)."""
        config, kept = _native.from_dict(cls, data, strict)
        _warn_kept(kept)
        return _expanded(config) if expand_env else config  # type: ignore[no-any-return]

    @classmethod
    def from_json(cls: Type[R], text: str, strict: bool = True, expand_env: bool = False) -> R:
        """Builds a config from JSON text in the TOML shape (a secret store's value), as
        ``from_dict``. ``${VAR}`` placeholders stay as written unless ``expand_env=True``,
        which fills them in from ``os.environ`` (``$$`` is a literal ``$``); an unset variable
        is a ``ConfigValueError`` naming it and the key path. Invalid JSON is a ``ValueError``
        with its line and column."""
        import json  # here, not at import: only this reads JSON

        return cls.from_dict(json.loads(text, object_pairs_hook=_refuse_duplicates), strict=strict, expand_env=expand_env)

    @classmethod
    def load(cls: Type[R], path: Union[str, "os.PathLike[str]"], strict: bool = True) -> R:
        """Reads and parses a config.toml file (see ``from_toml``). It must be UTF-8; its
        newlines are read as written, as gitlab-runner reads them."""
        with open(path, "rb") as file:
            return cls.from_toml(_native.text_from_bytes(file.read()), strict=strict)

    def write(self, path: Union[str, "os.PathLike[str]"], check: bool = True) -> None:
        """Writes config.toml atomically: the text goes to a temporary file beside ``path``
        that then replaces it, so on any failure the old file is left untouched. An existing
        file keeps its owner and mode; a new one is created with mode 0600 (it holds tokens).
        Through a symlink, the file it points to is replaced. The CLI writes the same way.

        A config with errors (``validate()`` findings of severity ``error``: a file
        gitlab-runner would refuse or misread) is not written: ``ConfigValidationError`` lists
        them. ``check=False`` writes it anyway."""
        text = self.to_toml()
        if check:
            errors = [d for d in self.validate() if d.severity == "error"]
            if errors:
                from .errors import ConfigValidationError

                raise ConfigValidationError(errors)
        _native.write_file(os.fspath(path), text)

    def validate(self, runner_version: Optional[str] = None, fragment: bool = False) -> List[Diagnostic]:
        """Every problem gitlab-runner would have with this config: wrong types, unknown
        fields, invalid values, removed or deprecated executors and keys, missing sections and
        keys, label syntax, concurrency against limits, secrets written in clear ... Objects
        parsed from text get the line and column of each finding in that text.

        ``runner_version`` ("17.5") is the gitlab-runner release that reads it (default: the
        newest known); ``fragment=True`` checks a snippet, without asking for required keys."""
        from .diagnostics import Diagnostic

        return [Diagnostic(*d) for d in _native.validate(self, runner_version, fragment)]


def _expanded(table: Any) -> Any:
    return _native.expand_env(table, os.environ)


# Environment entries whose name says they hold a secret: their value is never in a repr.
_SECRET_WORDS = ("TOKEN", "PASSWORD", "SECRET", "KEY")


def _masked_entry(entry: Any) -> Any:
    if isinstance(entry, str) and "=" in entry:
        name = entry.split("=", 1)[0]
        upper = name.upper()
        if upper == "DOCKER_AUTH_CONFIG" or any(word in upper for word in _SECRET_WORDS):
            return f"{name}=***"
    return entry


def _warn_kept(kept: List[tuple]) -> None:
    """One warning per unknown key a lenient read kept: a typo must not pass unnoticed."""
    if kept:
        from .diagnostics import Diagnostic
        from .errors import UnknownKeyWarning

    for finding in kept:
        warnings.warn(str(Diagnostic(*finding)), UnknownKeyWarning, stacklevel=3)


def _refuse_duplicates(pairs: List[tuple]) -> Dict[str, Any]:
    """A JSON object, unless a key is written twice in it: JSON readers keep either value (the
    CLI and the npm package refuse it too)."""
    import json

    seen: Dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"invalid JSON: key {json.dumps(key)} written twice in one object")
        seen[key] = value
    return seen

