"""Runs the kiosk: the lifecycle around one service flow at a time, and the slow work each step needs.

The flows decide; the conductor does. It reads cards, captures photos and calls the back office on
the runner's worker lanes, then feeds the results back into the flow as events. Results that arrive
for a flow that has already ended are dropped. Finished sessions are summarised, then wiped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from drivers.card.base import CardReader
from flows.lifecycle import KioskLifecycle
from flows.outcome import Outcome, outcome_of
from flows.services import FLOWS, create_flow
from flows.session import Photo, Session
from kiosk.identity import identity_from_document
from kiosk.runner import Runner

if TYPE_CHECKING:
    from drivers.camera.base import Camera
    from flows.renewal import RenewalFlow
    from kiosk.api.client import BackOfficeClient

log = logging.getLogger("kiosk.flow")
FINAL_STATES = ("closed", "cancelled", "timed_out")
Listener = Callable[[str, Session | None], None]


class Conductor:
    """The composition of lifecycle, flow, devices and back office for one kiosk."""

    def __init__(self, reader: CardReader, camera: Camera, api: BackOfficeClient, runner: Runner) -> None:
        self.reader, self.camera, self.api, self.runner = reader, camera, api, runner
        self.lifecycle = KioskLifecycle()
        self.flow: RenewalFlow | None = None
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
        self._read_card_if_present()

    def send(self, event: str, **data: Any) -> None:
        """A citizen's action inside the flow (proceed, capture, confirm, …)."""
        if self.flow is not None:
            self.flow.send(event, **data)

    def timeout(self) -> None:
        """The idle timer ran out: end whatever is going on and wipe it."""
        if self.flow is not None:
            self.flow.send("timeout")
        elif self.screen == "menu":
            self.lifecycle.send("timeout")
            self._changed()

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
        effect = getattr(self, f"_effect_{state}", None)
        if effect is not None:
            effect()
        if state in FINAL_STATES:
            self._end_session(state)
        else:
            self._changed()

    def _effect_checking(self) -> None:
        flow = self._flow()
        identity = flow.session.identity
        assert identity is not None

        def work() -> dict[str, Any]:
            return {"record": self.api.lookup(identity),
                    "eligibility": self.api.eligibility(flow.service, identity)}
        self._run("api", flow, work, lambda result: flow.send("checked", **result))

    def _effect_capturing(self) -> None:
        flow = self._flow()

        def work() -> Photo:
            from drivers.camera.licence_photo import crop_licence_photo  # OpenCV: load on first use
            cropped = crop_licence_photo(self.camera.read())
            return Photo(cropped.jpeg, cropped.width, cropped.height)
        self._run("camera", flow, work, lambda photo: flow.send("photo_taken", photo=photo),
                  failed_event="capture_failed")

    def _effect_submitting(self) -> None:
        flow = self._flow()
        session = flow.session
        identity, photo, delivery, eligibility = (session.identity, session.photo, session.delivery,
                                                  session.eligibility)
        assert identity and photo and delivery and eligibility

        def work() -> Any:
            return self.api.submit(flow.service, identity, photo, delivery, eligibility.fee_cny)
        self._run("api", flow, work, lambda receipt: flow.send("submitted", receipt=receipt))

    # -- helpers -----------------------------------------------------------------------------
    def _flow(self) -> RenewalFlow:
        assert self.flow is not None
        return self.flow

    def _run(self, lane: str, flow: RenewalFlow, work: Callable[[], Any], done: Callable[[Any], None],
             failed_event: str = "problem") -> None:
        def on_done(result: Any) -> None:
            if self.flow is flow:
                done(result)

        def on_failed(error: Exception) -> None:
            if self.flow is not flow:
                return
            code = getattr(error, "code", type(error).__name__)
            log.warning("%s step failed: %s", lane, code)
            flow.send(failed_event, message=code)
        self.runner.run(lane, work, on_done, on_failed)

    def _on_card(self, present: bool) -> None:
        if present and self.screen != "attract":
            self._card_placed_in_session = True
        if present and self.screen == "place_id":
            self._read_card_if_present()

    def _read_card_if_present(self) -> None:
        flow = self._flow()
        if not self._card_placed_in_session:
            return

        def done(document: Any) -> None:
            if self.flow is flow:
                flow.send("document_read", identity=identity_from_document(document))
        # No card yet is normal: the flow waits on place_id until the reader reports one.
        self.runner.run("card", self.reader.read, done,
                        lambda error: log.info("no readable document yet: %s", type(error).__name__))

    def _end_session(self, last_state: str) -> None:
        flow = self._flow()
        outcome = outcome_of(flow.session, last_state)
        outcome = replace(outcome, screens=self._trail + ["menu"] + outcome.screens[:-1] + ["attract"])
        flow.session.wipe()
        self.flow = None
        self.lifecycle.send("end")
        self.outcomes.append(outcome)
        self._changed()
        for callback in list(self._finished):
            callback(outcome)

    def _changed(self) -> None:
        session = self.flow.session if self.flow is not None else None
        for listener in list(self._listeners):
            listener(self.screen, session)
