"""Side-by-side timings of the Python face, printed as Markdown (`make bench` writes
BENCHMARKS.md). Each row is the best of several runs, all measured in this one process."""

from __future__ import annotations

import platform
import subprocess
import sys
import time
import tomllib
from typing import Callable

import tomli_w

from wetwire_gitlab.runner_config import CacheConfig, CacheS3Config, Config, DockerConfig, Executor, Runner

RUNNERS = 1000


def fleet(count: int = RUNNERS) -> Config:
    runners = []
    for i in range(count):
        runner = Runner(
            name=f"docker-{i}",
            url="https://gitlab.example.com/",
            token="${RUNNER_TOKEN}",
            executor=Executor.DOCKER,
            limit=4,
            environment=[f"RUNNER_INDEX={i}", "DOCKER_TLS_CERTDIR=/certs"],
            docker=DockerConfig(
                image="alpine:3.20",
                privileged=True,
                volumes=["/certs/client", "/cache"],
                pull_policy=["always", "if-not-present"],
            ),
            cache=CacheConfig(type="s3", path="runners", shared=True),
        )
        runner.cache_s3 = CacheS3Config(
            server_address="s3.amazonaws.com",
            bucket_name="runner-cache",
            bucket_location="eu-west-1",
            access_key="${AWS_ACCESS_KEY}",
            secret_key="${AWS_SECRET_KEY}",
        )
        runners.append(runner)
    return Config(concurrent=100, runners=runners)


def best(run: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def import_time(statement: str, repeat: int = 7) -> float:
    """Best wall time of a fresh interpreter running `statement`, minus an empty one."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    empty = min(run("pass") for _ in range(repeat))
    return min(run(statement) for _ in range(repeat)) - empty


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    config = fleet()
    text = config.to_toml()
    data = config.to_dict()
    rows = [
        (f"build {RUNNERS} runners (Python objects)", best(fleet), ""),
        (f"`Config.to_toml()`, {RUNNERS} runners", best(config.to_toml), "typed, checked, escaped"),
        (f"`tomli_w.dumps(config.to_dict())`", best(lambda: tomli_w.dumps(data)), "pure-Python writer, no checks"),
        (f"`Config.from_toml(text)`, {len(text) // 1024} KiB", best(lambda: Config.from_toml(text)), "typed objects"),
        ("`tomllib.loads(text)`, same text", best(lambda: tomllib.loads(text)), "plain dicts, no checks"),
        ("`import wetwire_gitlab.runner_config`", import_time("import wetwire_gitlab.runner_config"), "fresh interpreter"),
        ("`import dataclasses, enum, typing`", import_time("import dataclasses, enum, typing"), "baseline"),
    ]
    print("# Benchmarks\n")
    print(f"Made by `make bench` on {platform.machine()}, Python {platform.python_version()}, "
          f"{platform.system()}; best of 7 runs each, all in one run.\n")
    print("| what | time | note |\n|---|---:|---|")
    for what, seconds, note in rows:
        print(f"| {what} | {ms(seconds)} | {note} |")


if __name__ == "__main__":
    main()
