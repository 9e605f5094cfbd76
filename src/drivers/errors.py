"""Driver faults, classified by who can fix them (STYLE.md §3.14)."""


class DeviceFault(Exception):
    """A peripheral cannot do what was asked; the citizen may retry or go to a window."""


class NoDevice(DeviceFault):
    """The device is not there (unplugged, driver missing, service down)."""


class NoMedia(DeviceFault):
    """The device works but nothing is on it (no card placed)."""


class UnreadableMedia(DeviceFault):
    """Something is on the device but its data cannot be used."""


class CardRemoved(NoMedia):
    """The card left the reader in the middle of a conversation with it."""


class AccessDenied(DeviceFault):
    """The card refused access: a wrong access key (BAC/PACE) or a file the session may not read.

    Attributes:
        sw: the status word that said so, when there was one.
        retries_left: tries left before the password (PACE CAN/MRZ) is blocked or suspended, when the chip
            said (`63 Cx`); None when it did not.
    """

    sw: int | None = None
    retries_left: int | None = None


class CardDataError(UnreadableMedia):
    """The card's data or answers are malformed, inconsistent or unexpected.

    Attributes:
        sw: the status word that said so, when there was one.
    """

    sw: int | None = None


class SecureMessagingError(CardDataError):
    """Secure messaging broke: a bad MAC, a missing data object, or the chip closed the session."""


class CardFileNotFound(CardDataError):
    """The card has no such file or application (status 6A82)."""


class UnsupportedCard(CardDataError):
    """The card is not an ICAO eMRTD (it has no LDS1 application)."""
