"""Hostile config.toml texts through the three faces that read files: Python (`Config.load`),
the CLI (`lint --format json`) and JS (`parse`), each in its own process under /usr/bin/time.
Each text ends in a parsed config or a typed error with a line and column, never a crash, in
bounded time and memory; the three faces agree on which texts they accept. The time and peak
memory of each are printed. ROBUSTNESS_BIG_MB sizes the large files (`make soak`: 100)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from conftest import ROOT

BIG_MB = int(os.environ.get("ROBUSTNESS_BIG_MB", "2"))
PACKAGE = ROOT / "bindings-wasm" / "pkg" / "node" / "index.mjs"

# What the engine enforces: the toml crate stops at 80 levels of nested arrays or inline
# tables, the decoder at 64 levels of free-form values (labels, volume options ...).
NESTING = 100_000


def big_runners(megabytes: int) -> bytes:
    runner = '[[runners]]\n  name = "r{n}"\n  url = "https://gitlab.example.com/"\n  token = "${{T}}"\n  executor = "shell"\n'
    count = megabytes * 1024 * 1024 // len(runner)
    return ("concurrent = 4\n\n" + "".join(runner.format(n=n) for n in range(count))).encode()


TEXTS: Dict[str, bytes] = {
    "arrays nested 100,000 deep": b"x = " + b"[" * NESTING + b"]" * NESTING,
    "inline tables nested 100,000 deep": b"x = " + b"{a=" * NESTING + b"}" * NESTING,
    "a dotted key of 100,000 parts": b"a" + b".a" * NESTING + b" = 1",
    "tables nested 100,000 deep": b"[" + b".".join([b"a"] * NESTING) + b"]",
    "arrays nested 81 deep": b"[[runners]]\n[runners.labels]\nx = " + b"[" * 81 + b"]" * 81,
    "values nested 65 deep": b"[[runners]]\n[runners.labels]\nx = " + b"[" * 65 + b"]" * 65,
    "invalid UTF-8": b'concurrent = 1\nlisten_address = "\xff\xfe"\n',
    "a truncated UTF-8 sequence": b'listen_address = "\xe2\x82"\n',
    "an overlong UTF-8 encoding": b'listen_address = "\xc0\xaf"\n',
    "UTF-16 with its BOM": "concurrent = 1\n".encode("utf-16"),
    "a NUL in a key": b"concur\x00rent = 1\n",
    "a NUL in a string": b'listen_address = "a\x00b"\n',
    "a BOM before the first key": b"\xef\xbb\xbfconcurrent = 1\n",
    "a lone CR as newline": b"concurrent = 1\rcheck_interval = 3\r",
    "a key written twice": b"concurrent = 1\nconcurrent = 2\n",
    "a key in two letter cases": b'[[runners]]\nname = "a"\nNAME = "b"\n',
    "a table written twice": b"[session_server]\n[session_server]\n",
    "an integer beyond 64 bits": b"concurrent = 99999999999999999999999\n",
    "an integer of 100,000 digits": b"concurrent = " + b"9" * 100_000 + b"\n",
    "a float beyond 64 bits": b"[[runners]]\n[[runners.autoscaler.policy]]\nscale_factor = 1e400\n",
    "NaN": b"[[runners]]\n[[runners.autoscaler.policy]]\nscale_factor = nan\n",
    "February 30th": b"[[runners]]\ntoken_obtained_at = 2024-02-30T00:00:00Z\n",
    "a leap second": b"[[runners]]\ntoken_obtained_at = 2016-12-31T23:59:60Z\n",
    "year 0000": b"[[runners]]\ntoken_obtained_at = 0000-01-01T00:00:00Z\n",
    "a datetime without seconds": b"[[runners]]\ntoken_obtained_at = 2024-01-02T03:04Z\n",
    "a local date": b"[[runners]]\ntoken_obtained_at = 2024-01-02\n",
    "an offset of 24 hours": b"[[runners]]\ntoken_obtained_at = 2024-01-02T03:04:05+24:00\n",
    "a string of 10 MB": b'listen_address = "' + b"a\\\"" * (5 * 1024 * 1024) + b'"\n',
    "1 MB of garbage": bytes(range(256)) * 4096,
    f"{BIG_MB} MB of runners": big_runners(BIG_MB),
    # About 100 bytes of memory per element while parsing: at most 10 MB of it, even in a soak.
    f"{min(BIG_MB, 10)} MB one-line array": b"[[runners]]\nenvironment = [" + b"1," * (min(BIG_MB, 10) * 512 * 1024) + b"]\n",
}

PYTHON = """
import sys
from wetwire_gitlab.runner_config import Config
from wetwire_gitlab.runner_config.errors import ConfigError
try:
    Config.load(sys.argv[1])
    print("accepted")
