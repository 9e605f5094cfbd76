"""The configured card reader and camera, opened as the config says (the kiosk, selftest, diagnostics)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drivers.card.base import CardReader
from drivers.card.simulated import SimulatedReader
from kiosk.config import Settings
from kiosk.errors import EnvironmentFault, UsageError

if TYPE_CHECKING:
    from drivers.camera.base import Camera


def open_reader(settings: Settings) -> CardReader:
    """The configured card reader; one that is not there yet reports noDevice until it is."""
    devices, chip = settings.devices, settings.chip
    if devices.card == "simulated":
        return SimulatedReader()
    if devices.card != "pcsc":
        raise UsageError(f"config key devices.card: {devices.card!r} is neither 'simulated' nor 'pcsc'")
    from drivers.card.pcsc import PcscReader, WaitingReader
    from drivers.errors import NoDevice
    try:
        return PcscReader(devices.reader, devices.allow_virtual_reader, chip.access_policy, chip.csca_dir)
    except NoDevice as error:
        # Not there yet (unplugged, pcscd down): start out of service and keep looking. A refused virtual
        # reader or an ambiguous pattern is a configuration error: waiting would not mend it.
        if not any(sign in str(error) for sign in ("matches 0 readers", "pcscd is not running")):
            raise EnvironmentFault(f"card reader: {error}") from None
        return WaitingReader(devices.reader, devices.allow_virtual_reader, policy=chip.access_policy,
                             csca_dir=chip.csca_dir)


def open_camera(settings: Settings) -> Camera:
    """The configured camera (opened by the grabber on first use)."""
    device = settings.devices.camera
    if device == "simulated":
        from drivers.camera.simulated import SimulatedCamera, file_camera
        image = settings.devices.camera_image
        return file_camera(image) if image else SimulatedCamera(fps=15)
    from drivers.camera.opencv import OpenCVCamera
    devices = settings.devices
    return OpenCVCamera(int(device) if device.isdigit() else device, devices.camera_width,
                        devices.camera_height, devices.camera_fps)
