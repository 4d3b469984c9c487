"""Writing users' files: Python `write()`, CLI `convert -o` and `fmt` replace a file atomically
by the documented rule (an existing file keeps its owner and mode, a new one is 0600) and leave
the old file whole when the write fails: a read-only file system, a full disk (a 64 KB tmpfs),
the target a directory or a dangling symlink, and processes killed with SIGKILL at random
moments (the file is then the old or the new text, never a mix, never empty)."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, List

import pytest

from wetwire_gitlab.runner_config import Config

KILL_SECONDS = float(os.environ.get("ROBUSTNESS_KILL_SECONDS", "8"))


def config_text(runners: int, tag: str) -> str:
    data = {"concurrent": 1, "runners": [
        {"name": f"{tag}-{n}", "url": "https://gitlab.example.com/", "token": "${TOKEN}", "executor": "shell"}
        for n in range(runners)]}
    return Config.from_dict(data).to_toml()


OLD = config_text(1, "old")
NEW = config_text(2000, "new")  # about 150 KB: more than the small tmpfs holds


def write_python(path: Path, text: str) -> None:
    Config.from_toml(text).write(path, check=False)


def writers(cli: Path, scratch: Path) -> List[Callable[[Path, str], None]]:
    def convert(path: Path, text: str) -> None:
        source = scratch / "source.toml"
        source.write_text(text, encoding="utf-8")
        result = subprocess.run([str(cli), "convert", "--from", "toml", "--to", "toml", "--no-check", "-o", str(path), str(source)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise OSError(result.stderr.strip())

    return [write_python, convert]


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}): the full-disk and read-only cases are not tested")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def leftovers(folder: Path, name: str) -> List[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name)


def test_new_files_are_private_and_existing_ones_keep_their_mode(cli: Path, tmp_path: Path) -> None:
    for n, write in enumerate(writers(cli, tmp_path)):
        path = tmp_path / f"new-{n}.toml"
        write(path, OLD)
        assert path.read_text(encoding="utf-8") == OLD
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o640)
        write(path, NEW)
        assert (path.read_text(encoding="utf-8"), stat.S_IMODE(path.stat().st_mode)) == (NEW, 0o640)


def test_fmt_rewrites_in_place_keeping_the_mode(cli: Path, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("concurrent   =   1\n", encoding="utf-8")
    path.chmod(0o644)
    subprocess.run([str(cli), "fmt", str(path)], check=True, capture_output=True)
    assert (path.read_text(encoding="utf-8"), stat.S_IMODE(path.stat().st_mode)) == ("concurrent = 1\n", 0o644)


def test_a_full_disk_leaves_the_old_file_whole(cli: Path, tmp_path: Path, tmpfs: Path) -> None:
    for n, write in enumerate(writers(cli, tmp_path)):
        path = tmpfs / f"config-{n}.toml"
        path.write_text(OLD, encoding="utf-8")
        with pytest.raises(OSError):
            write(path, NEW)
        assert path.read_text(encoding="utf-8") == OLD
        assert leftovers(tmpfs, path.name) == sorted(f"config-{m}.toml" for m in range(n)), "a temporary file was left"


def test_a_read_only_file_system_leaves_the_old_file_whole(cli: Path, tmp_path: Path, tmpfs: Path) -> None:
    path = tmpfs / "config.toml"
    path.write_text(OLD, encoding="utf-8")
    messy = tmpfs / "messy.toml"
    messy.write_text("concurrent   =   1\n", encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    for write in writers(cli, tmp_path):
        with pytest.raises(OSError):
            write(path, NEW)
        assert path.read_text(encoding="utf-8") == OLD
    result = subprocess.run([str(cli), "fmt", str(messy)], capture_output=True, text=True)
    assert result.returncode != 0 and "Read-only file system" in result.stderr, result.stderr
    assert messy.read_text(encoding="utf-8") == "concurrent   =   1\n"


def test_a_directory_or_a_dangling_symlink_is_refused_and_nothing_is_created(cli: Path, tmp_path: Path) -> None:
    folder = tmp_path / "targets"
    folder.mkdir()
    directory = folder / "a-directory"
    directory.mkdir()
    dangling = folder / "dangling.toml"
    dangling.symlink_to(folder / "nowhere.toml")
    for write in writers(cli, tmp_path):
        for target in (directory, dangling):
            with pytest.raises(OSError):
                write(target, NEW)
    assert sorted(p.name for p in folder.iterdir()) == ["a-directory", "dangling.toml"]
    assert list(directory.iterdir()) == []


WRITER = """
import sys
from wetwire_gitlab.runner_config import Config
path, texts = sys.argv[1], [open(sys.argv[2]).read(), open(sys.argv[3]).read()]
configs = [Config.from_toml(t) for t in texts]
n = 0
while True:
    configs[n % 2].write(path, check=False)
    n += 1
"""


def test_writes_killed_at_random_moments_leave_the_old_or_the_new_text(cli: Path, tmp_path: Path) -> None:
    texts = [tmp_path / "a.toml", tmp_path / "b.toml"]
    texts[0].write_text(config_text(300, "a"), encoding="utf-8")
    texts[1].write_text(config_text(400, "b"), encoding="utf-8")
    expected = {t.read_text(encoding="utf-8") for t in texts}
    folder = tmp_path / "target"
    folder.mkdir()
    path = folder / "config.toml"
    path.write_text(texts[0].read_text(encoding="utf-8"), encoding="utf-8")
    rng = random.Random(13)
    kills = {"python": 0, "cli": 0}
    deadline = time.monotonic() + KILL_SECONDS
    while time.monotonic() < deadline:
        for face in kills:
            if face == "python":
                command = [sys.executable, "-c", WRITER, str(path), str(texts[0]), str(texts[1])]
            else:
                source = texts[rng.randrange(2)]
                command = [str(cli), "convert", "--from", "toml", "--to", "toml", "--no-check", "-o", str(path), str(source)]
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, 0.15 if face == "cli" else 0.6))
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills[face] += 1
            content = path.read_text(encoding="utf-8")
            assert content in expected, f"after a SIGKILL of {face}: {len(content)} bytes, neither text"
    # A killed write's temporary file is removed by the next write of the same file.
    Config.from_toml(texts[0].read_text(encoding="utf-8")).write(path, check=False)
    assert leftovers(folder, "config.toml") == []
    print(f"\n{kills['python']} Python writers and {kills['cli']} CLI writers killed with SIGKILL: the file was always whole")
    assert sum(kills.values()) >= 10
