"""Side-by-side timings of the Python face, printed as Markdown (`make bench` writes
BENCHMARKS.md). Each row is the median of several runs after a warm-up, all in this one run;
ratios are what the README quotes (absolute times depend on the machine and its load)."""

from __future__ import annotations

import datetime
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from importlib.metadata import version
from typing import Callable, List

import rtoml
import tomli_w

import wetwire_style
from fleet import fleet

RUNNERS = 1000


def median(run: Callable[[], object], repeat: int = 11) -> float:
    """Median CPU time of `repeat` runs after a warm-up: on a machine shared with other work,
    wall time would count theirs too."""
    run()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


IMPORT_PROBE = "import time; start = time.process_time(); import {}; print(time.process_time() - start)"


def import_times(*modules: str, repeat: int = 21) -> List[float]:
    """Median CPU time of `import <modules>` in a fresh interpreter (the binary itself, bytecode
    cached by the wheel's install), measured inside that interpreter: CPU time rather than wall
    time, so that other processes on a busy machine do not count. The two imports are timed
    in turns, so that a change in the machine's load between them does not show as a ratio."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def probe(names: str) -> float:
        command = [sys.executable, "-c", IMPORT_PROBE.format(names)]
        return float(subprocess.run(command, check=True, env=env, capture_output=True, text=True).stdout)

    # Once first, so any bytecode not yet cached is written before timing.
    for names in modules:
        subprocess.run([sys.executable, "-c", f"import {names}"], check=True, env=env)
    times: List[List[float]] = [[] for _ in modules]
    for _ in range(repeat):
        for names, spent in zip(modules, times):
            spent.append(probe(names))
    return [statistics.median(spent) for spent in times]


MEMORY_PROBE = """
import sys
sys.path.insert(0, {bench!r})

def status(field):
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) * 1024

def measure(call):
    # Resets the peak resident size (VmHWM) to the current one, so the peak is this call's.
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = status("VmRSS")
    result = call()
    return before, status("VmHWM"), status("VmRSS"), result

if {parse}:
    from wetwire_gitlab.runner_config import Config
    with open({text_path!r}) as file:
        text = file.read()
    before, peak, after, config = measure(lambda: Config.from_toml(text))
    # Above the objects the call returns: what it needed on the way.
    print(peak - after, len(text))
else:
    from fleet import fleet
    config = fleet({runners})
    before, peak, after, text = measure(config.to_toml)
    print(peak - before, len(text))
