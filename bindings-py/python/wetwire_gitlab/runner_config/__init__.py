"""GitLab Runner's ``config.toml`` as dataclasses: build, render, parse.

>>> from wetwire_gitlab.runner_config import Config, Runner, Executor, DockerConfig
>>> runner = Runner("r", "https://gitlab.example.com/", "${TOKEN}", Executor.DOCKER,
...                 docker=DockerConfig(image="alpine"))
>>> print(Config(concurrent=2, runners=[runner]).to_toml(), end="")
concurrent = 2
<BLANKLINE>
[[runners]]
  name = "r"
  url = "https://gitlab.example.com/"
  token = "${TOKEN}"
  executor = "docker"
<BLANKLINE>
  [runners.docker]
    image = "alpine"
"""

from typing import TYPE_CHECKING, Any

from .. import _native
from . import _tables, errors
from ._base import DefaultDict, DefaultList
from ._tables import *  # noqa: F401,F403
from ._tables import LAZY as _lazy_names
from ._tables import __all__ as _table_names
from .errors import (
    ConfigError,
    ConfigTypeError,
    ConfigValidationError,
    ConfigValueError,
    TomlParseError,
    UnknownKeyWarning,
)

if TYPE_CHECKING:
    from ._executor_tables import *  # noqa: F401,F403
    from .diagnostics import Diagnostic, DiagnosticCode, Edit, Fix, fix, lint
else:

    def __getattr__(name: str) -> Any:
        # The findings' module loads on first use: building and writing configs never needs it.
        if name in ("Diagnostic", "DiagnosticCode", "Edit", "Fix", "fix", "lint"):
            from . import diagnostics

            return getattr(diagnostics, name)
        # So do the tables of executors other than docker (Kubernetes alone has 36 classes).
        if name in _lazy_names:
            value = getattr(_tables, name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_native.register(
    {name: getattr(_tables, name) for name in _table_names if name != "Executor"},
    _tables.Executor,
    DefaultList,
    DefaultDict,
    errors,
)

__all__ = [
    *_table_names,
    *_lazy_names,
    "ConfigError",
    "ConfigTypeError",
    "ConfigValidationError",
    "ConfigValueError",
    "Diagnostic",
    "DiagnosticCode",
    "Edit",
    "Fix",
    "TomlParseError",
    "UnknownKeyWarning",
    "fix",
    "lint",
]
