"""Threads rendering and parsing shared and separate objects at once: no crash, no wrong
result. ROBUSTNESS_THREAD_SECONDS sets how long (`make soak` may run longer)."""

from __future__ import annotations

import os
import threading
import time
from typing import List

from conftest import GOLDEN
from wetwire_gitlab.runner_config import Config, Runner

GUIDE = (GOLDEN / "guide_complete_example.toml").read_text(encoding="utf-8")
SECONDS = float(os.environ.get("ROBUSTNESS_THREAD_SECONDS", "4"))
THREADS = 8


def test_threads_render_and_parse_shared_and_separate_objects() -> None:
    shared = Config.from_toml(GUIDE)
    shared_dict = shared.to_dict()
    failures: List[str] = []
    rounds = [0] * THREADS
    deadline = time.monotonic() + SECONDS

    def work(n: int) -> None:
        own = Config(concurrent=n + 1, runners=[Runner(name=f"thread-{n}", url="https://gitlab.example.com/", token="${T}", executor="shell")])
        expected_own = own.to_toml()
        try:
            while time.monotonic() < deadline:
                if shared.to_toml() != GUIDE:
                    failures.append(f"thread {n}: the shared config rendered differently")
                if Config.from_toml(GUIDE) != shared or shared.to_dict() != shared_dict:
                    failures.append(f"thread {n}: the guide parsed differently")
                own.runners[0].limit = rounds[n] % 7 + 1  # the thread's own object changes
                text = own.to_toml()
                if Config.from_toml(text).runners[0].limit != rounds[n] % 7 + 1 or f'"thread-{n}"' not in text:
                    failures.append(f"thread {n}: its own config came back wrong:\n{text}")
                del own.runners[0].limit
                if own.to_toml() != expected_own:
                    failures.append(f"thread {n}: its own config rendered differently")
                shared.validate()
                rounds[n] += 1
        except Exception as error:  # noqa: BLE001 - any exception in a thread is the failure
            failures.append(f"thread {n}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == [], failures[:5]
    print(f"\n{THREADS} threads, {sum(rounds)} rounds of render, parse and validate in {SECONDS:.0f}s: no wrong result")
    assert min(rounds) > 0