except ConfigError as error:
    print("refused:" + str(error).splitlines()[0][:300])
"""
NODE = """
import { readFileSync } from 'node:fs';
import { parse, render } from '%s';
const bytes = readFileSync(process.argv[1]);
let text;
try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { console.log('refused:not UTF-8'); process.exit(0); }
try { parse(text); console.log('accepted'); }
catch (error) { if (error.name !== 'ConfigError' && error.name !== 'TomlParseError') throw error; console.log('refused:' + error.message.split('\\n')[0].slice(0, 300)); }
""" % PACKAGE.as_uri()


def measured(command: List[str]) -> Tuple[str, float, int, int]:
    """(stdout, seconds, peak KB, exit code) of a command run under /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True, timeout=300)
    seconds, peak = result.stderr.strip().splitlines()[-1].split()
    return result.stdout, float(seconds), int(peak), result.returncode


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for n, (name, data) in enumerate(TEXTS.items()):
        paths[name] = folder / f"{n}.toml"
        paths[name].write_bytes(data)
    return paths


def test_hostile_texts_through_python_cli_and_js(files: Dict[str, Path], cli: Path) -> None:
    if not Path("/usr/bin/time").exists():
        pytest.skip("/usr/bin/time is absent (apt-get install time): time and memory cannot be measured")
    node = shutil.which("node")
    if node is None or not PACKAGE.exists():
        pytest.skip("node or the npm package is absent: run `make wasm`")
    rows: List[str] = []
    slow: List[str] = []
    large: List[str] = []
    for name, path in files.items():
        size = path.stat().st_size
        said, seconds, peak, code = measured([sys.executable, "-c", PYTHON, str(path)])
        assert code == 0 and said.startswith(("accepted", "refused:")), f"Python on {name}: exit {code}\n{said}"
        python = said.strip()
        report, cli_seconds, cli_peak, cli_code = measured([str(cli), "lint", "--format", "json", str(path)])
        assert cli_code in (0, 1), f"CLI on {name}: exit {cli_code}"
        findings = json.loads(report)
        # Capped: 100 decode errors and a count of the rest, 100 findings of the checks and a count.
        assert len(findings) <= 202, f"CLI on {name}: {len(findings)} findings"
        said, js_seconds, js_peak, js_code = measured([node, "--input-type=module", "-e", NODE, str(path)])
        assert js_code == 0 and said.startswith(("accepted", "refused:")), f"JS on {name}: exit {js_code}\n{said}"
        js = said.strip()
        # The faces agree on what they accept; a refusal says where (line and column, or a key path).
        assert (python == "accepted") == (js == "accepted"), f"{name}: Python {python!r}, JS {js!r}"
        for refusal in (python, js):
            if refusal != "accepted":
                assert "(line " in refusal or "not UTF-8" in refusal, f"{name}: {refusal}"
        syntax_or_type_errors = [f for f in findings if f["severity"] == "error"]
        assert bool(syntax_or_type_errors) or python == "accepted", f"{name}: the CLI found no error where Python refused"
        # Linear in the size: a minute, or 6 s a megabyte (a debug CLI on a shared machine).
        limit = max(60.0, 6 * size / 2**20)
        slow += [f"{name}: {t}s" for t in (seconds, cli_seconds, js_seconds) if t >= limit]
        large += [f"{name}: {kb} KB" for kb in (peak, cli_peak, js_peak) if kb >= max(4 * 2**20, 40 * size // 1024)]
        rows.append(f"{name:36} {size:>11,} B  Python {seconds:5.2f}s {peak // 1024:5} MB  CLI {cli_seconds:5.2f}s "
                    f"{cli_peak // 1024:5} MB  JS {js_seconds:5.2f}s {js_peak // 1024:5} MB  {python[:60]}")
    print(f"\n{len(rows)} hostile texts through Python, the CLI and JS (time, peak memory of the process):")
    print("\n".join(rows))
    assert slow == [] and large == [], (slow, large)
