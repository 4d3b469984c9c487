"""Exceptions raised by ``wetwire_gitlab.runner_config``; each names the key path at fault."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Optional

if TYPE_CHECKING:
    from ._detail import ErrorDetail

__all__ = [
    "ConfigError",
    "ConfigTypeError",
    "ConfigValidationError",
    "ConfigValueError",
    "ErrorDetail",
    "TomlParseError",
    "UnknownKeyWarning",
]


class ConfigError(Exception):
    """Base of this package's errors. ``errors`` lists every problem found, not only the first;
    ``path``, ``line`` and ``column`` describe the first."""

    def __init__(self, message: str, details: List[tuple]) -> None:
        from ._detail import ErrorDetail

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


class ConfigValidationError(ConfigError, ValueError):
    """A config ``write()`` refused: ``errors`` lists the error-level findings (the
    ``Diagnostic``s are in ``diagnostics``), each naming its path."""

    def __init__(self, diagnostics: "List[Any]") -> None:
        self.diagnostics = list(diagnostics)
        lines = [str(d) for d in self.diagnostics]
        details = [(d.path, d.message, d.line, d.column, d.end_line, d.end_column, d.suggestion) for d in self.diagnostics]
        super().__init__("\n".join(["not written: gitlab-runner would refuse or misread it", *lines]), details)

    def __reduce__(self) -> tuple:
        return (type(self), (self.diagnostics,))


class UnknownKeyWarning(UserWarning):
    """An unknown key kept by a lenient read (``strict=False``): written back unchanged, but
    gitlab-runner ignores it, so it is probably a typo."""


def __getattr__(name: str) -> Any:
    # ErrorDetail loads when first used: making a NamedTuple class costs more at import than
    # the rest of this module.
    if name == "ErrorDetail":
        from ._detail import ErrorDetail

        return ErrorDetail
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
