"""Asking for a person: staff at the kiosk, the green channel, an agent's application, home service.

Elderly and disabled citizens (and agents acting for a holder, Art. 105) are served by staff; the kiosk
only passes the request on through the back office and says what happens next.
"""

from __future__ import annotations

from dataclasses import dataclass

STAFF, PRIORITY, AGENT, HOME_SERVICE = "staff", "priority", "agent", "home_service"
KINDS = (STAFF, PRIORITY, AGENT, HOME_SERVICE)


@dataclass(frozen=True)
class AssistanceRequest:
    """What the citizen asked for; a phone number only for a home-service appointment."""

    kind: str
    phone: str | None = None
    service: str | None = None  # the licence service, when the request comes from inside one


@dataclass(frozen=True)
class AssistanceTicket:
    """The back office's answer: a ticket number to show, and the window to go to when there is one."""

    request_id: str
    kind: str
    status: str  # queued | scheduled
    window: str | None = None
