"""wetwire-gitlab: GitLab Runner's config.toml as typed Python objects, backed by a Rust engine."""

from ._native import __version__

__all__ = ["__version__"]
