"""Writes what the Python face makes of every corpus file, for the Node suite to compare with
the JS face (`make test` runs it between the two). Without ../shared it writes an empty map."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from wetwire_gitlab.runner_config import Config, lint

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def main(out: Path) -> None:
    results: dict = {"valid": {}, "unknown-keys": {}}
    for path in sorted((CORPUS / "valid").glob("*.toml")):
        config = Config.from_toml(path.read_text())
        # The canonical rendering of the typed config, as JS's render(parse(text)): without
        # the document a parsed config keeps (which would give the text back).
        del config.__dict__["_toml_document"]
        results["valid"][path.name] = config.to_toml()
    for path in sorted((CORPUS / "unknown-keys").glob("*.toml")):
        results["unknown-keys"][path.name] = [dataclasses.asdict(d) for d in lint(path.read_text())]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
