"""The rule table as a whole: gating by service, all reasons at once, the verdict's fields."""

from datetime import date

import pytest

from backend_stub.classes import classes_at_age
from backend_stub.rules import Context, evaluate
from backend_stub.terms import new_validity, next_term
from tests.backend_stub.test_stub_rules import ELSEWHERE, ctx

EVERY_BLOCKING_STATUS = "BCDEFGHIJKLSU"
STATUS_REASONS = {
    "LICENCE_REVOKED",
    "LICENCE_CANCELLED",
    "LICENCE_SUSPENDED",
    "LICENCE_SEIZED",
    "LICENCE_STOPPED",
    "LICENCE_TRANSFERRED_OUT",
    "INSPECTION_OVERDUE",
    "UNHANDLED_VIOLATIONS",
    "UNHANDLED_ACCIDENTS",
    "STUDY_REQUIRED",
}


@pytest.mark.parametrize(
    ("service", "expected"),
    [
        ("renewal", STATUS_REASONS),
        ("transfer-in", STATUS_REASONS | {"ALREADY_LOCAL"}),
        ("damaged", STATUS_REASONS),
        ("lost", {"LICENCE_REVOKED", "LICENCE_CANCELLED", "LICENCE_SUSPENDED", "LICENCE_SEIZED"}),
    ],
)
def test_status_gating_by_service(service: str, expected: set[str]) -> None:
    verdict = evaluate(ctx(service, status=EVERY_BLOCKING_STATUS))
    assert set(verdict.reasons) == expected
    assert verdict.outcome == "ineligible"
    assert verdict.fee_cny == 0


@pytest.mark.parametrize("status", ["A", "M", "N", "P", "R", "T"])
def test_statuses_that_do_not_block_renewal(status: str) -> None:
    assert evaluate(ctx(status=status)).reasons == ()


def test_counts_block_audited_services_only() -> None:
    changes = {"unhandled_violations": 1, "unhandled_accidents": 1, "study_required": True}
    audited = {"UNHANDLED_VIOLATIONS", "UNHANDLED_ACCIDENTS", "STUDY_REQUIRED"}
    assert set(evaluate(ctx("renewal", **changes)).reasons) == audited
    assert set(evaluate(ctx("transfer-in", issuing_office=ELSEWHERE, **changes)).reasons) == audited
    assert evaluate(ctx("damaged", **changes)).reasons == ()
    assert evaluate(ctx("lost", **changes)).reasons == ()


def test_window_expiry_and_certificate_only_for_renewal() -> None:
    for service in ("damaged", "lost"):
        assert evaluate(ctx(service, cert=None, valid_until=date(2024, 1, 1))).reasons == ()
    assert evaluate(ctx("transfer-in", cert=None, issuing_office=ELSEWHERE)).reasons == ()


def test_every_reason_is_reported_in_contract_order() -> None:
    verdict = evaluate(ctx(cert=None, valid_until=date(2028, 3, 15), status="HD", card_name="别人"))
    assert verdict.reasons == (
        "IDENTITY_MISMATCH",
        "LICENCE_SUSPENDED",
        "TOO_EARLY",
        "UNHANDLED_VIOLATIONS",
        "MEDICAL_CERTIFICATE_MISSING",
    )


def test_unknown_person_has_no_licence_and_nothing_else() -> None:
    verdict = evaluate(Context(None, "renewal", date(2026, 11, 26), "371500", "王建国", "1985-03-12"))
    assert (verdict.outcome, verdict.reasons, verdict.notices, verdict.fee_cny) == (
        "ineligible",
        ("NO_LICENCE",),
        (),
        0,
    )
    assert (verdict.new_term, verdict.new_valid_from, verdict.new_classes) == (None, None, ())


def test_referred_is_not_ineligible_and_pays_the_fee() -> None:
    verdict = evaluate(ctx("damaged", reissues_last_year=5))
    assert (verdict.outcome, verdict.referrals, verdict.fee_cny) == ("referred", ("FREQUENT_REISSUE",), 10)


