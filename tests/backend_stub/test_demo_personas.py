"""The shipped personas (data/demo.json) against a table written by hand from the rules.

Each persona is written for the service its id starts with; the office is Liaocheng (371500)
and the card presented is the persona's own ID document.
"""

from datetime import date

import pytest

from backend_stub.app import DATA_DIR
from backend_stub.qa import service_hint
from backend_stub.rules import Context, evaluate
from backend_stub.scenarios import load_scenario_file

OFFICE = "371500"
DEMO = load_scenario_file(DATA_DIR / "demo.json")

INELIGIBLE, REFERRED, ELIGIBLE = "ineligible", "referred", "eligible"
TRANSFER = "TREATED_AS_TRANSFER_IN"
VOID = "OLD_CARD_VOID"
LATE = "LATE_RENEWAL"

# persona id: (outcome, reasons, referrals, notices)
EXPECTED: dict[str, tuple[str, list[str], list[str], list[str]]] = {
    "renewal-ok": (ELIGIBLE, [], [], ["NEW_TERM_LONG"]),
    "renewal-face-mismatch": (ELIGIBLE, [], [], ["NEW_TERM_LONG"]),  # the kiosk refers: another face
    "renewal-no-licence": (INELIGIBLE, ["NO_LICENCE"], [], []),
    "renewal-identity-mismatch": (INELIGIBLE, ["IDENTITY_MISMATCH"], [], []),
    "renewal-revoked": (INELIGIBLE, ["LICENCE_REVOKED"], [], []),
    "renewal-cancelled": (INELIGIBLE, ["LICENCE_CANCELLED"], [], []),
    "renewal-suspended": (INELIGIBLE, ["LICENCE_SUSPENDED"], [], []),
    "renewal-seized": (INELIGIBLE, ["LICENCE_SEIZED"], [], []),
    "renewal-stopped": (INELIGIBLE, ["LICENCE_STOPPED"], [], []),
    "renewal-transferred-out": (INELIGIBLE, ["LICENCE_TRANSFERRED_OUT"], [], []),
    "renewal-inspection-overdue": (INELIGIBLE, ["INSPECTION_OVERDUE"], [], []),
    "renewal-too-early": (INELIGIBLE, ["TOO_EARLY"], [], []),
    "renewal-expired-over-one-year": (INELIGIBLE, ["EXPIRED_OVER_ONE_YEAR"], [], []),
    "renewal-violations": (INELIGIBLE, ["UNHANDLED_VIOLATIONS"], [], []),
    "renewal-accidents": (INELIGIBLE, ["UNHANDLED_ACCIDENTS"], [], []),
    "renewal-no-medical": (INELIGIBLE, ["MEDICAL_CERTIFICATE_MISSING"], [], []),
    "renewal-medical-expired": (INELIGIBLE, ["MEDICAL_CERTIFICATE_MISSING"], [], []),
    "renewal-study": (INELIGIBLE, ["STUDY_REQUIRED"], [], []),
    "renewal-late-elsewhere": (REFERRED, [], ["LATE_RENEWAL_HOME_OFFICE"], [TRANSFER, LATE]),
    "renewal-expired": (ELIGIBLE, [], [], [LATE]),  # three months past expiry, issued here
    "renewal-elsewhere": (ELIGIBLE, [], [], [TRANSFER]),
    "renewal-term-10y": (ELIGIBLE, [], [], ["NEW_TERM_10Y"]),
    "renewal-senior": (ELIGIBLE, [], [], ["CLASS_DOWNGRADE_AGE"]),
    "renewal-senior-60": (ELIGIBLE, [], [], ["CLASS_DOWNGRADE_AGE"]),
    # Eligible; they differ only in what the citizen does with the fee payment (`payment` key).
    "renewal-pay-declines": (ELIGIBLE, [], [], ["NEW_TERM_LONG"]),
    "renewal-pay-never": (ELIGIBLE, [], [], ["NEW_TERM_LONG"]),
    "renewal-many": (
        INELIGIBLE,
        ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING"],
        [],
        [],
    ),
    "damaged-ok": (ELIGIBLE, [], [], []),
    "damaged-frequent": (REFERRED, [], ["FREQUENT_REISSUE"], []),
    "damaged-elsewhere": (ELIGIBLE, [], [], [TRANSFER]),
    "damaged-suspended": (INELIGIBLE, ["LICENCE_SUSPENDED"], [], []),
    "damaged-no-licence": (INELIGIBLE, ["NO_LICENCE"], [], []),
    "damaged-identity-mismatch": (INELIGIBLE, ["IDENTITY_MISMATCH"], [], []),
    "damaged-revoked": (INELIGIBLE, ["LICENCE_REVOKED"], [], []),
    "damaged-cancelled": (INELIGIBLE, ["LICENCE_CANCELLED"], [], []),
    "damaged-seized": (INELIGIBLE, ["LICENCE_SEIZED"], [], []),
    "damaged-stopped": (INELIGIBLE, ["LICENCE_STOPPED"], [], []),
    "damaged-transferred-out": (INELIGIBLE, ["LICENCE_TRANSFERRED_OUT"], [], []),
    "damaged-inspection-overdue": (INELIGIBLE, ["INSPECTION_OVERDUE"], [], []),
    "damaged-violations": (INELIGIBLE, ["UNHANDLED_VIOLATIONS"], [], []),
    "damaged-accidents": (INELIGIBLE, ["UNHANDLED_ACCIDENTS"], [], []),
    "damaged-study": (INELIGIBLE, ["STUDY_REQUIRED"], [], []),
    "lost-ok": (ELIGIBLE, [], [], [VOID]),
    "lost-seized": (INELIGIBLE, ["LICENCE_SEIZED"], [], [VOID]),
    "lost-frequent": (REFERRED, [], ["FREQUENT_REISSUE"], [VOID]),
    "lost-with-violations": (ELIGIBLE, [], [], [VOID]),
    "lost-no-licence": (INELIGIBLE, ["NO_LICENCE"], [], []),  # no card to declare void
    "lost-identity-mismatch": (INELIGIBLE, ["IDENTITY_MISMATCH"], [], [VOID]),
    "lost-revoked": (INELIGIBLE, ["LICENCE_REVOKED"], [], [VOID]),
    "lost-cancelled": (INELIGIBLE, ["LICENCE_CANCELLED"], [], [VOID]),
    "lost-suspended": (INELIGIBLE, ["LICENCE_SUSPENDED"], [], [VOID]),
    "transfer-in-ok": (ELIGIBLE, [], [], []),
    "transfer-in-local": (INELIGIBLE, ["ALREADY_LOCAL"], [], []),
    "transfer-in-inspection-overdue": (INELIGIBLE, ["INSPECTION_OVERDUE"], [], []),
    "transfer-in-blocked": (INELIGIBLE, ["UNHANDLED_VIOLATIONS", "STUDY_REQUIRED"], [], []),
    "transfer-in-no-licence": (INELIGIBLE, ["NO_LICENCE"], [], []),
    "transfer-in-identity-mismatch": (INELIGIBLE, ["IDENTITY_MISMATCH"], [], []),
    "transfer-in-revoked": (INELIGIBLE, ["LICENCE_REVOKED"], [], []),
    "transfer-in-cancelled": (INELIGIBLE, ["LICENCE_CANCELLED"], [], []),
    "transfer-in-suspended": (INELIGIBLE, ["LICENCE_SUSPENDED"], [], []),
    "transfer-in-seized": (INELIGIBLE, ["LICENCE_SEIZED"], [], []),
    "transfer-in-stopped": (INELIGIBLE, ["LICENCE_STOPPED"], [], []),
    "transfer-in-transferred-out": (INELIGIBLE, ["LICENCE_TRANSFERRED_OUT"], [], []),
    "transfer-in-accidents": (INELIGIBLE, ["UNHANDLED_ACCIDENTS"], [], []),  # the 审验 count, status A
}

