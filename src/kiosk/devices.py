"""The device model: every device's state (drivers/device_state.py), polled on the GUI thread once a
second, with a signal when any changes. The heartbeat reports it, the technician sees it, and a device the
kiosk cannot work without takes it out of service until it comes back by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from drivers.device_state import HW_ERROR, OFFLINE, ONLINE, STARTING, DeviceStatus

REQUIRED = ("card_reader", "camera")  # without either, no service can be done at this kiosk
Probe = Callable[[], DeviceStatus]


class DeviceMonitor(QObject):
    """`states` now; `changed` when any state changes (also at the first poll)."""

    changed = Signal()

    def __init__(self, probes: dict[str, Probe], interval_s: float = 1.0) -> None:
        super().__init__()
        self._probes = probes
        self.states: dict[str, DeviceStatus] = {name: DeviceStatus(STARTING) for name in probes}
        self._timer = QTimer(self, interval=int(interval_s * 1000))
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        latest = {name: _safely(probe) for name, probe in self._probes.items()}
        if latest != self.states:
            self.states = latest
            self.changed.emit()

    def required_down(self) -> list[str]:
        """The devices the kiosk cannot work without that are not working now."""
        return [name for name in REQUIRED if name in self.states and not self.states[name].working]

    def report(self) -> dict[str, str]:
        """Name → state, as the heartbeat sends it."""
        return {name: status.state for name, status in self.states.items()}


def camera_probe(started: Callable[[], bool], online: Callable[[], bool]) -> Probe:
    """The camera opens with the first photo step; until then it is only starting."""
    def probe() -> DeviceStatus:
        if online():
            return DeviceStatus(ONLINE)
        return DeviceStatus(OFFLINE, "no frames from the camera") if started() else DeviceStatus(STARTING)
    return probe


def _safely(probe: Probe) -> DeviceStatus:
    try:
        return probe()
    except Exception as error:  # noqa: BLE001 - a probe's bug must not stop the others
        return DeviceStatus(HW_ERROR, type(error).__name__)
