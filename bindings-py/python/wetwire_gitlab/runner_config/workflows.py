"""How config.toml is produced in the field: composed from a template and runner snippets at
each service start (tokens kept), and registry credentials for ``DOCKER_AUTH_CONFIG``. The
work is done by the Rust engine, the same code as ``gitlab-runner-config compose`` and
``docker-auth``."""

from __future__ import annotations

import os
from typing import List, Optional, Union

from .. import _native

__all__ = ["Composed", "compose", "docker_auth_config"]

PathLike = Union[str, "os.PathLike[str]"]


class Composed:
    """A composed config.toml: ``text``, the runners of the current file no snippet configures
    any more (``removed``, left out), and the runners without a token (``unregistered``)."""

    def __init__(self, text: str, removed: List[str], unregistered: List[str]) -> None:
        self.text = text
        self.removed = removed
        self.unregistered = unregistered

    def __repr__(self) -> str:
        # The text holds tokens: never shown.
        return f"Composed(removed={self.removed!r}, unregistered={self.unregistered!r})"

    def write(self, path: PathLike) -> None:
        """Writes the text atomically, as ``Config.write`` (a new file is 0600)."""
        _native.write_file(os.fspath(path), self.text)


def compose(template: PathLike, snippets_dir: PathLike, current: Optional[PathLike] = None) -> Composed:
    """One runner per ``*.toml`` file of ``snippets_dir`` (named by the file's stem unless it
    sets ``name``; a file of ``[[runners]]`` entries works too), on top of the template's
    global settings and its one ``[[runners]]`` entry of defaults: tables are merged key by key,
    lists and other values replaced. The template's ``client_configs`` never reach the output.
    ``token``, ``id``, ``token_obtained_at`` and ``token_expires_at`` come from the ``current``
    file's runner of the same name (when the file exists), and the current file's comments are
    kept. Raises ``PermissionError`` for a template, folder or snippet writable by group or
    other (they hold secrets), ``OSError`` for one that cannot be read, ``TomlParseError``
    naming the file, key path, line and column of each problem."""
    text, removed, unregistered = _native.compose(
        os.fspath(template), os.fspath(snippets_dir), None if current is None else os.fspath(current)
    )
    return Composed(text, removed, unregistered)


def docker_auth_config(
    registry: Optional[str] = None,
    username: Optional[str] = None,
    password: Optional[str] = None,
    *,
    cred_helper: Optional[str] = None,
    creds_store: Optional[str] = None,
) -> str:
    """The JSON value of ``DOCKER_AUTH_CONFIG`` (the Docker client's config.json) that logs in
    to ``registry``: ``{"auths": {registry: {"auth": base64("username:password")}}}``; with
    ``cred_helper``, ``{"credHelpers": {registry: cred_helper}}``; ``creds_store`` alone,
    ``{"credsStore": creds_store}``. Put it in a runner with
    ``runner.add_environment("DOCKER_AUTH_CONFIG", value)``: the rendered file holds it as one
    escaped TOML string, and ``repr`` never shows it. Raises ``ValueError``."""
    return _native.docker_auth_config(registry, username, password, cred_helper, creds_store)  # type: ignore[no-any-return]