# persona id: (new_term, new_valid_from, new_valid_until, new_classes) for renewals worth pinning down
RENEWED: dict[str, tuple[str, str, str | None, list[str]]] = {
    "renewal-ok": ("long", "2027-01-31", None, ["C1"]),
    "renewal-term-10y": ("10y", "2027-02-11", "2037-02-10", ["C1"]),
    "renewal-late-elsewhere": ("10y", "2025-12-21", "2035-12-20", ["C1"]),
    "renewal-expired": ("10y", "2026-09-01", "2036-08-31", ["C1"]),
    "renewal-senior": ("10y", "2027-01-21", "2037-01-20", ["C1", "F"]),
    "renewal-senior-60": ("10y", "2027-01-11", "2037-01-10", ["B2"]),
}


def verdict_for(persona_id: str, service: str | None = None):
    """The persona's verdict for `service`, by default the one its id starts with."""
    persona = DEMO.personas[persona_id]
    card = persona.document
    service = service or service_hint(persona_id)
    assert service is not None, f"{persona_id}: the id should start with its service"
    return evaluate(Context(persona, service, DEMO.today, OFFICE, card.name, card.birth_date.isoformat()))


def test_the_table_covers_every_shipped_persona() -> None:
    assert set(EXPECTED) == set(DEMO.personas)
    assert DEMO.today == date(2026, 11, 26)


@pytest.mark.parametrize("persona_id", sorted(EXPECTED))
def test_persona_outcome(persona_id: str) -> None:
    verdict = verdict_for(persona_id)
    outcome, reasons, referrals, notices = EXPECTED[persona_id]
    assert (verdict.outcome, list(verdict.reasons), list(verdict.referrals), list(verdict.notices)) == (
        outcome,
        reasons,
        referrals,
        notices,
    )
    assert verdict.fee_cny == (0 if outcome == INELIGIBLE else 10)


