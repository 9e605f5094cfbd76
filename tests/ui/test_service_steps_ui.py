"""Every service through the real screens: cancel and timeout at every step return to the attract
screen with nothing of the citizen left in the view-model or its images; the service-specific steps
show what they must; a self-declared condition ends at a staffed window."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import run_flow, walk_to
from kiosk.uidriver import find_item, tap, text_of
from tests.ui.test_kiosk_ui import let_idle_expire, make_app

COMMON = ["photo", "photo_review", "delivery", "review", "paying"]
STEPS = {  # the persona whose session walks each service, and every step a citizen can stand on
    ("renewal", "renewal-elsewhere"): ["place_id", "record", "certificate", "new_term", "residence",
                                       "hand_in", *COMMON],
    ("damaged", "damaged-elsewhere"): ["place_id", "record", "damage_declaration", "residence",
                                       "self_declaration", *COMMON],
    ("transfer-in", "transfer-in-ok"): ["place_id", "record", "residence", "self_declaration", "hand_in",
                                        *COMMON],
    ("lost", "lost-ok"): ["place_id", "record", "loss_declaration", *COMMON],
}
CASES = [(service, persona, step) for (service, persona), steps in STEPS.items() for step in steps]
# View-model properties that describe the kiosk, not the citizen.
KIOSK_OWN = {"screen", "language", "services", "demoPersonas", "previewFrame", "photoHint", "countdown",
             "cameraOnline", "staffHelpOffered", "serviceWindow", "printerReady", "printStatus", "helpStatus",
             "keyboardDataPath", "careMode", "voiceOn", "voiceAvailable", "idleWarning",
             "diagnosticsAvailable", "bundleFolders", "devicesDown", "pinLockedFor", "pinFailures",
             "diagnosticsReport", "diagnosticsMessage", "photoMeasure", "previewLatencyMs", "objectName"}


@pytest.fixture(scope="module")
def app(stub_server, tmp_path_factory) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    settings = for_qa(Settings(), stub_server.url, tmp_path_factory.mktemp("kiosk"))
    # Payments are never polled here: a cancel on the payment screen must not race a quick "paid".
    settings = replace(settings, back_office=replace(settings.back_office, payment_poll_s=600,
                                                     payment_timeout_s=3600))
    kiosk = build_app(settings, demo_stub=stub_server.url)
    kiosk.window.show()
    yield kiosk
    kiosk.close()


def citizen_leftovers(app: KioskApp) -> dict[str, Any]:
    """Every view-model property still holding something that is not the kiosk's own."""
    meta = app.vm.metaObject()
    values = {meta.property(i).name(): meta.property(i).read(app.vm) for i in range(meta.propertyCount())}
    left = {name: value for name, value in values.items() if name not in KIOSK_OWN and value}
    for image in ("photo", "qr", "payment", "referral"):
        if app.engine.imageProvider("kiosk").requestImage(f"{image}/0", QSize(), QSize()).width() > 1:
            left[f"image:{image}"] = True
    return left


def settle_on(app: KioskApp, qtbot, screen: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: app.vm.screen == screen, timeout=15_000)


@pytest.mark.parametrize("service, persona", list(STEPS))
def test_the_steps_table_is_the_route_each_service_takes(qtbot, stub_url: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         service: str, persona: str) -> None:
    paying_app = make_app(stub_url, tmp_path)
    seen: list[str] = []
    try:
        outcome = run_flow(paying_app, service, persona, on_screen=seen.append)
    finally:
        paying_app.close()
    assert outcome.outcome == "submitted"
    assert [screen for screen in seen if screen in STEPS[(service, persona)]] == STEPS[(service, persona)]


@pytest.mark.parametrize("service, persona, step", CASES)
def test_cancel_at_every_step_returns_to_attract_and_forgets_the_citizen(
        app: KioskApp, qtbot, service: str, persona: str, step: str) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, service, persona, step)
    tap(app.window, "frame.cancelButton")
    settle_on(app, qtbot, "attract")
    assert app.conductor.outcomes[-1].outcome == "cancelled"
    assert citizen_leftovers(app) == {}


@pytest.mark.parametrize("service, persona, step", CASES)
def test_timeout_at_every_step_returns_to_attract_and_forgets_the_citizen(
        app: KioskApp, qtbot, service: str, persona: str, step: str) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, service, persona, step)
    assert app.idle.idle.isActive()
    let_idle_expire(app, qtbot)
    assert app.conductor.outcomes[-1].outcome == "cancelled"
    assert citizen_leftovers(app) == {}


def test_the_leftover_check_sees_a_citizen(app: KioskApp) -> None:
    walk_to(app, "lost", "lost-ok", "loss_declaration")
    try:
        assert {"holderName", "licenceNumber", "issuingOffice"} <= set(citizen_leftovers(app))
    finally:
        tap(app.window, "frame.cancelButton")


def test_back_from_a_declaration_withdraws_it(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "transfer-in", "transfer-in-ok", "self_declaration")
    assert app.vm.declarations == ["RESIDENCE_HOUSEHOLD"]
    tap(app.window, "step.backButton")
    settle_on(app, qtbot, "residence")
    assert app.vm.declarations == []
    tap(app.window, "residence.livingButton")
    settle_on(app, qtbot, "self_declaration")
    assert app.vm.declarations == ["RESIDENCE_LIVING"]
    tap(app.window, "frame.cancelButton")
    settle_on(app, qtbot, "attract")


def test_a_self_declared_condition_ends_at_a_staffed_window(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "transfer-in", "transfer-in-ok", "self_declaration")
    tap(app.window, "selfDeclaration.unfitButton")
    settle_on(app, qtbot, "referral")
    assert find_item(app.window, "referral.reason.SELF_DECLARED_CONDITION") is not None
    assert len(text_of(app.window, "referral.ticket")) == 6
    assert app.vm.referralSlip.startswith("licence-kiosk:referral?ticket=")
    tap(app.window, "referral.finishButton")
    settle_on(app, qtbot, "attract")
    outcome = app.conductor.outcomes[-1]
    assert (outcome.outcome, outcome.reasons) == ("referred", ["SELF_DECLARED_CONDITION"])
    assert outcome.declarations == ["RESIDENCE_HOUSEHOLD"]


def test_the_renewal_shows_the_certificate_and_the_new_term(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "renewal", "renewal-senior", "certificate")
    assert find_item(app.window, "certificate.result") is not None
    assert find_item(app.window, "certificate.missing") is None
    tap(app.window, "certificate.continueButton")
    settle_on(app, qtbot, "new_term")
    assert find_item(app.window, "newTerm.downgrade") is not None  # Art. 65: classes change with age
    assert app.vm.newClasses and app.vm.newClasses != app.vm.licenceClasses
    tap(app.window, "frame.cancelButton")
    settle_on(app, qtbot, "attract")


def test_a_late_renewal_warns_not_to_drive(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "renewal", "renewal-expired", "new_term")
    assert find_item(app.window, "newTerm.late") is not None
    tap(app.window, "frame.cancelButton")
    settle_on(app, qtbot, "attract")


def test_the_lost_card_becomes_void_and_an_elsewhere_licence_is_said_to_be_transferred(
        app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "lost", "lost-ok", "loss_declaration")
    assert find_item(app.window, "loss.voidWarning") is not None
    tap(app.window, "frame.cancelButton")
    settle_on(app, qtbot, "attract")
    walk_to(app, "damaged", "damaged-elsewhere", "residence")
    assert find_item(app.window, "residence.treatedAsTransferIn") is not None
    tap(app.window, "frame.cancelButton")
    settle_on(app, qtbot, "attract")
