"""The kiosk's own crash-loop guard, beside systemd's StartLimitBurst=.

A kiosk that dies at every start (a bad release, a device whose driver crashes the process) would flash
the screen forever; after `limit` unclean starts within `window_s` it starts out of service instead and
stays up, which also ends systemd's restarts. Each start is one line (epoch seconds) in a small file in the
data folder; an orderly stop takes its line out again, so restarts by a technician or a reboot never count.

One kiosk per data folder (kiosk/lockdown.py: single_instance) owns the file: call this after the lock.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("kiosk.service")
STARTS_FILE = "starts"
# Below the unit's StartLimitBurst=10 in 600 s, so the guard trips while systemd still restarts
# (tests/test_service_packaging.py holds them so).
DEFAULT_LIMIT = 5
DEFAULT_WINDOW_S = 600.0


def crash_loop(data_dir: Path, now: float, limit: int, window_s: float) -> bool:
    """Record this start; True when it is the `limit`-th or later within `window_s` seconds that did not
    end in an orderly stop. `limit` 0 turns the guard off."""
    if limit <= 0:
        return False
    path = data_dir / STARTS_FILE
    # A start "later" than now means the clock was set back (no RTC before NTP): its age is unknown, so
    # it is dropped rather than counted; a false "out of service" is worse than one more restart.
    recent = [started for started in _read(path) if now - window_s < started <= now]
    recent = [*recent, now][-limit:]  # no more lines than the answer needs
    _write(path, recent)
    return len(recent) >= limit


def stopped_cleanly(data_dir: Path, started: float) -> None:
    """An orderly stop (SIGTERM from systemd, an admin exit): this start no longer counts as a crash."""
    path = data_dir / STARTS_FILE
    starts = _read(path)
    if started in starts:
        starts.remove(started)
        _write(path, starts)


def forget_starts(data_dir: Path) -> None:
    """A technician's "back in service" after fixing the cause: the next start is a first start."""
    (data_dir / STARTS_FILE).unlink(missing_ok=True)


def _read(path: Path) -> list[float]:
    """What can be read of the file: a missing, damaged or foreign file must never stop a start."""
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError:
        return []
    starts = []
    for line in text.splitlines():
        try:
            started = float(line)
        except ValueError:
            continue
        if started == started and abs(started) != float("inf"):  # NaN and infinities compare uselessly
            starts.append(started)
    return starts


def _write(path: Path, starts: list[float]) -> None:
    """Replace the file whole (a crash mid-write leaves the old one), never raise: the guard must not be
    the reason a kiosk fails to start."""
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        part.write_text("".join(f"{started!r}\n" for started in starts), encoding="ascii")
        os.replace(part, path)
    except OSError as error:
        log.warning("crash-loop guard: cannot record starts in %s: %s", path, error)
