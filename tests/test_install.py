"""A plain ``pip install`` of a clone (no ``-e``) gives a working ``linkwijzer``: the app with its pages and
samples, started from any folder. Dependencies come from the test environment (a ``.pth`` file) so
only the package itself is built and installed — as ``pipx`` or a user's ``pip install .`` would."""

from __future__ import annotations

import os
import shutil
import site
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECK_APP = '''
from streamlit.testing.v1 import AppTest
from linkwijzer.resources import app_root
assert "site-packages" in str(app_root()), app_root()
at = AppTest.from_file(str(app_root() / "app.py"), default_timeout=120)
at.run()
assert not at.exception, at.exception
at.switch_page("pages/profile.py")
at.run()
assert not at.exception, at.exception
print("|".join(m.value for m in at.markdown))
'''


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("install")
    clone = root / "clone"
    shutil.copytree(REPO, clone, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "build", "__pycache__",
                                                               ".pytest_cache", ".hypothesis", "bench"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    target = subprocess.run([str(python), "-c", "import site; print(site.getsitepackages()[0])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    Path(target, "test-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    run = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
                          str(clone)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    shutil.rmtree(clone)  # the installed app must not need the source tree
    return venv


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "LINKWIJZER_DB": str(tmp / "store.sqlite3"), "PYTHONPATH": ""}


def test_the_installed_app_opens_its_pages_and_samples_from_any_folder(installed, tmp_path):
    run = subprocess.run([str(installed / "bin" / "python"), "-c", CHECK_APP], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Gezond" in run.stdout  # the bundled sample's review rendered


def test_the_installed_command_reviews_a_bundled_sample(installed, tmp_path):
    sample = subprocess.run([str(installed / "bin" / "python"), "-c",
                             "from linkwijzer.profile.importing.samples import SAMPLES; print(SAMPLES['healthy'].paths()[0])"],
                            capture_output=True, text=True, cwd=tmp_path, env=_env(tmp_path), check=True).stdout.strip()
    assert "site-packages" in sample
    run = subprocess.run([str(installed / "bin" / "linkwijzer"), "profile", sample, "--site", "fietsenvandijk.nl",
                          "--json"], capture_output=True, text=True, timeout=300, cwd=tmp_path, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"outcome"' in run.stdout


def test_linkwijzer_app_serves(installed, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(installed / "bin" / "linkwijzer"), "app", "--port", str(port)], cwd=tmp_path,
                              env={**_env(tmp_path), "STREAMLIT_SERVER_ADDRESS": "127.0.0.1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    assert answer.read() == b"ok"
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                time.sleep(0.5)
        else:
            pytest.fail("linkwijzer app did not answer within 60 s")
    finally:
        server.terminate()
        server.wait(timeout=10)
