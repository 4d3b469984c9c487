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

from . import _tables
from ._tables import *  # noqa: F401,F403
from ._tables import LAZY as _lazy_names
from ._tables import __all__ as _table_names

_ERRORS = (
    "ConfigError",
    "ConfigTypeError",
    "ConfigValidationError",
    "ConfigValueError",
    "TomlParseError",
    "UnknownKeyWarning",
)

if TYPE_CHECKING:
    from . import errors
    from ._executor_tables import *  # noqa: F401,F403
    from .diagnostics import Diagnostic, DiagnosticCode, Edit, Fix, fix, lint
    from .errors import (
        ConfigError,
        ConfigTypeError,
        ConfigValidationError,
        ConfigValueError,
        TomlParseError,
        UnknownKeyWarning,
    )
else:

    def __getattr__(name: str) -> Any:
        # The findings' module loads on first use: building and writing configs never needs it.
        if name in ("Diagnostic", "DiagnosticCode", "Edit", "Fix", "fix", "lint"):
            from . import diagnostics

            return getattr(diagnostics, name)
        # So do the exceptions (raised by the engine, which imports them itself) ...
        if name in _ERRORS or name == "errors":
            import importlib

            errors = importlib.import_module(".errors", __name__)
            return errors if name == "errors" else getattr(errors, name)
        # ... and the tables of executors other than docker (Kubernetes alone has 36 classes).
        if name in _lazy_names:
            value = getattr(_tables, name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")



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