def test_a_reason_outranks_a_referral() -> None:
    verdict = evaluate(ctx("lost", reissues_last_year=5, status="K"))
    assert (verdict.outcome, verdict.reasons, verdict.referrals) == (
        "ineligible",
        ("LICENCE_SEIZED",),
        ("FREQUENT_REISSUE",),
    )


def test_renewal_gets_the_next_term_from_the_day_after_the_old_expiry() -> None:
    verdict = evaluate(ctx(term="6y", twelve_point_cycles=0, valid_until=date(2027, 1, 30)))
    assert (verdict.outcome, verdict.notices, verdict.fee_cny) == ("eligible", ("NEW_TERM_10Y",), 10)
    assert (verdict.new_term, verdict.new_valid_from, verdict.new_valid_until) == (
        "10y",
        date(2027, 1, 31),
        date(2037, 1, 30),
    )


def test_long_term_has_no_end() -> None:
    verdict = evaluate(ctx(term="10y", twelve_point_cycles=0))
    assert (verdict.new_term, verdict.new_valid_until, verdict.notices) == ("long", None, ("NEW_TERM_LONG",))


@pytest.mark.parametrize("service", ["damaged", "lost", "transfer-in"])
def test_other_services_keep_validity_and_classes(service: str) -> None:
    verdict = evaluate(ctx(service, born=date(1950, 1, 1), classes=("A1", "D"), issuing_office=ELSEWHERE))
    assert (verdict.new_term, verdict.new_valid_from, verdict.new_valid_until) == (None, None, None)
    assert verdict.new_classes == ("A1", "D")
    assert "CLASS_DOWNGRADE_AGE" not in verdict.notices


def test_renewal_downgrades_classes_by_age() -> None:
    verdict = evaluate(ctx(born=date(1955, 3, 3), classes=("A2", "D")))
    assert (verdict.new_classes, verdict.notices) == (("C1", "F"), ("CLASS_DOWNGRADE_AGE",))


def test_unknown_service_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown service"):
        evaluate(ctx("replace"))


@pytest.mark.parametrize(
    ("classes", "age", "expected"),
    [
        (("A1",), 62, ("A1",)),
        (("A1",), 63, ("C1",)),
        (("A2",), 63, ("C1", "C6")),
        (("A2",), 70, ("C1",)),
        (("B1", "B2", "C1"), 65, ("C1",)),
        (("C1", "M", "N", "P"), 59, ("C1", "M", "N", "P")),
        (("C1", "M", "N", "P"), 60, ("C1",)),
        (("B2", "M"), 62, ("B2",)),
        (("C3", "C4"), 70, ()),
        (("C6", "D", "E"), 70, ("C1", "F")),
        (("C6", "D", "E"), 69, ("C6", "D", "E")),
        (("C2", "C5", "F"), 90, ("C2", "C5", "F")),
    ],
)
def test_classes_at_age(classes: tuple[str, ...], age: int, expected: tuple[str, ...]) -> None:
    assert classes_at_age(classes, age) == expected


@pytest.mark.parametrize(
    ("term", "cycles", "expected"),
    [
        ("6y", 0, "10y"),
        ("6y", 2, "6y"),
        ("10y", 0, "long"),
        ("10y", 1, "10y"),
        ("long", 0, "long"),
        ("long", 3, "long"),
    ],
)
def test_next_term(term: str, cycles: int, expected: str) -> None:
    assert next_term(term, cycles) == expected


def test_new_validity_follows_the_practice_example() -> None:
    assert new_validity(date(2016, 12, 31), "10y") == (date(2017, 1, 1), date(2026, 12, 31))
    assert new_validity(date(2016, 12, 31), "6y") == (date(2017, 1, 1), date(2022, 12, 31))
    assert new_validity(date(2016, 12, 31), "long") == (date(2017, 1, 1), None)
    assert new_validity(date(2020, 2, 29), "6y") == (date(2020, 3, 1), date(2026, 2, 28))
