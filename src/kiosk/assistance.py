"""Passes a citizen's request for a person (staff, green channel, agent, home service) to the back
office, and keeps the answer for the help screens until the next citizen."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from flows.assistance import HOME_SERVICE, KINDS, AssistanceRequest, AssistanceTicket
from kiosk.runner import Runner

if TYPE_CHECKING:
    from kiosk.api.client import BackOfficeClient

log = logging.getLogger("kiosk.help")
MOBILE = re.compile(r"1[0-9]{10}")  # a mainland mobile number: the courier or the home visit calls it
SENDING, SENT, FAILED = "sending", "sent", "failed"


class AssistanceDesk:
    """One request at a time; `clear` forgets it (and drops an answer that arrives afterwards)."""

    def __init__(self, api: BackOfficeClient, runner: Runner, changed: Callable[[], None]) -> None:
        self._api, self._runner, self._changed = api, runner, changed
        self.status = ""
        self.kind = ""
        self.ticket: AssistanceTicket | None = None
        self._generation = 0

    def request(self, kind: str, phone: str, on_sent: Callable[[], None], service: str | None = None) -> bool:
        """Send the request; False (nothing sent) for an unknown kind or a home visit without a mobile."""
        if self.status == SENDING or kind not in KINDS:
            return False
        if kind == HOME_SERVICE and not MOBILE.fullmatch(phone):
            return False
        request = AssistanceRequest(kind, phone if kind == HOME_SERVICE else None, service)
        self.kind, self.status, self.ticket = kind, SENDING, None
        generation = self._generation

        def done(ticket: AssistanceTicket) -> None:
            if generation == self._generation:
                self.status, self.ticket = SENT, ticket
                on_sent()

        def failed(error: Exception) -> None:
            if generation == self._generation:
                log.warning("assistance request failed: %s", getattr(error, "code", type(error).__name__))
                self.status = FAILED
                self._changed()
        self._changed()
        self._runner.run("api", lambda: self._api.request_assistance(request), done, failed)
        return True

    def clear(self) -> None:
        self._generation += 1
        self.status, self.kind, self.ticket = "", "", None
