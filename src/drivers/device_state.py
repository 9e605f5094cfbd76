"""Device states in the spirit of CEN/XFS (DOMAIN.md §13): what every device reports, with a hint for the
technician. The names are the heartbeat's and the back office's (docs/openapi.json: DeviceStateName)."""

from __future__ import annotations

from dataclasses import dataclass

ONLINE, OFFLINE, NO_DEVICE, HW_ERROR = "online", "offline", "noDevice", "hwError"
BUSY, STARTING = "busy", "starting"
WORKING = (ONLINE, BUSY, STARTING)  # states a session can go on with

HINTS = {  # what a technician should look at first
    ONLINE: "",
    STARTING: "starting up: wait a few seconds",
    BUSY: "working: wait for the current operation",
    OFFLINE: "connected but not answering: check cable and power, then restart the device",
    NO_DEVICE: "not found: check that it is plugged in and that its service (pcscd, the camera driver) runs",
    HW_ERROR: "reports a fault: see the detail and the logs; replace the device if it persists",
}


@dataclass(frozen=True)
class DeviceStatus:
    """One device's state, a short detail (never personal data) and the technician's hint."""

    state: str
    detail: str = ""

    @property
    def working(self) -> bool:
        return self.state in WORKING

    @property
    def hint(self) -> str:
        return HINTS.get(self.state, "")
