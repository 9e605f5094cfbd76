"""The kiosk as a service (packaging/): the systemd unit's keys that keep it up, systemd's own verdict on the
units, and the user-session wrapper that restarts it with a back-off."""

from __future__ import annotations

import configparser
import ctypes
import os
import shutil
import signal
import stat
import subprocess
import textwrap
import threading
from pathlib import Path

import pytest

from kiosk.crash_loop import DEFAULT_LIMIT, DEFAULT_WINDOW_S

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"
UNIT = PACKAGING / "systemd" / "licence-kiosk.service"
SESSION = PACKAGING / "autostart" / "licence-kiosk-session"
Unit = dict[str, dict[str, list[str]]]


def parse_unit(text: str) -> Unit:
    """Sections of key → every value in order (Environment= and ReadWritePaths= repeat), as systemd reads
    them: comments on their own lines, a backslash continues a line."""
    unit: Unit = {}
    section: dict[str, list[str]] = {}
    for line in text.replace("\\\n", " ").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = unit.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        section.setdefault(key.strip(), []).append(value.strip())
    return unit


def one(unit: Unit, section: str, key: str) -> str:
    values = unit[section][key]
    assert len(values) == 1, f"{key}= given {len(values)} times"
    return values[0]


def test_the_unit_restarts_a_crashed_or_hung_kiosk_and_knows_when_to_stop() -> None:
    unit = parse_unit(UNIT.read_text(encoding="utf-8"))
    assert one(unit, "Service", "Type") == "notify"  # kiosk/watchdog.py sends READY=1
    assert one(unit, "Service", "ExecStart") == ("/opt/licence-kiosk/kiosk run "
                                                 "--config /etc/licence-kiosk/kiosk.toml")
    assert int(one(unit, "Service", "WatchdogSec")) == 30
    assert one(unit, "Service", "Restart") in ("on-failure", "always")
    assert float(one(unit, "Service", "RestartSec")) > 0
    assert one(unit, "Service", "RestartPreventExitStatus") == "2"  # bad configuration: a restart cannot help
    # The kiosk's own guard must trip before systemd gives up, so an out-of-service screen stays up.
    assert int(one(unit, "Unit", "StartLimitBurst")) > DEFAULT_LIMIT
    assert int(one(unit, "Unit", "StartLimitIntervalSec")) >= DEFAULT_WINDOW_S
    assert one(unit, "Service", "User") == "licence-kiosk"
    assert one(unit, "Install", "WantedBy") == "multi-user.target"


def test_the_unit_is_hardened_without_losing_the_devices() -> None:
    service = parse_unit(UNIT.read_text(encoding="utf-8"))["Service"]
    assert service["ProtectSystem"] == ["strict"] and "/var/lib/licence-kiosk" in service["ReadWritePaths"]
    assert service["StateDirectory"] == ["licence-kiosk"]  # the data_dir the config names
    assert service["NoNewPrivileges"] == ["yes"] and service["PrivateTmp"] == ["yes"]
    assert {"video", "input", "lp"} <= set(service["SupplementaryGroups"][0].split())
    # These would hide /dev/video*, /dev/dri and the printer, or stop the QML JIT.
    assert "PrivateDevices" not in service and "MemoryDenyWriteExecute" not in service


def test_the_unit_names_a_display_platform_the_bundled_qt_can_load() -> None:
    """The bundle carries the PySide6 wheel's Qt: a platform whose plugin or libraries it lacks (its eglfs
    cannot drive KMS) would leave the kiosk's screen black."""
    import PySide6
    environment = dict(assignment.split("=", 1) for line in parse_unit(UNIT.read_text(encoding="utf-8"))
                       ["Service"]["Environment"] for assignment in line.split())
    platform = environment["QT_QPA_PLATFORM"].split(":")[0]
    ctypes.CDLL(str(Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze absent: only systemd's own check of the units is skipped")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    """systemd's verdict, warnings included (an unknown key is only a warning). The bundle is not installed
    here, so the unit is checked with its program replaced by a stand-in; everything else is as shipped."""
    program = tmp_path / "kiosk"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    unit = tmp_path / UNIT.name
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/licence-kiosk/kiosk", str(program)))
    timer = [shutil.copy(PACKAGING / "systemd" / name, tmp_path)
             for name in ("licence-kiosk-restart.service", "licence-kiosk-restart.timer")]
    result = subprocess.run(["systemd-analyze", "verify", str(unit), *map(str, timer)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr


def test_the_autostart_entry_runs_the_restarting_wrapper() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]  # desktop entry keys are case-sensitive
    entry.read(PACKAGING / "autostart" / "licence-kiosk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"]) == ("Application", "/usr/local/bin/licence-kiosk-session")
    assert SESSION.stat().st_mode & stat.S_IXUSR


def fake_kiosk(tmp_path: Path, body: str) -> dict[str, str]:
    """A stand-in kiosk (every run appends its arguments to runs.txt) and the wrapper's environment."""
    program = tmp_path / "kiosk"
    program.write_text("#!/bin/sh\n" + f'echo "$*" >> {tmp_path}/runs.txt\n' + textwrap.dedent(body))
    program.chmod(0o755)
    return {**os.environ, "LICENCE_KIOSK": str(program), "LICENCE_KIOSK_CONFIG": "/etc/kiosk.toml",
            "LICENCE_KIOSK_RESTART_DELAY_S": "0"}


def test_the_wrapper_restarts_a_crashed_kiosk_until_it_exits_in_order(tmp_path: Path) -> None:
    env = fake_kiosk(tmp_path, """
        [ "$(wc -l < "$(dirname "$0")/runs.txt")" -ge 3 ] && exit 0
        kill -SEGV $$
    """)
    result = subprocess.run([str(SESSION)], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "runs.txt").read_text().splitlines() == ["run --config /etc/kiosk.toml"] * 3
    assert result.stderr.count("restarting in 0s") == 2


def test_the_wrapper_gives_up_on_a_bad_configuration(tmp_path: Path) -> None:
    env = fake_kiosk(tmp_path, "exit 2\n")
    result = subprocess.run([str(SESSION)], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "not restarting" in result.stderr
    assert len((tmp_path / "runs.txt").read_text().splitlines()) == 1


def test_the_wrapper_ends_the_kiosk_with_the_session(tmp_path: Path) -> None:
    env = fake_kiosk(tmp_path, "echo $$\nexec sleep 60\n")
    wrapper = subprocess.Popen([str(SESSION)], env=env, stdout=subprocess.PIPE, text=True)
    guard = threading.Timer(30, wrapper.kill)  # bounds the blocking read below
    guard.start()
    try:
        assert wrapper.stdout is not None
        kiosk_pid = int(wrapper.stdout.readline())
        wrapper.send_signal(signal.SIGTERM)
        assert wrapper.wait(timeout=20) == 0
    finally:
        guard.cancel()
        wrapper.stdout.close()  # type: ignore[union-attr]
    with pytest.raises(ProcessLookupError):
        os.kill(kiosk_pid, 0)