@pytest.mark.parametrize("persona_id", sorted(RENEWED))
def test_renewed_validity_and_classes(persona_id: str) -> None:
    verdict = verdict_for(persona_id)
    valid_from = verdict.new_valid_from.isoformat()
    valid_until = verdict.new_valid_until.isoformat() if verdict.new_valid_until else None
    assert (verdict.new_term, valid_from, valid_until, list(verdict.new_classes)) == RENEWED[persona_id]


# --- every code in every service it applies to has a persona written for that service -------------

# From the service table of rules.RULES (docs/backend-api.md): the codes each service can produce.
EVERY_SERVICE = ["NO_LICENCE", "IDENTITY_MISMATCH", "LICENCE_REVOKED", "LICENCE_CANCELLED",
                 "LICENCE_SUSPENDED", "LICENCE_SEIZED"]
NORMAL_STATUS = ["LICENCE_STOPPED", "LICENCE_TRANSFERRED_OUT", "INSPECTION_OVERDUE",
                 "UNHANDLED_VIOLATIONS", "UNHANDLED_ACCIDENTS", "STUDY_REQUIRED"]
APPLICABLE: dict[str, list[str]] = {
    "renewal": EVERY_SERVICE + NORMAL_STATUS + [
        "TOO_EARLY", "EXPIRED_OVER_ONE_YEAR", "MEDICAL_CERTIFICATE_MISSING", "LATE_RENEWAL_HOME_OFFICE",
        "NEW_TERM_10Y", "NEW_TERM_LONG", "CLASS_DOWNGRADE_AGE", TRANSFER, LATE],
    "damaged": EVERY_SERVICE + NORMAL_STATUS + ["FREQUENT_REISSUE", TRANSFER],
    "transfer-in": EVERY_SERVICE + NORMAL_STATUS + ["ALREADY_LOCAL"],
    "lost": EVERY_SERVICE + ["FREQUENT_REISSUE", VOID],
}


def codes_of(persona_id: str, service: str) -> set[str]:
    verdict = verdict_for(persona_id, service)
    return set(verdict.reasons + verdict.referrals + verdict.notices)


@pytest.mark.parametrize(
    ("service", "code"), [(service, code) for service, codes in APPLICABLE.items() for code in codes]
)
def test_a_persona_of_the_service_shows_each_code_it_can_get(service: str, code: str) -> None:
    """QA picks a service's personas by their id: one of them must show each code (the issue's demand)."""
    own = [pid for pid in DEMO.personas if service_hint(pid) == service]
    assert any(code in codes_of(pid, service) for pid in own), f"no {service} persona shows {code}"


@pytest.mark.parametrize("service", sorted(APPLICABLE))
def test_no_persona_gets_a_code_the_table_says_cannot_apply(service: str) -> None:
    """Keeps APPLICABLE honest against rules.py: any persona, in any service."""
    found = set().union(*(codes_of(pid, service) for pid in DEMO.personas))
    assert found <= set(APPLICABLE[service])


def test_every_code_applies_to_some_service() -> None:
    from backend_stub.codes import NOTICES, REASONS, REFERRALS

    assert set().union(*map(set, APPLICABLE.values())) == set(REASONS + REFERRALS + NOTICES)


# --- GB 11643-1999 citizen identity numbers --------------------------------------------------------

WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
CHECK_CHARACTERS = "10X98765432"


def check_character(first_17: str) -> str:
    return CHECK_CHARACTERS[
        sum(int(digit) * weight for digit, weight in zip(first_17, WEIGHTS, strict=True)) % 11
    ]


def test_check_character_of_a_published_example() -> None:
    # The standard's own example number.
    assert check_character("11010519491231002") == "X"


@pytest.mark.parametrize("persona_id", sorted(EXPECTED))
def test_identity_numbers_are_well_formed(persona_id: str) -> None:
    holder = DEMO.personas[persona_id].holder
    number = holder.id_number
    assert len(number) == 18 and number[:17].isdigit()
    assert number[17] == check_character(number[:17])
    assert number[6:14] == holder.birth_date.strftime("%Y%m%d")
    assert int(number[16]) % 2 == (1 if holder.sex == "M" else 0)  # odd sequence digit: male
    licence = DEMO.personas[persona_id].licence
    assert licence is None or licence.number == number  # a Chinese licence number is the ID number


# Every persona pays unless it says otherwise.
PAYMENT = {"renewal-pay-declines": "declines", "renewal-pay-never": "never"}


def test_payment_behaviour_of_each_persona() -> None:
    assert {pid: p.payment for pid, p in DEMO.personas.items()} == {
        pid: PAYMENT.get(pid, "pays") for pid in EXPECTED
    }


def test_every_persona_uses_the_demo_face_but_the_one_whose_face_differs() -> None:
    portraits = {pid: persona.document.portrait for pid, persona in DEMO.personas.items()}
    assert portraits.pop("renewal-face-mismatch") == str(DATA_DIR / "faces" / "other-face.jpg")
    assert set(portraits.values()) == {str(DATA_DIR / "faces" / "demo-face.jpg")}
