"""The ``gitlab-runner-config`` console script: the Rust command line, run in this process."""

import sys

from . import _native


def main() -> None:
    sys.exit(_native.cli_main(sys.argv[1:]))
