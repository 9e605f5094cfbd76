"""Every renewal persona of the shipped scenario file, through the real UI: the expected outcome,
reasons and notices (the table is written by hand from DOMAIN.md's rules, not generated)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import pytest

from kiosk.app import KioskApp
from kiosk.qa import run_flow
from tests.ui.test_kiosk_ui import make_app

TRANSFER = "TREATED_AS_TRANSFER_IN"
LATE = "LATE_RENEWAL"
# persona: (outcome, reasons incl. referrals, notices, failure)
EXPECTED = {
    "renewal-ok": ("submitted", [], ["NEW_TERM_LONG"], None),
    # eligible, but the chip's portrait is someone else: the kiosk itself refers to a window
    "renewal-face-mismatch": ("referred", ["FACE_MISMATCH"], ["NEW_TERM_LONG"], None),
    "renewal-no-licence": ("ineligible", ["NO_LICENCE"], [], None),
    "renewal-identity-mismatch": ("ineligible", ["IDENTITY_MISMATCH"], [], None),
    "renewal-revoked": ("ineligible", ["LICENCE_REVOKED"], [], None),
    "renewal-cancelled": ("ineligible", ["LICENCE_CANCELLED"], [], None),
    "renewal-suspended": ("ineligible", ["LICENCE_SUSPENDED"], [], None),
    "renewal-seized": ("ineligible", ["LICENCE_SEIZED"], [], None),
    "renewal-stopped": ("ineligible", ["LICENCE_STOPPED"], [], None),
    "renewal-transferred-out": ("ineligible", ["LICENCE_TRANSFERRED_OUT"], [], None),
    "renewal-inspection-overdue": ("ineligible", ["INSPECTION_OVERDUE"], [], None),
    "renewal-too-early": ("ineligible", ["TOO_EARLY"], [], None),
    "renewal-expired-over-one-year": ("ineligible", ["EXPIRED_OVER_ONE_YEAR"], [], None),
    "renewal-violations": ("ineligible", ["UNHANDLED_VIOLATIONS"], [], None),
    "renewal-accidents": ("ineligible", ["UNHANDLED_ACCIDENTS"], [], None),
    "renewal-no-medical": ("ineligible", ["MEDICAL_CERTIFICATE_MISSING"], [], None),
    "renewal-medical-expired": ("ineligible", ["MEDICAL_CERTIFICATE_MISSING"], [], None),
    "renewal-study": ("ineligible", ["STUDY_REQUIRED"], [], None),
    "renewal-late-elsewhere": ("referred", ["LATE_RENEWAL_HOME_OFFICE"], [TRANSFER, LATE], None),
    "renewal-expired": ("submitted", [], [LATE], None),
    "renewal-elsewhere": ("submitted", [], [TRANSFER], None),
    "renewal-term-10y": ("submitted", [], ["NEW_TERM_10Y"], None),
    "renewal-senior": ("submitted", [], ["CLASS_DOWNGRADE_AGE"], None),
    "renewal-senior-60": ("submitted", [], ["CLASS_DOWNGRADE_AGE"], None),
    "renewal-many": ("ineligible", ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING"],
                     [], None),
    "renewal-pay-declines": ("failed", [], ["NEW_TERM_LONG"], "PAYMENT_DECLINED"),
    "renewal-pay-never": ("cancelled", [], ["NEW_TERM_LONG"], None),
}


VOID = "OLD_CARD_VOID"
# the other services' personas: (outcome, reasons incl. referrals, notices)
OTHER_SERVICES = {
    ("damaged", "damaged-ok"): ("submitted", [], []),
    ("damaged", "damaged-frequent"): ("referred", ["FREQUENT_REISSUE"], []),
    ("damaged", "damaged-elsewhere"): ("submitted", [], [TRANSFER]),
    ("damaged", "damaged-suspended"): ("ineligible", ["LICENCE_SUSPENDED"], []),
    ("damaged", "damaged-no-licence"): ("ineligible", ["NO_LICENCE"], []),
    ("damaged", "damaged-identity-mismatch"): ("ineligible", ["IDENTITY_MISMATCH"], []),
    ("damaged", "damaged-revoked"): ("ineligible", ["LICENCE_REVOKED"], []),
    ("damaged", "damaged-cancelled"): ("ineligible", ["LICENCE_CANCELLED"], []),
    ("damaged", "damaged-seized"): ("ineligible", ["LICENCE_SEIZED"], []),
    ("damaged", "damaged-stopped"): ("ineligible", ["LICENCE_STOPPED"], []),
    ("damaged", "damaged-transferred-out"): ("ineligible", ["LICENCE_TRANSFERRED_OUT"], []),
    ("damaged", "damaged-inspection-overdue"): ("ineligible", ["INSPECTION_OVERDUE"], []),
    ("damaged", "damaged-violations"): ("ineligible", ["UNHANDLED_VIOLATIONS"], []),
    ("damaged", "damaged-accidents"): ("ineligible", ["UNHANDLED_ACCIDENTS"], []),
    ("damaged", "damaged-study"): ("ineligible", ["STUDY_REQUIRED"], []),
    ("lost", "lost-ok"): ("submitted", [], [VOID]),
    ("lost", "lost-seized"): ("ineligible", ["LICENCE_SEIZED"], [VOID]),
    ("lost", "lost-frequent"): ("referred", ["FREQUENT_REISSUE"], [VOID]),
    ("lost", "lost-with-violations"): ("submitted", [], [VOID]),
    ("lost", "lost-no-licence"): ("ineligible", ["NO_LICENCE"], []),
    ("lost", "lost-identity-mismatch"): ("ineligible", ["IDENTITY_MISMATCH"], [VOID]),
    ("lost", "lost-revoked"): ("ineligible", ["LICENCE_REVOKED"], [VOID]),
    ("lost", "lost-cancelled"): ("ineligible", ["LICENCE_CANCELLED"], [VOID]),
    ("lost", "lost-suspended"): ("ineligible", ["LICENCE_SUSPENDED"], [VOID]),
    ("transfer-in", "transfer-in-ok"): ("submitted", [], []),
    ("transfer-in", "transfer-in-local"): ("ineligible", ["ALREADY_LOCAL"], []),
    ("transfer-in", "transfer-in-inspection-overdue"): ("ineligible", ["INSPECTION_OVERDUE"], []),
    ("transfer-in", "transfer-in-blocked"): ("ineligible", ["UNHANDLED_VIOLATIONS", "STUDY_REQUIRED"], []),
    ("transfer-in", "transfer-in-no-licence"): ("ineligible", ["NO_LICENCE"], []),
    ("transfer-in", "transfer-in-identity-mismatch"): ("ineligible", ["IDENTITY_MISMATCH"], []),
    ("transfer-in", "transfer-in-revoked"): ("ineligible", ["LICENCE_REVOKED"], []),
    ("transfer-in", "transfer-in-cancelled"): ("ineligible", ["LICENCE_CANCELLED"], []),
    ("transfer-in", "transfer-in-suspended"): ("ineligible", ["LICENCE_SUSPENDED"], []),
    ("transfer-in", "transfer-in-seized"): ("ineligible", ["LICENCE_SEIZED"], []),
    ("transfer-in", "transfer-in-stopped"): ("ineligible", ["LICENCE_STOPPED"], []),
    ("transfer-in", "transfer-in-transferred-out"): ("ineligible", ["LICENCE_TRANSFERRED_OUT"], []),
    ("transfer-in", "transfer-in-accidents"): ("ineligible", ["UNHANDLED_ACCIDENTS"], []),
}


def shipped_personas(prefix: str) -> list[str]:
    scenario = json.loads((resources.files("backend_stub") / "data" / "demo.json").read_text("utf-8"))
    return [p["id"] for p in scenario["personas"] if p["id"].startswith(prefix)]


def shipped_renewal_personas() -> list[str]:
    return shipped_personas("renewal-")


@pytest.fixture(scope="module")
def app(stub_server, tmp_path_factory) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    kiosk = make_app(stub_server.url, tmp_path_factory.mktemp("kiosk"))
    yield kiosk
    kiosk.close()


def test_the_table_covers_every_shipped_renewal_persona() -> None:
    assert sorted(EXPECTED) == sorted(shipped_renewal_personas())


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_persona_outcome(app: KioskApp, persona: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome = run_flow(app, "renewal", persona, payment_wait_s=1.5)
    expected_outcome, reasons, notices, failure = EXPECTED[persona]
    assert (outcome.outcome, sorted(outcome.reasons), sorted(outcome.notices), outcome.failure) == (
        expected_outcome, sorted(reasons), sorted(notices), failure)
    if expected_outcome == "submitted":
        assert outcome.application_id and outcome.delivered


def test_the_other_services_table_covers_their_shipped_personas() -> None:
    shipped = [p for prefix in ("damaged-", "lost-", "transfer-in-") for p in shipped_personas(prefix)]
    assert sorted(persona for _, persona in OTHER_SERVICES) == sorted(shipped)


@pytest.mark.parametrize("service, persona", sorted(OTHER_SERVICES))
def test_other_service_outcome(app: KioskApp, service: str, persona: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    outcome = run_flow(app, service, persona, payment_wait_s=1.5)
    expected_outcome, reasons, notices = OTHER_SERVICES[(service, persona)]
    assert (outcome.service, outcome.outcome, sorted(outcome.reasons), sorted(outcome.notices)) == (
        service, expected_outcome, sorted(reasons), sorted(notices))
    if expected_outcome == "submitted":
        assert outcome.application_id and outcome.delivered
