"""Driver faults, classified by who can fix them (STYLE.md §3.14)."""


class DeviceFault(Exception):
    """A peripheral cannot do what was asked; the citizen may retry or go to a window."""


class NoDevice(DeviceFault):
    """The device is not there (unplugged, driver missing, service down)."""


class NoMedia(DeviceFault):
    """The device works but nothing is on it (no card placed)."""


class UnreadableMedia(DeviceFault):
    """Something is on the device but its data cannot be used."""
