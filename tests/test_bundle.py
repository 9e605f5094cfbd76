"""The PyInstaller bundle (kiosk.spec), built once into a temporary folder and smoke-tested as shipped.

With KIOSK_BUNDLE=dist/kiosk the tests check a bundle built beforehand (`make bundle`) instead.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Test tools and their heavy dependencies: none of them may reach a kiosk.
TEST_ONLY = {"pytest", "_pytest", "pytestqt", "hypothesis", "schemathesis", "skimage", "scipy", "matplotlib",
             "PyInstaller", "mypy", "coverage", "importlinter", "grimp", "ruff", "networkx", "imageio"}
# Ceiling with some room: a spec change that lets QtWebEngine (200 MB) or the test extras back in trips it.
MAX_BYTES = 650 * 2**20

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("KIOSK_BUNDLE")
    if given:
        return Path(given).resolve()
    work = tmp_path_factory.mktemp("bundle")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "kiosk.spec")],
        cwd=work, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-4000:]
    return work / "dist" / "kiosk"


def kiosk(bundle: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    return subprocess.run([str(bundle / "kiosk"), *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_help_runs(bundle: Path) -> None:
    result = kiosk(bundle, "--help")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("usage: kiosk")


def test_selftest_reports_json_with_the_back_office_down(bundle: Path, tmp_path: Path) -> None:
    """Besides the store: translations, voice plugins, simulated camera and ESC/POS profiles, all frozen."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path}"\n[back_office]\nurl = "http://127.0.0.1:{unused_port()}"\n'
                      'connect_timeout_s = 1.0\n[devices]\nprinter = "dummy"\n', encoding="utf-8")
    result = kiosk(bundle, "selftest", "--json", "--config", str(config))
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = last_json(result.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert {"store", "back_office", "outbox", "translations", "voice", "printer"} <= set(checks)
    assert {name for name, check in checks.items() if not check["ok"]} == {"back_office"}, checks
    assert report["status"] == "degraded" and result.returncode == 1  # unreachable back office


def test_a_renewal_runs_through_the_frozen_ui(bundle: Path, tmp_path: Path) -> None:
    """QML, OpenCV with the face models, the store, and the stub started as `kiosk -m backend_stub`."""
    result = kiosk(bundle, "qa", "run", "renewal", "--persona", "renewal-ok", "--json",
                   "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr[-4000:]
    outcome = last_json(result.stdout)
    assert outcome["outcome"] == "submitted" and outcome["delivered"] is True
    assert "face match: match" in result.stderr  # the frozen face-match child process ran the comparison


def test_every_screen_renders_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """Every screen of every service in both modes' QML: a QML module the spec dropped but a screen imports
    shows up here."""
    result = kiosk(bundle, "screenshot", "--all", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-4000:]
    assert "is not installed" not in result.stderr
    assert {"attract.png", "delivery.png", "done.png"} <= {path.name for path in tmp_path.glob("*.png")}


def test_the_bundle_carries_what_the_kiosk_reads_at_run_time(bundle: Path) -> None:
    internal = bundle / "_internal"
    shipped = {"ui/i18n/kiosk_zh.qm": ROOT / "src/ui/i18n/kiosk_zh.qm",
               "ui/qml/Main.qml": ROOT / "src/ui/qml/Main.qml",
               "backend_stub/data/demo.json": ROOT / "src/backend_stub/data/demo.json",
               **{f"drivers/camera/models/{model.name}": model
                  for model in (ROOT / "src/drivers/camera/models").iterdir()}}
    stale = {path for path, source in shipped.items()
             if not (internal / path).is_file() or (internal / path).read_bytes() != source.read_bytes()}
    assert stale == set()
    # Loaded by name at run time, so no import analysis would notice them missing: voice (mock in QA,
    # speech-dispatcher on a kiosk), the virtual keyboard, the platforms, D-Bus (the screen saver).
    plugins = internal / "PySide6/Qt/plugins"
    needed = ["texttospeech/libqtexttospeech_mock.so", "texttospeech/libqtexttospeech_speechd.so",
              "platforminputcontexts/libqtvirtualkeyboardplugin.so", "platforms/libqxcb.so",
              "platforms/libqoffscreen.so", "../qml/QtQuick/VirtualKeyboard/qmldir", "../lib/libQt6DBus.so.6"]
    assert [path for path in needed if not (plugins / path).is_file()] == []
    assert list((internal / "smartcard/scard").glob("_scard*.so"))
    assert list((internal / "cv2").glob("cv2*.so"))


def test_no_test_tool_ships(bundle: Path) -> None:
    from PyInstaller.archive.readers import pkg_archive_contents

    modules = {name.split(".")[0] for name in pkg_archive_contents(str(bundle / "kiosk"))}
    folders = {path.name for path in (bundle / "_internal").iterdir()}
    assert TEST_ONLY & (modules | folders) == set()


def test_every_bundled_library_finds_its_qt_libraries(bundle: Path) -> None:
    """kiosk.spec drops unused Qt modules: nothing left may need one of them."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing = []
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        linked = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        missing += [f"{path.relative_to(internal)}: {line.split()[0]}" for line in linked.splitlines()
                    if "not found" in line and "Qt6" in line]
    assert missing == []


def test_the_bundle_stays_small(bundle: Path) -> None:
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    assert size < MAX_BYTES, f"{size / 2**20:.0f} MB"
