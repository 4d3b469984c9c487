"""``ErrorDetail``, apart from ``errors`` so that importing the package does not make it."""

from typing import NamedTuple, Optional


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


# Shown, pickled and documented as ``errors.ErrorDetail``, which loads it from here.
ErrorDetail.__module__ = "wetwire_gitlab.runner_config.errors"
