"""Each eligibility rule on its own (a case that fires and one that does not), then the table."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from backend_stub import rules
from backend_stub.model import Document, Holder, Licence, MedicalCertificate, Persona
from backend_stub.rules import Context

TODAY = date(2026, 11, 26)
OFFICE = "371500"
ELSEWHERE = "370100"
HOLDER = Holder(
    id_number="371502198503120030",
    name="王建国",
    sex="M",
    birth_date=date(1985, 3, 12),
    surname_latin="WANG",
    given_names_latin="JIANGUO",
)
DOCUMENT = Document(kind="TD1", number="E26110113", name="王建国", birth_date=date(1985, 3, 12))
# Clean for every service but transfer-in (which it is already local for).
LICENCE = Licence(
    number="371502198503120030",
    classes=("C1",),
    issuing_office=OFFICE,
    valid_from=date(2017, 1, 30),
    valid_until=date(2027, 1, 30),
    term="10y",
    status="A",
    twelve_point_cycles=1,
)
FIT = MedicalCertificate(issued=date(2026, 11, 1), fit=True)
KEEP = object()  # "use the default licence / certificate"


def ctx(
    service: str = "renewal",
    *,
    licence: object = KEEP,
    cert: object = KEEP,
    born: date | None = None,
    card_name: str | None = "王建国",
    card_birth_date: str | None = "1985-03-12",
    threshold: int = rules.DEFAULT_REISSUE_THRESHOLD,
    **licence_changes: object,
) -> Context:
    """A context for the shared holder; keyword changes go to the licence."""
    base = LICENCE if licence is KEEP else licence
    if base is not None and licence_changes:
        base = replace(base, **licence_changes)  # type: ignore[type-var]
    holder = replace(HOLDER, birth_date=born) if born else HOLDER
    persona = Persona("p", holder, DOCUMENT, base, FIT if cert is KEEP else cert)  # type: ignore[arg-type]
    return Context(persona, service, TODAY, OFFICE, card_name, card_birth_date, threshold)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


# (rule, a context where it fires, the code it gives, a context where it stays silent)
CASES = [
    (rules.no_licence, ctx(licence=None), "NO_LICENCE", ctx()),
    (rules.identity_mismatch, ctx(card_name="王建军"), "IDENTITY_MISMATCH", ctx(card_name="WANG<<JIANGUO")),
    (
        rules.identity_mismatch,
        ctx(card_birth_date="1985-03-21"),
        "IDENTITY_MISMATCH",
        ctx(card_name="jianguo wang"),
    ),
    (rules.revoked, ctx(status="E"), "LICENCE_REVOKED", ctx(status="M")),
    (rules.revoked, ctx(status="DF"), "LICENCE_REVOKED", ctx(status="D")),
    (rules.cancelled, ctx(status="G"), "LICENCE_CANCELLED", ctx(status="R")),
    (rules.suspended, ctx(status="D"), "LICENCE_SUSPENDED", ctx(status="A")),
    (rules.seized, ctx(status="K"), "LICENCE_SEIZED", ctx(status="A")),
    (rules.seized, ctx(status="U"), "LICENCE_SEIZED", ctx(status="N")),
    (rules.stopped, ctx(status="J"), "LICENCE_STOPPED", ctx(status="A")),
    (rules.stopped, ctx(status="L"), "LICENCE_STOPPED", ctx(status="T")),
    (rules.transferred_out, ctx(status="C"), "LICENCE_TRANSFERRED_OUT", ctx(status="A")),
    (rules.inspection_overdue, ctx(status="S"), "INSPECTION_OVERDUE", ctx(status="T")),
    (rules.violations_status, ctx(status="H"), "UNHANDLED_VIOLATIONS", ctx(unhandled_violations=3)),
    (rules.violations_count, ctx(unhandled_violations=1), "UNHANDLED_VIOLATIONS", ctx(status="H")),
    (rules.accidents_status, ctx(status="I"), "UNHANDLED_ACCIDENTS", ctx(unhandled_accidents=1)),
    (rules.accidents_count, ctx(unhandled_accidents=2), "UNHANDLED_ACCIDENTS", ctx(status="I")),
    (rules.study_status, ctx(status="B"), "STUDY_REQUIRED", ctx(study_required=True)),
    (rules.study_flag, ctx(study_required=True), "STUDY_REQUIRED", ctx(status="B")),
    (rules.too_early, ctx(valid_until=days(91)), "TOO_EARLY", ctx(valid_until=days(90))),
    (
        rules.expired_over_one_year,
        ctx(valid_until=date(2025, 11, 25)),
        "EXPIRED_OVER_ONE_YEAR",
        ctx(valid_until=date(2025, 11, 26)),
    ),
    (rules.medical_certificate_missing, ctx(cert=None), "MEDICAL_CERTIFICATE_MISSING", ctx()),
    (
        rules.medical_certificate_missing,
        ctx(cert=MedicalCertificate(date(2026, 11, 1), fit=False)),
        "MEDICAL_CERTIFICATE_MISSING",
        ctx(cert=MedicalCertificate(TODAY, fit=True)),
    ),
    (
        rules.medical_certificate_missing,
        ctx(cert=MedicalCertificate(date(2026, 5, 25), fit=True)),  # 6 months and a day ago
        "MEDICAL_CERTIFICATE_MISSING",
        ctx(cert=MedicalCertificate(date(2026, 5, 26), fit=True)),  # exactly 6 months ago
    ),
    (
        rules.medical_certificate_missing,
        ctx(cert=MedicalCertificate(days(1), fit=True)),  # not issued yet
        "MEDICAL_CERTIFICATE_MISSING",
        ctx(licence=None, cert=None),  # no licence: NO_LICENCE says it all
    ),
    (rules.already_local, ctx("transfer-in"), "ALREADY_LOCAL", ctx("transfer-in", issuing_office=ELSEWHERE)),
    (
        rules.frequent_reissue,
        ctx("lost", reissues_last_year=2),
        "FREQUENT_REISSUE",
        ctx("lost", reissues_last_year=1),
    ),
    (
        rules.frequent_reissue,
        ctx("damaged", reissues_last_year=3, threshold=3),
        "FREQUENT_REISSUE",
        ctx("damaged", reissues_last_year=2, threshold=3),
    ),
    (
        rules.late_renewal_home_office,
        ctx(issuing_office=ELSEWHERE, valid_until=date(2025, 12, 26), status="M"),  # 11 months to the day
        "LATE_RENEWAL_HOME_OFFICE",
        ctx(issuing_office=ELSEWHERE, valid_until=date(2025, 12, 27), status="M"),
    ),
    (
        rules.late_renewal_home_office,
        ctx(issuing_office=ELSEWHERE, valid_until=date(2025, 11, 26), status="M"),  # 12 months to the day
        "LATE_RENEWAL_HOME_OFFICE",
        ctx(valid_until=date(2025, 12, 1), status="M"),  # issued here: no need to go home
    ),
    (
        rules.late_renewal_home_office,
        ctx(issuing_office=ELSEWHERE, valid_until=date(2026, 1, 1), status="M"),  # 10 months 25 days
        None,
        ctx(issuing_office=ELSEWHERE, valid_until=date(2025, 11, 25), status="M"),  # over a year: blocked
    ),
    (
        rules.new_term,
        ctx(term="6y", twelve_point_cycles=0),
        "NEW_TERM_10Y",
        ctx(term="6y", twelve_point_cycles=1),
    ),
    (
        rules.new_term,
        ctx(term="10y", twelve_point_cycles=0),
        "NEW_TERM_LONG",
        ctx(term="long", twelve_point_cycles=0),
    ),
    (
        rules.class_downgrade_age,
        ctx(born=date(1966, 11, 26), classes=("C1", "M")),
        "CLASS_DOWNGRADE_AGE",
        ctx(born=date(1966, 11, 27), classes=("C1", "M")),
    ),
    (
        rules.class_downgrade_age,
        ctx(born=date(1956, 1, 1), classes=("D",)),
        "CLASS_DOWNGRADE_AGE",
        ctx(born=date(1956, 1, 1), classes=("C1", "C2", "F")),
    ),
    (rules.treated_as_transfer_in, ctx(issuing_office=ELSEWHERE), "TREATED_AS_TRANSFER_IN", ctx()),
    (rules.old_card_void, ctx("lost"), "OLD_CARD_VOID", ctx("lost", licence=None)),
    (
        rules.late_renewal,
        ctx(valid_until=days(-1), status="M"),  # the first day without a valid card
        "LATE_RENEWAL",
        ctx(valid_until=TODAY),  # its last valid day
    ),
    (
        rules.late_renewal,
        ctx(valid_until=date(2025, 11, 26), status="M"),  # 12 months to the day: still renewable
        "LATE_RENEWAL",
        ctx(valid_until=date(2025, 11, 25), status="M"),  # over a year: EXPIRED_OVER_ONE_YEAR instead
    ),
    (
        rules.late_renewal,
        ctx(issuing_office=ELSEWHERE, valid_until=date(2025, 12, 20), status="M"),  # referred home: told too
        "LATE_RENEWAL",
        ctx(licence=None),
    ),
]


@pytest.mark.parametrize(
    ("rule", "firing", "code", "silent"), CASES, ids=lambda v: getattr(v, "__name__", None)
)
def test_rule_fires_and_stays_silent(rule, firing, code, silent) -> None:
    assert rule(firing) == ([code] if code else [])
    assert rule(silent) == []


def test_identity_is_not_compared_when_the_card_gives_none() -> None:
    assert rules.identity_mismatch(ctx(card_name=None, card_birth_date=None)) == []
    assert rules.identity_mismatch(Context(None, "renewal", TODAY, OFFICE, "x", "1900-01-01")) == []


def test_every_code_has_a_rule_case() -> None:
    from backend_stub.codes import NOTICES, REASONS, REFERRALS

    assert {code for *_, code, _ in CASES if code} == set(REASONS + REFERRALS + NOTICES)


def test_every_rule_in_the_table_is_tested() -> None:
    assert {rule.check for rule in rules.RULES} == {case[0] for case in CASES}
