"""``.ci/run``: it runs the quick part of the README's test command as a fresh
machine would, then the whole command with MNIST; and tests that need MNIST
skip with their reason on a fresh machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pages import ROOT
CI_RUN = ROOT / ".ci" / "run"


def script() -> str:
    return CI_RUN.read_text(encoding="utf-8")


def test_ci_script_is_valid_bash_and_takes_its_command_from_the_readme():
    done = subprocess.run(["bash", "-n", str(CI_RUN)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "<!-- test-command -->" in script()
    assert "<!-- test-command -->" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_fresh_machine_run_comes_first_without_mnist_ci_or_home():
    text = script()
    fresh = text.index("env -u DLFS_DATA -u CI -u DLFS_CACHE -u DLFS_OFFLINE")
    fresh_line = text[fresh : text.index("\n", text.index("\n", fresh) + 1)]
    assert 'HOME="$fresh_home"' in fresh_line
    # the README's own pytest command, restricted to the quick part
    assert '"$quick_part"' in fresh_line
    assert "quick_part=\"$run_part -m 'not slow and not browser'\"" in text
    assert 'fresh_home="$(mktemp -d)"' in text
    # The full run with MNIST and CI set comes after it.
    full = text.index('export DLFS_DATA="$mnist"')
    assert fresh < full < text.rindex('bash -euo pipefail -c "$run_part"')
    assert "unshare -n" in text  # no network where the kernel allows it


def test_cli_tests_pass_on_a_fresh_machine_and_say_why_they_skip(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    drop = {"DLFS_DATA", "CI", "DLFS_CACHE", "DLFS_OFFLINE", "XDG_CACHE_HOME"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["HOME"] = str(home)
    command = [sys.executable, "-m", "pytest", "tests/library/test_cli.py", "-q", "-rs"]
    command += ["-p", "no:cacheprovider", "-m", "not slow and not browser"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "skipped" in done.stdout
    assert "MNIST not found: set DLFS_DATA" in done.stdout
    assert list(home.rglob("*.gz")) == []  # nothing was downloaded
