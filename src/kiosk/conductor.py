"""Runs the kiosk: the lifecycle around one service flow at a time.

The flows decide; the conductor does. It starts flows, reads the citizen's card, hands each state's
slow work to `Steps` on the runner's worker lanes and feeds the results back into the flow as events.
Results that arrive for a flow that has already ended are dropped. Finished sessions are summarised,
then wiped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from drivers.card.base import CardReader
from flows.lifecycle import HELP, HELP_SENT, MENU, KioskLifecycle
from flows.outcome import Outcome, outcome_of
from flows.services import FLOWS, create_flow
from flows.session import Session
from kiosk.assistance import AssistanceDesk
from kiosk.config import PhotoSettings
from kiosk.printing import SlipPrinter
from kiosk.runner import Runner
from kiosk.steps import FrameSource, Steps

if TYPE_CHECKING:
    from drivers.printer.base import ReceiptPrinter
    from flows.service import ServiceFlow
    from kiosk.api.client import BackOfficeClient
    from kiosk.outbox_worker import OutboxWorker

log = logging.getLogger("kiosk.flow")
FINAL_STATES = ("closed", "cancelled", "timed_out")
Listener = Callable[[str, Session | None], None]


class Conductor:
    """The composition of lifecycle, flow, devices and back office for one kiosk."""

    def __init__(self, reader: CardReader, camera: FrameSource, api: BackOfficeClient, outbox: OutboxWorker,
                 runner: Runner, payment_poll_s: float = 2.0, photo: PhotoSettings | None = None, *,
                 payment_timeout_s: float = 300.0, printer: Callable[[], ReceiptPrinter] | None = None,
                 service_window: str = "1") -> None:
        self.reader, self.runner, self.service_window = reader, runner, service_window
        self.steps = Steps(reader, api, camera, outbox, runner, self._run, payment_poll_s, photo,
                           payment_timeout_s)
        self.assistance = AssistanceDesk(api, runner, self._changed)
        self.printing = SlipPrinter(printer, runner, self._changed)
        self._shown = ""
        self.lifecycle = KioskLifecycle()
        self.flow: ServiceFlow | None = None
        self.outcomes: list[Outcome] = []
        self._listeners: list[Listener] = []
        self._finished: list[Callable[[Outcome], None]] = []
        self._trail: list[str] = []
        # Only a card placed since this citizen touched the screen is theirs: a card left behind by
        # the previous citizen must never start someone else's session.
        self._card_placed_in_session = False
        reader.add_listener(lambda present: runner.post(lambda: self._on_card(present)))

    # -- what the citizen does -------------------------------------------------------------
    @property
    def screen(self) -> str:
        if self.flow is not None:
            return str(next(iter(self.flow.configuration)).id)
        return self.lifecycle.state

    @property
    def services(self) -> list[str]:
        return list(FLOWS)

    def touch(self) -> None:
        self._trail = ["attract"]
        self._card_placed_in_session = False
        self.lifecycle.send("touch")
        self._changed()

    def choose(self, service: str) -> None:
        if service not in FLOWS or self.screen != "menu":
            return
        self.lifecycle.send("choose", service)
        self.flow = create_flow(service)
        self.flow.add_listener(self)
        self._changed()
        self._card_arrived()

    def send(self, event: str, **data: Any) -> None:
        """A citizen's action inside the flow (proceed, capture, confirm, …); on the help screens,
        cancel and finish lead back to the attract screen."""
        if self.flow is not None:
            self.flow.send(event, **data)
        elif event in ("cancel", "finish") and self.screen in (HELP, HELP_SENT):
            self._leave_help("end")

    def timeout(self) -> None:
        """The idle timer ran out: end whatever is going on and wipe it."""
        if self.flow is not None:
            self.flow.send("timeout")
        elif self.screen in (HELP, HELP_SENT):
            self._leave_help("timeout")
        elif self.screen == MENU:
            self.lifecycle.send("timeout")
            self._changed()

    # -- a person instead of the machine ---------------------------------------------------------
    def help(self) -> None:
        """The "need help / priority service" entry of the attract and menu screens."""
        if self.flow is None and self.lifecycle.send("help"):
            self.assistance.clear()
            self._changed()

    def request_help(self, kind: str, phone: str = "") -> None:
        if self.screen == HELP:
            self.assistance.request(kind, phone, on_sent=self._help_sent)

    def call_staff(self) -> None:
        """"Call staff" from any screen: someone comes to the kiosk while the citizen's session goes on."""
        if self.screen != "attract":
            self.assistance.request("staff", "", on_sent=self._changed,
                                    service=self.flow.service if self.flow is not None else None)

    def print_slip(self, title: str, lines: list[str], qr: str = "") -> None:
        """Print what the screen shows (composed in the citizen's language by the screen itself)."""
        self.printing.print_slip(title, lines, qr)

    def status(self) -> dict[str, Any]:
        """What the screens show about the kiosk itself: printer, help request, the staffed window."""
        ticket = self.assistance.ticket
        return {"printerReady": self.printing.ready, "printStatus": self.printing.status,
                "helpStatus": self.assistance.status, "helpKind": self.assistance.kind,
                "helpTicket": ticket.request_id if ticket else "",
                "helpWindow": (ticket.window or "") if ticket else "", "serviceWindow": self.service_window}

    def fail(self, error: Exception) -> None:
        """Failsafe for bugs outside the flow's own callbacks: the failed screen, or back to attract."""
        log.error("failsafe after %s", type(error).__name__)
        if self.flow is not None:
            self.flow.session.failure = "internal"
            self.flow.send("error.execution")
        elif self.screen != "attract":
            self.lifecycle.send("end")
            self._changed()

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def on_finished(self, callback: Callable[[Outcome], None]) -> None:
        self._finished.append(callback)

    # -- flow listener: the work each state asks for ---------------------------------------
    def after_transition(self, target: Any) -> None:
        state = str(target.id)
        self.steps.enter(state, self._flow())
        if state in FINAL_STATES:
            self._end_session(state)
        else:
            self._changed()

    # -- helpers -----------------------------------------------------------------------------
    def _flow(self) -> ServiceFlow:
        assert self.flow is not None
        return self.flow

    def _run(self, lane: str, flow: ServiceFlow, work: Callable[[], Any], done: Callable[[Any], None],
             failed_event: str = "problem", code: Callable[[Exception], str] | None = None) -> None:
        def on_done(result: Any) -> None:
            if self.flow is flow:
                done(result)

        def on_failed(error: Exception) -> None:
            if self.flow is not flow:
                return
            message = code(error) if code else getattr(error, "code", type(error).__name__)
            log.warning("%s step failed: %s", lane, message)
            flow.send(failed_event, message=message)
        self.runner.run(lane, work, on_done, on_failed)

    def _on_card(self, present: bool) -> None:
        if present and self.screen != "attract":
            self._card_placed_in_session = True
        if present and self.screen == "place_id":
            self._card_arrived()

    def _card_arrived(self) -> None:
        """A card of this session is on the reader: read it, asking for its access data first if needed."""
        flow = self._flow()
        if not (self._card_placed_in_session and self.reader.present):
            return  # no card yet is normal: the flow waits on place_id until the reader reports one
        needs_key = self.reader.needs_access and flow.session.access_key is None
        flow.send("card_needs_key" if needs_key else "card_placed")

    def _end_session(self, last_state: str) -> None:
        flow = self._flow()
        outcome = outcome_of(flow.session, last_state)
        outcome = replace(outcome, screens=self._trail + ["menu"] + outcome.screens[:-1] + ["attract"])
        flow.session.wipe()
        self.assistance.clear()
        self.flow = None
        self.lifecycle.send("end")
        self.outcomes.append(outcome)
        self._changed()
        for callback in list(self._finished):
            callback(outcome)

    def _help_sent(self) -> None:
        self.lifecycle.send("requested")
        self._changed()

    def _leave_help(self, event: str) -> None:
        self.lifecycle.send(event)
        self.assistance.clear()
        self._changed()

    def _changed(self) -> None:
        if self.screen != self._shown:
            self._shown = self.screen
            self.printing.reset()  # each screen prints its own slip once asked
        session = self.flow.session if self.flow is not None else None
        for listener in list(self._listeners):
            listener(self.screen, session)
