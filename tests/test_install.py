"""A plain `pip install .` into a fresh venv ships the default pack inside the wheel."""

from __future__ import annotations

import shutil
import subprocess
import venv

from tests.conftest import REPO
from tui import __version__


def test_plain_install_finds_the_default_pack(tmp_path):
    source = tmp_path / "src"
    # Copy the tracked tree so the build never sees this checkout's .venv or caches.
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.split("\n")
    for name in filter(None, files):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, target)
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-c", str(REPO / "constraints.txt"), str(source)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run([str(env_dir / "bin" / "finale"), "packs"], cwd=elsewhere,
                          capture_output=True, text=True, check=True)
    assert "closing-senior-pm" in done.stdout
    assert "site-packages" in done.stdout and str(source) not in done.stdout
    check = subprocess.run([str(env_dir / "bin" / "finale"), "--version"], cwd=elsewhere,
                           capture_output=True, text=True, check=True)
    # The installed command is this checkout's version, not some other finale on the PATH.
    assert check.stdout.strip() == f"finale {__version__}"
