"""Findings about a config: what ``Config.validate()`` and ``lint()`` return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from .. import _native
from ._codes import DiagnosticCode

__all__ = ["Diagnostic", "DiagnosticCode", "lint"]


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``code`` is stable (``unknown-key``, ``removed-executor`` ...). When the
    config came from text, ``line``/``column`` to ``end_line``/``end_column`` (end exclusive,
    columns in characters, 1-based) is the range it is about: the key, the value, or both.
    ``suggestion`` is the key meant by a misspelled one. Never holds a secret."""

    severity: str  # "error", "warning" or "info"
    code: DiagnosticCode
    path: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None
    end_line: Optional[int] = None
    end_column: Optional[int] = None
    suggestion: Optional[str] = None

    def __str__(self) -> str:
        place = f"{self.line}:{self.column}: " if self.line is not None else ""
        path = f"{self.path}: " if self.path else ""
        return f"{place}{self.severity}[{self.code}]: {path}{self.message}"


def lint(
    text: str, strict: bool = True, runner_version: Optional[str] = None, fragment: bool = False
) -> List[Diagnostic]:
    """Every finding about config.toml text (syntax, types, unknown keys, then the semantic
    checks), each with its range. Unlike ``Config.from_toml`` it never raises on bad text.

    ``runner_version`` ("17.5") is the gitlab-runner release that reads the file (default:
    the newest known); keys it does not know yet or no longer reads are findings.
    ``fragment=True`` lints a snippet: keys a whole config needs are not asked for."""
    return [Diagnostic(*d) for d in _native.lint(text, strict, runner_version, fragment)]
