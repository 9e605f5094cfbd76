"""Errors the kiosk reports, classified by who can fix them (STYLE.md §3.14)."""


class KioskError(Exception):
    """Base of the kiosk's own errors."""


class UsageError(KioskError):
    """Bad command-line usage or configuration: one clear line, exit code 2."""


class EnvironmentFault(KioskError):
    """Something outside the code failed (network, display, disk): a friendly retry, not a crash."""
