"""Exceptions raised by ``wetwire_gitlab.runner_config``; each names the key path at fault."""

from __future__ import annotations

from typing import List, NamedTuple, Optional

__all__ = ["ConfigError", "ConfigTypeError", "ConfigValueError", "ErrorDetail", "TomlParseError"]


class ErrorDetail(NamedTuple):
    """One problem: where it is (from ``line``/``column`` to ``end_line``/``end_column`` in
    parsed text) and what is wrong; ``suggestion`` is the key meant by a misspelled one. Never
    holds a secret's value."""

    path: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None
    end_line: Optional[int] = None
    end_column: Optional[int] = None
    suggestion: Optional[str] = None


class ConfigError(Exception):
    """Base of this package's errors. ``errors`` lists every problem found, not only the first;
    ``path``, ``line`` and ``column`` describe the first."""

    def __init__(self, message: str, details: List[tuple]) -> None:
        super().__init__(message)
        self._details = details
        self.errors: List[ErrorDetail] = [ErrorDetail(*d) for d in details]
        first = self.errors[0] if self.errors else ErrorDetail("", message)
        self.path: str = first.path
        self.line: Optional[int] = first.line
        self.column: Optional[int] = first.column

    def __reduce__(self) -> tuple:
        # Pickled (as multiprocessing does) with both constructor arguments.
        return (type(self), (str(self), self._details))


class ConfigTypeError(ConfigError, TypeError):
    """A value of the wrong type, or an attribute that is not a config field."""


class ConfigValueError(ConfigError, ValueError):
    """A value of the right type that cannot be used (an invalid duration, say)."""


class TomlParseError(ConfigError, ValueError):
    """Text that is not TOML, or not a config gitlab-runner would accept."""