"""


def peak_memory(parse: bool, text_path: str, runners: int) -> tuple:
    """Peak resident memory a call adds, in a fresh interpreter, and the size of the text."""
    bench = os.path.dirname(os.path.abspath(__file__))
    code = MEMORY_PROBE.format(bench=bench, runners=runners, parse=parse, text_path=text_path)
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if probe.returncode != 0:
        raise RuntimeError(f"the memory probe failed:\n{probe.stderr}")
    added, size = probe.stdout.split()
    return int(added), int(size)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def times(ours: float, theirs: float) -> str:
    """How many times faster ours is (below 1: slower)."""
    return f"{theirs / ours:.1f}x faster" if ours <= theirs else f"{ours / theirs:.2f}x slower"


def table(rows: List[tuple]) -> None:
    print("| what | median | ours vs this | note |\n|---|---:|---:|---|")
    for what, seconds, against, note in rows:
        print(f"| {what} | {ms(seconds)} | {against} | {note} |")


def main() -> None:
    config = fleet(RUNNERS)
    text = config.to_toml()
    data = config.to_dict()
    assert tomllib.loads(wetwire_style.to_toml(config)) == tomllib.loads(text), "the baseline writes the same TOML"
    cls = type(config)

    to_toml = median(config.to_toml)
    pure = median(lambda: wetwire_style.to_toml(config))
    rtoml_dumps = median(lambda: rtoml.dumps(data))
    tomli_w_dumps = median(lambda: tomli_w.dumps(data))
    from_toml = median(lambda: cls.from_toml(text))
    # The lossless path: a parsed config written back with one value changed (update).
    parsed = cls.from_toml(text)
    parsed.runners[RUNNERS // 2].limit = 7
    update = median(parsed.to_toml)
    rtoml_loads = median(lambda: rtoml.loads(text))
    tomllib_loads = median(lambda: tomllib.loads(text))
    ours_import, base_import = import_times("wetwire_gitlab.runner_config", "dataclasses, enum, typing")

    print("# Benchmarks\n")
    print(f"Made by `make bench` on {datetime.date.today()}: {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.system()}, Python {platform.python_version()}, rtoml {version('rtoml')}, "
          f"tomli-w {version('tomli-w')}. Medians of the CPU time of several runs after a warm-up, all in one run; the "
          "ratios are what to read (absolute times move with the machine's load).\n")
    print(f"The fleet: {RUNNERS} runners, docker ones with two services, every tenth a Kubernetes one, "
          f"each with an S3 cache and five environment entries ({len(text) // 1024} KiB of TOML).\n")
    print("## Python\n")
    table([
        (f"`Config.to_toml()`, {RUNNERS} runners", to_toml, "", "typed, checked, escaped"),
        ("pure-Python writer (`bench/wetwire_style.py`)", pure, times(to_toml, pure),
         "the published package's way: walk the dataclasses, format lines, no escaping"),
        ("`rtoml.dumps(data)`", rtoml_dumps, times(to_toml, rtoml_dumps),
         "Rust; `data = config.to_dict()` built before timing"),
        ("`tomli_w.dumps(data)`", tomli_w_dumps, times(to_toml, tomli_w_dumps), "pure Python, same dict"),
        (f"`Config.from_toml(text)`", from_toml, "", "typed objects, checked, positions and text kept"),
        ("`to_toml()` of a parsed config, one value changed", update, f"{update / to_toml:.1f}x `to_toml()`'s time",
         "lossless: the text re-parsed, compared, one line edited"),
        ("`rtoml.loads(text)`", rtoml_loads, times(from_toml, rtoml_loads), "Rust; plain dicts, no checks"),
        ("`tomllib.loads(text)`", tomllib_loads, times(from_toml, tomllib_loads), "pure Python; plain dicts"),
        ("`import wetwire_gitlab.runner_config`", ours_import,
         f"{ours_import / base_import:.2f}x the baseline's time", "fresh interpreter, bytecode cached, CPU time"),
        ("`import dataclasses, enum, typing`", base_import, "", "the baseline"),
    ])

    print("\n### Scaling (per runner)\n")
    print("| runners | `to_toml()` | per runner | `from_toml()` | per runner |\n|---:|---:|---:|---:|---:|")
    for runners in (10, 100, 1000, 10_000):
        sized = fleet(runners)
        sized_text = sized.to_toml()
        repeat = 5 if runners >= 10_000 else 11
        render = median(sized.to_toml, repeat)
        parse = median(lambda: cls.from_toml(sized_text), repeat)
        print(f"| {runners} | {ms(render)} | {render * 1e6 / runners:.2f} µs | {ms(parse)} | "
              f"{parse * 1e6 / runners:.2f} µs |")
        del sized
        gc.collect()

    print("\n### Peak memory at 10,000 runners\n")
    print("| call | peak added | text size | ratio |\n|---|---:|---:|---:|")
    with tempfile.NamedTemporaryFile("w", suffix=".toml") as file:
        file.write(fleet(10_000).to_toml())
        file.flush()
        for what, parse in (("`to_toml()`, above the objects", False),
                            ("`from_toml()`, above the objects it returns", True)):
            added, size = peak_memory(parse, file.name, 10_000)
            print(f"| {what} | {added / 2**20:.1f} MiB | {size / 2**20:.1f} MiB | {added / size:.2f}x the text |")

if __name__ == "__main__":
    main()
