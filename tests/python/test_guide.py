"""The user guide (seed 000): its complete example and every other snippet."""

from __future__ import annotations

import re
import runpy
import warnings

import pytest
from conftest import GOLDEN, ROOT, check_golden, shared_file

from wetwire_gitlab import runner_config
from wetwire_gitlab.runner_config import Config, Executor, Runner

GUIDE = "seeds/000_f408bfd51eb4a45c.txt"
GUIDE_CLASSES = [
    "Config", "Runner", "Executor", "DockerConfig", "KubernetesConfig",
    "CacheConfig", "CacheS3Config", "CacheGCSConfig",
]


def guide_blocks(kind: str) -> list:
    text = shared_file(GUIDE).read_text(encoding="utf-8")
    return re.findall(rf"```{kind}\n(.*?)```", text, re.S)


def test_complete_example_matches_golden(capsys: pytest.CaptureFixture[str]) -> None:
    # The same file `make demo` runs.
    runpy.run_path(str(ROOT / "examples" / "guide_complete_example.py"))
    printed = capsys.readouterr().out
    assert printed.endswith("\n\n"), "print() adds one newline after the text's own"
    check_golden("guide_complete_example.toml", printed[:-1])


def test_golden_is_the_guides_generated_toml() -> None:
    generated = guide_blocks("toml")[-1]
    assert (GOLDEN / "guide_complete_example.toml").read_text(encoding="utf-8") == generated


def test_complete_example_from_the_guide_prints_generated_toml(capsys: pytest.CaptureFixture[str]) -> None:
    code = guide_blocks("python")[-1]
    assert "print(config.to_toml())" in code
    exec(compile(code, GUIDE, "exec"), {})
    assert capsys.readouterr().out == guide_blocks("toml")[-1] + "\n"


def test_every_other_snippet_runs_unchanged() -> None:
    snippets = guide_blocks("python")[:-1]
    assert len(snippets) == 9
    # One session through the guide, as a reader would type it, with the guide's eight classes
    # imported (some snippets use them without an import) and the two runners that the Config
    # section's snippet names but the guide never builds.
    base = Runner("r", "https://gitlab.example.com/", "${T}", Executor.SHELL)
    namespace = {name: getattr(runner_config, name) for name in GUIDE_CLASSES}
    namespace.update(runner1=base, runner2=base)
    for code in snippets:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # pre_clone_script, on purpose
            exec(compile(code, GUIDE, "exec"), namespace)
        for value in namespace.values():
            if isinstance(value, Config):
                assert value.to_toml().startswith("concurrent = 4\ncheck_interval = 0\n")


def test_guide_runner_snippet_writes_every_listed_key() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runner = Runner(
            name="my-runner",
            url="https://gitlab.example.com/",
            token="${RUNNER_TOKEN}",
            executor=Executor.DOCKER,
            limit=10,
            output_limit=4096,
            builds_dir="/builds",
            cache_dir="/cache",
            environment=["VAR=value"],
            pre_clone_script="",
            pre_build_script="",
            post_build_script="",
        )
    assert [str(w.message) for w in caught] == [
        "Runner.pre_clone_script is deprecated; use pre_get_sources_script"
    ]
    assert Config(concurrent=1, runners=[runner]).to_toml() == (
        "concurrent = 1\n\n[[runners]]\n"
        '  name = "my-runner"\n  url = "https://gitlab.example.com/"\n  token = "${RUNNER_TOKEN}"\n'
        '  executor = "docker"\n  limit = 10\n  output_limit = 4096\n  builds_dir = "/builds"\n'
        '  cache_dir = "/cache"\n  environment = ["VAR=value"]\n  pre_get_sources_script = ""\n'
        '  pre_build_script = ""\n  post_build_script = ""\n'
    )
