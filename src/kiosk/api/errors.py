"""What can go wrong talking to the back office, in terms the flows can act on."""

from kiosk.errors import KioskError


class BackOfficeError(KioskError):
    """Base: `code` is a machine code the UI turns into a citizen-facing message."""

    code = "BACK_OFFICE_ERROR"


class Unavailable(BackOfficeError):
    """Not reachable, timed out or 5xx: try again later or go to a window."""

    code = "UNAVAILABLE"


class Unauthorised(BackOfficeError):
    """401/403: this kiosk's credentials are wrong; a technician must fix it."""

    code = "UNAUTHORISED"


class ProtocolError(BackOfficeError):
    """The answer was not what the contract promises (malformed JSON, missing fields)."""

    code = "PROTOCOL_ERROR"


class Rejected(BackOfficeError):
    """The back office understood and said no, with its own codes."""

    code = "REJECTED"

    def __init__(self, message: str, codes: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.codes = codes
