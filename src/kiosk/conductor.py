"""Runs the kiosk: the lifecycle around one service flow at a time.

The flows decide; the conductor does. It starts flows, reads the citizen's card, hands each state's
slow work to `Steps` on the runner's worker lanes and feeds the results back into the flow as events.
Results that arrive for a flow that has already ended are dropped. Finished sessions are summarised,
then wiped.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from drivers.card.base import CardReader
from flows.lifecycle import (
    ATTRACT,
    DIAGNOSTICS,
    DIAGNOSTICS_PIN,
    HELP,
    HELP_SENT,
    MENU,
    OUT_OF_SERVICE,
    KioskLifecycle,
)
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
    from kiosk.devices import DeviceMonitor
    from kiosk.outbox_worker import OutboxWorker
    from kiosk.technician import Technician

log = logging.getLogger("kiosk.flow")
FINAL_STATES = ("closed", "cancelled", "timed_out")
RECENT_OUTCOMES = 50  # kept for tests and a look back; a kiosk serves citizens for months without a restart
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
        self.monitor: DeviceMonitor | None = None
        self._crash_looping = False
        self.technician: Technician | None = None
        self.lifecycle = KioskLifecycle()
        self.flow: ServiceFlow | None = None
        self.outcomes: deque[Outcome] = deque(maxlen=RECENT_OUTCOMES)
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
        elif event in ("cancel", "finish") and self.screen in (DIAGNOSTICS_PIN, DIAGNOSTICS):
            self._leave_diagnostics("end")

    def timeout(self) -> None:
        """The idle timer ran out: end whatever is going on and wipe it."""
        if self.flow is not None:
            self.flow.send("timeout")
        elif self.screen in (HELP, HELP_SENT):
            self._leave_help("timeout")
        elif self.screen in (DIAGNOSTICS_PIN, DIAGNOSTICS):
            self._leave_diagnostics("timeout")
        elif self.screen == MENU:
            self.lifecycle.send("timeout")
            self._changed()

    # -- devices and the technician ---------------------------------------------------------------
    def attach(self, monitor: DeviceMonitor) -> None:
        """The device model: out of service while a needed device is down."""
        self.monitor = monitor
        monitor.changed.connect(self._changed)

    def attach_technician(self, technician: Technician) -> None:
        """Diagnostics, once the attract screen is up."""
        self.technician = technician
        self.steps.audit = technician.record  # refused documents and faces join the audit trail
        self._changed()

    def crash_loop(self) -> None:
        """Started after too many crashes: out of service until a technician has been in diagnostics."""
        self._crash_looping = True
        self._changed()

    def open_diagnostics(self) -> None:
        """The hidden gesture on the attract or out-of-service screen: ask for the PIN."""
        if self.technician is not None and self.flow is None and self.lifecycle.send("diagnostics"):
            self.technician.clear()
            self._changed()

    def enter_pin(self, pin: str) -> None:
        technician = self.technician
        if technician is None or self.screen != DIAGNOSTICS_PIN:
            return
        if technician.gate.try_pin(pin):
            self.lifecycle.send("unlocked")
            technician.collect()
        self._changed()

    def diagnostics_action(self, action: str, argument: str = "") -> None:
        """refresh | retry_outbox | save_bundle (argument: the folder) | test_read (argument: the MRZ
        data "DOCNO,YYMMDD,YYMMDD" for a chip, "" for a reader that needs none)."""
        technician = self.technician
        if technician is None or self.screen != DIAGNOSTICS:
            return
        if action == "refresh":
            technician.collect()
        elif action == "retry_outbox":
            technician.retry_outbox(lambda: self.steps.outbox.drain(ignore_backoff=True))
        elif action == "save_bundle":
            technician.save_bundle(argument)
        elif action == "test_read":
            technician.test_read(self.reader, argument)

    def _leave_diagnostics(self, event: str) -> None:
        self.lifecycle.send(event)
        if self.technician is not None:
            if self._crash_looping and event == "end":  # the technician has looked: back in service
                self._crash_looping = False
                self.technician.back_in_service()
            self.technician.leave()
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
        technician = self.technician.status() if self.technician is not None else {}
        down = self._down()
        return {**technician, "devicesDown": down, "diagnosticsAvailable": self.technician is not None,
                "printerReady": self.printing.ready, "printStatus": self.printing.status,
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

    def on_finished(self, callback: Callable[[Outcome], None]) -> Callable[[], None]:
        """Call `callback` with every finished session's outcome, until the returned function is called."""
        self._finished.append(callback)
        return lambda: self._finished.remove(callback)

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

    def refresh(self) -> None:
        """Something the screens show changed outside any flow (a diagnostics report, a device)."""
        self._changed()

    def _down(self) -> list[str]:
        devices = self.monitor.required_down() if self.monitor is not None else []
        return devices + (["crash_loop"] if self._crash_looping else [])

    def _settle(self) -> None:
        """Between citizens, follow the devices: out of service while a needed one is down, back after."""
        down = bool(self._down())
        if down and self.screen in (ATTRACT, MENU):
            self.lifecycle.send("down")
        elif not down and self.screen == OUT_OF_SERVICE:
            self.lifecycle.send("up")

    def _changed(self) -> None:
        self._settle()
        if self.screen != self._shown:
            self._shown = self.screen
            self.printing.reset()  # each screen prints its own slip once asked
        session = self.flow.session if self.flow is not None else None
        for listener in list(self._listeners):
            listener(self.screen, session)
