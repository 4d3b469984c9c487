"""wetwire-gitlab: GitLab Runner's config.toml as typed Python objects, backed by a Rust engine."""

from typing import TYPE_CHECKING, Any

__all__ = ["__version__"]

if TYPE_CHECKING:
    from ._native import __version__
else:

    def __getattr__(name: str) -> Any:
        # The engine (the extension module) loads on first use, not with the package.
        if name == "__version__":
            from ._native import __version__

            return __version__
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
