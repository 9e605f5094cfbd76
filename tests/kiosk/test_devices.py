"""The device model: states polled, a change signalled once, a probe's own failure reported as a fault."""

from __future__ import annotations

from drivers.device_state import HW_ERROR, NO_DEVICE, ONLINE, STARTING, DeviceStatus
from kiosk.devices import DeviceMonitor, camera_probe


def test_changes_are_signalled_and_the_required_devices_are_judged(qtbot) -> None:  # type: ignore[no-untyped-def]
    reader = [DeviceStatus(ONLINE)]
    monitor = DeviceMonitor({"card_reader": lambda: reader[0], "camera": lambda: DeviceStatus(STARTING),
                             "printer": lambda: DeviceStatus(HW_ERROR, "paper")})
    with qtbot.waitSignal(monitor.changed):
        monitor.poll()
    assert monitor.required_down() == []  # a printer fault does not stop the kiosk; starting is fine
    reader[0] = DeviceStatus(NO_DEVICE, "pcscd is not running")
    with qtbot.waitSignal(monitor.changed):
        monitor.poll()
    assert monitor.required_down() == ["card_reader"]
    assert monitor.report() == {"card_reader": "noDevice", "camera": "starting", "printer": "hwError"}
    with qtbot.assertNotEmitted(monitor.changed):
        monitor.poll()  # nothing new


def test_a_probe_that_raises_is_a_hardware_error_not_a_crash(qtbot) -> None:  # type: ignore[no-untyped-def]
    def broken() -> DeviceStatus:
        raise OSError("driver gone")
    monitor = DeviceMonitor({"camera": broken})
    monitor.poll()
    assert monitor.states["camera"] == DeviceStatus(HW_ERROR, "OSError")
    assert monitor.required_down() == ["camera"]


def test_the_camera_is_starting_until_it_has_been_opened() -> None:
    started, online = [False], [False]
    probe = camera_probe(lambda: started[0], lambda: online[0])
    assert probe().state == STARTING
    started[0] = True
    assert probe().state == "offline"
    online[0] = True
    assert probe().state == ONLINE
