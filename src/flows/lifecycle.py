"""The kiosk's own cycle around a service flow: attract → menu → serving → attract; the way to a
person: help → help_sent (green channel, agent, staff help, home service); out of service while a device
it needs is down; and the technician's diagnostics behind a PIN.

Plain Python on purpose. It is built before the first frame is painted, and python-statemachine (with
asyncio behind it) is loaded only when a citizen picks a service.
"""

from __future__ import annotations

ATTRACT, MENU, SERVING, HELP, HELP_SENT = "attract", "menu", "serving", "help", "help_sent"
OUT_OF_SERVICE, DIAGNOSTICS_PIN, DIAGNOSTICS = "out_of_service", "diagnostics_pin", "diagnostics"
_MOVES = {("touch", ATTRACT): MENU, ("choose", MENU): SERVING, ("end", SERVING): ATTRACT,
          ("end", MENU): ATTRACT, ("timeout", MENU): ATTRACT,
          ("help", ATTRACT): HELP, ("help", MENU): HELP, ("requested", HELP): HELP_SENT,
          ("end", HELP): ATTRACT, ("end", HELP_SENT): ATTRACT,
          ("timeout", HELP): ATTRACT, ("timeout", HELP_SENT): ATTRACT,
          # A device the kiosk cannot work without is down: no new citizen until it is back.
          ("down", ATTRACT): OUT_OF_SERVICE, ("down", MENU): OUT_OF_SERVICE, ("up", OUT_OF_SERVICE): ATTRACT,
          # The technician: a hidden gesture, then the PIN.
          ("diagnostics", ATTRACT): DIAGNOSTICS_PIN, ("diagnostics", OUT_OF_SERVICE): DIAGNOSTICS_PIN,
          ("unlocked", DIAGNOSTICS_PIN): DIAGNOSTICS, ("end", DIAGNOSTICS_PIN): ATTRACT,
          ("end", DIAGNOSTICS): ATTRACT,
          ("timeout", DIAGNOSTICS_PIN): ATTRACT, ("timeout", DIAGNOSTICS): ATTRACT}


class KioskLifecycle:
    """What the kiosk is doing between citizens. The service flow itself runs in `serving`."""

    def __init__(self) -> None:
        self.state = ATTRACT
        self.service: str | None = None

    def send(self, event: str, service: str | None = None) -> bool:
        """Apply `event`; False (and no change) when it does not apply in the current state."""
        target = _MOVES.get((event, self.state))
        if target is None:
            return False
        self.state = target
        self.service = service if target == SERVING else None
        return True
