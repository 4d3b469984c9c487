"""Findings about a config: what ``Config.validate()`` and ``lint()`` return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from .. import _native
from ._codes import DiagnosticCode

__all__ = ["Diagnostic", "DiagnosticCode", "Edit", "Fix", "fix", "lint"]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (character offsets, as Python indexes strings) with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """The edits that repair a finding (a key renamed). ``safe``: the config means the same
    after (a key's letter case, a key gitlab-runner renamed); otherwise a guess (the one known
    key close to an unknown one), made by ``fix(text, unsafe=True)`` only."""

    safe: bool
    edits: Tuple[Edit, ...]


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``code`` is stable (``unknown-key``, ``removed-executor`` ...). When the
    config came from text, ``line``/``column`` to ``end_line``/``end_column`` (end exclusive,
    columns in characters, 1-based) is the range it is about: the key, the value, or both.
    ``suggestion`` is the key meant by a misspelled one; ``fix``, from ``lint``, the edits
    that repair the finding, when renaming its key does. Never holds a secret."""

    severity: str  # "error", "warning" or "info"
    code: DiagnosticCode
    path: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None
    end_line: Optional[int] = None
    end_column: Optional[int] = None
    suggestion: Optional[str] = None
    fix: Optional[Fix] = None

    def __str__(self) -> str:
        """``LINE:COLUMN: severity[code]: path: message``, as the CLI and the npm package say it."""
        return _native.diagnostic_line(self.severity, self.code, self.path, self.message, self.line, self.column)


def lint(
    text: str, strict: bool = True, runner_version: Optional[str] = None, fragment: bool = False
) -> List[Diagnostic]:
    """Every finding about config.toml text (syntax, types, unknown keys, then the semantic
    checks), each with its range. Unlike ``Config.from_toml`` it never raises on bad text.

    ``runner_version`` ("17.5") is the gitlab-runner release that reads the file (default:
    the newest known); keys it does not know yet or no longer reads are findings.
    ``fragment=True`` lints a snippet: keys a whole config needs are not asked for."""
    return [_with_fix(*d) for d in _native.lint(text, strict, runner_version, fragment)]


def _with_fix(*fields: Any) -> Diagnostic:
    *rest, found = fields
    made = None if found is None else Fix(found[0], tuple(Edit(*edit) for edit in found[1]))
    return Diagnostic(*rest, made)


def fix(
    text: str,
    unsafe: bool = False,
    strict: bool = True,
    runner_version: Optional[str] = None,
    fragment: bool = False,
) -> str:
    """``text`` with every safe fix of ``lint``'s findings made (``unsafe=True``: the unsafe
    ones too), comments and everything else kept byte for byte; a second run changes nothing.
    Text that is not TOML comes back as it is."""
    return _native.fix(text, unsafe, strict, runner_version, fragment)
