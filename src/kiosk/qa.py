"""`kiosk qa run`: one service, one persona, through the real UI offscreen, reported as DESIGN.md §4.3."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from flows.outcome import Outcome
from kiosk.app import KioskApp
from kiosk.uidriver import UiTimeout, tap, text_of, type_text, wait_until

# What a citizen taps on each screen to move on; screens missing here are waits.
TAPS = {
    "attract": "attract.startButton",
    "record": "record.continueButton",
    "refused": "refused.finishButton",
    "referral": "referral.finishButton",
    "certificate": "certificate.continueButton",
    "new_term": "newTerm.continueButton",
    "damage_declaration": "damage.declareButton",
    "loss_declaration": "loss.declareButton",
    "residence": "residence.householdButton",
    "self_declaration": "selfDeclaration.fitButton",
    "hand_in": "handIn.declareButton",
    "photo": "photo.captureButton",
    "photo_review": "photoReview.acceptButton",
    "delivery": "delivery.continueButton",
    "review": "review.confirmButton",
    "done": "done.finishButton",
    "failed": "failed.finishButton",
    "unpaid": "unpaid.finishButton",
}
STEP_TIMEOUT_S = 30.0
PAYMENT_WAIT_S = 10.0  # a citizen who has not paid by then gives up and cancels


def run_flow(app: KioskApp, service: str, persona: str, on_screen: Callable[[str], None] | None = None,
             payment_wait_s: float = PAYMENT_WAIT_S) -> Outcome:
    """Walk one session from attract to attract; `on_screen` sees every screen as it settles."""
    finished: list[Outcome] = []
    stop_listening = app.conductor.on_finished(finished.append)
    try:  # one listener per session, gone after it: `qa soak` runs hundreds in one process
        _drive(app, service, persona, finished, lambda screen: bool(finished), on_screen, payment_wait_s)
    finally:
        stop_listening()
    return finished[0]


def walk_to(app: KioskApp, service: str, persona: str, screen: str) -> None:
    """Walk a session from attract until the kiosk shows `screen` (tests, benchmarks)."""
    finished: list[Outcome] = []
    stop_listening = app.conductor.on_finished(finished.append)
    try:
        _drive(app, service, persona, finished, lambda shown: shown == screen or bool(finished))
    finally:
        stop_listening()
    if finished:
        raise UiTimeout(f"the {service} session for {persona} ended before the {screen} screen")


def _drive(app: KioskApp, service: str, persona: str, finished: list[Outcome], stop: Callable[[str], bool],
           on_screen: Callable[[str], None] | None = None, payment_wait_s: float = PAYMENT_WAIT_S) -> None:
    if not app.window.isVisible():
        app.window.show()
    handled = ""
    while True:
        handled = _next_screen(app, finished, after=handled)
        if stop(handled):
            return
        if on_screen is not None:
            on_screen(handled)
        _act(app, handled, service, persona, payment_wait_s)


def _next_screen(app: KioskApp, finished: list[Outcome], after: str) -> str:
    """Wait until the kiosk shows a screen other than `after` (or the session ended)."""
    wait_until(lambda: bool(finished) or app.vm.current_screen() != after, STEP_TIMEOUT_S,
               f"the kiosk to leave the {after or 'start'} screen")
    return app.vm.current_screen()


def _act(app: KioskApp, screen: str, service: str, persona: str, payment_wait_s: float) -> None:
    window = app.window
    if screen == "menu":
        tap(window, f"menu.service.{service}")
    elif screen == "place_id":
        assert app.demo is not None
        app.demo.place(persona)
    elif screen == "access_key":
        _type_access_data(app, persona)
    elif screen == "paying":
        _pay_or_give_up(app, payment_wait_s)
    elif screen == "delivery":
        _enter_phone_if_missing(app)
        tap(window, TAPS[screen])
    elif screen in TAPS:
        tap(window, TAPS[screen])


def _type_access_data(app: KioskApp, persona: str) -> None:
    """Read the numbers off the persona's card and type them, as a citizen would: the six-digit access
    number when the card has one, else the document number and dates from the bottom lines."""
    from kiosk.demo import access_data
    assert app.demo is not None
    card = app.demo.persona(persona)
    can = card["document"].get("can")
    if can:
        tap(app.window, "access.can.input")
        type_text(app.window, can)
    else:
        tap(app.window, "access.switchButton")
        fields = ("access.documentNumber.input", "access.birthDate.input", "access.expiryDate.input")
        for name, text in zip(fields, access_data(card), strict=True):
            tap(app.window, name)
            type_text(app.window, text)
    tap(app.window, "access.continueButton")


def _pay_or_give_up(app: KioskApp, wait_s: float) -> None:
    """The citizen scans the QR code (the stub decides whether the payment succeeds); if nothing
    happens for `wait_s`, they press cancel."""
    try:
        wait_until(lambda: app.vm.current_screen() != "paying", wait_s, "the payment")
    except UiTimeout:
        tap(app.window, "frame.cancelButton")


def _enter_phone_if_missing(app: KioskApp, phone: str = "13800000000") -> None:
    """Personas without a phone on record type one on the keypad, as a citizen would."""
    if text_of(app.window, "delivery.phone").isdigit():
        return
    for digit in phone:
        tap(app.window, f"keypad.{digit}")


def outcome_json(outcome: Outcome, persona: str, started: float) -> str:
    body: dict[str, Any] = asdict(outcome)
    body = {"service": body["service"], "persona": persona, **body}
    body["duration_s"] = round(time.monotonic() - started, 2)
    return json.dumps(body, ensure_ascii=False)
