"""Eligibility as data: a table of small named rules, each `(Context) -> list of codes`.

Every rule that applies to the service runs, and every code it finds is reported (Art. 3:
tell the applicant everything at once). Which rules apply to which service is the table's
business (DOMAIN.md §3 and the §8 gating sketch), not the rules'.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from backend_stub.classes import classes_at_age
from backend_stub.codes import NOTICES, REASONS, REFERRALS, in_order
from backend_stub.dates import add_months, add_years, age_on
from backend_stub.domain import FEE_PER_CARD_CNY, SERVICES
from backend_stub.identity import matches_record
from backend_stub.model import Licence, Persona
from backend_stub.terms import new_validity, next_term

RENEWAL_WINDOW_DAYS = 90  # Art. 63
CERTIFICATE_VALID_MONTHS = 6  # Art. 85
LATE_RENEWAL_MONTHS = 11  # 交管12123 practice: 11–12 months past expiry only at the issuing office
DEFAULT_REISSUE_THRESHOLD = 2  # Art. 83 gives no number; the real back office decides


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at. `card_*` is what the presented ID document says."""

    persona: Persona | None
    service: str
    today: date
    office: str
    card_name: str | None = None
    card_birth_date: str | None = None
    reissue_threshold: int = DEFAULT_REISSUE_THRESHOLD

    @property
    def licence(self) -> Licence | None:
        return self.persona.licence if self.persona else None


def _status_has(ctx: Context, letters: str) -> bool:
    return ctx.licence is not None and any(letter in ctx.licence.status for letter in letters)


def _when(condition: bool, code: str) -> list[str]:
    return [code] if condition else []


# --- blocking reasons -------------------------------------------------------------------------


def no_licence(ctx: Context) -> list[str]:
    return _when(ctx.licence is None, "NO_LICENCE")


def identity_mismatch(ctx: Context) -> list[str]:
    holder = ctx.persona.holder if ctx.persona else None
    return _when(
        holder is not None and not matches_record(holder, ctx.card_name, ctx.card_birth_date),
        "IDENTITY_MISMATCH",
    )


def revoked(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "EF"), "LICENCE_REVOKED")  # 撤销, 吊销


def cancelled(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "G"), "LICENCE_CANCELLED")  # 注销


def suspended(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "D"), "LICENCE_SUSPENDED")  # 暂扣


def seized(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "KU"), "LICENCE_SEIZED")  # 扣押, 扣留


def stopped(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "JL"), "LICENCE_STOPPED")  # 停止使用, 锁定


def transferred_out(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "C"), "LICENCE_TRANSFERRED_OUT")  # 转出


def inspection_overdue(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "S"), "INSPECTION_OVERDUE")  # 逾期未审验


def violations_status(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "H"), "UNHANDLED_VIOLATIONS")


def violations_count(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None and ctx.licence.unhandled_violations > 0, "UNHANDLED_VIOLATIONS")


def accidents_status(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "I"), "UNHANDLED_ACCIDENTS")


def accidents_count(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None and ctx.licence.unhandled_accidents > 0, "UNHANDLED_ACCIDENTS")


def study_status(ctx: Context) -> list[str]:
    return _when(_status_has(ctx, "B"), "STUDY_REQUIRED")  # 超分


def study_flag(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None and ctx.licence.study_required, "STUDY_REQUIRED")


def too_early(ctx: Context) -> list[str]:
    days_left = (ctx.licence.valid_until - ctx.today).days if ctx.licence else 0
    return _when(days_left > RENEWAL_WINDOW_DAYS, "TOO_EARLY")


def expired_over_one_year(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None and _over_one_year(ctx.licence, ctx.today), "EXPIRED_OVER_ONE_YEAR")


def _over_one_year(licence: Licence, today: date) -> bool:
    return today > add_years(licence.valid_until, 1)


def medical_certificate_missing(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None and not _fit_certificate(ctx), "MEDICAL_CERTIFICATE_MISSING")


def _fit_certificate(ctx: Context) -> bool:
    """A fit certificate issued no later than today and no more than 6 months ago."""
    cert = ctx.persona.medical_certificate if ctx.persona else None
    if cert is None or not cert.fit:
        return False
    return cert.issued <= ctx.today <= add_months(cert.issued, CERTIFICATE_VALID_MONTHS)


def already_local(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None and ctx.licence.issuing_office == ctx.office, "ALREADY_LOCAL")


# --- referrals (send to a staffed window) -----------------------------------------------------


def frequent_reissue(ctx: Context) -> list[str]:
    frequent = ctx.licence is not None and ctx.licence.reissues_last_year >= ctx.reissue_threshold
    return _when(frequent, "FREQUENT_REISSUE")  # Art. 83: suspicion moves it on-site


def late_renewal_home_office(ctx: Context) -> list[str]:
    licence = ctx.licence
    if licence is None or licence.issuing_office == ctx.office:
        return []
    late = add_months(licence.valid_until, LATE_RENEWAL_MONTHS) <= ctx.today
    return _when(late and not _over_one_year(licence, ctx.today), "LATE_RENEWAL_HOME_OFFICE")


# --- notices (informative) --------------------------------------------------------------------


_NEW_TERM_NOTICES = {"6y": "", "10y": "NEW_TERM_10Y", "long": "NEW_TERM_LONG"}


def new_term(ctx: Context) -> list[str]:
    """Art. 62: told only when the term changes (6y → 10y, 10y → long)."""
    licence = ctx.licence
    if licence is None:
        return []
    term = next_term(licence.term, licence.twelve_point_cycles)
    return _when(term != licence.term, _NEW_TERM_NOTICES[term])


def class_downgrade_age(ctx: Context) -> list[str]:
    changed = ctx.licence is not None and _classes_after(ctx) != ctx.licence.classes
    return _when(changed, "CLASS_DOWNGRADE_AGE")


def _classes_after(ctx: Context) -> tuple[str, ...]:
    if ctx.persona is None or ctx.licence is None:
        return ()
    return classes_at_age(ctx.licence.classes, age_on(ctx.persona.holder.birth_date, ctx.today))


def treated_as_transfer_in(ctx: Context) -> list[str]:
    # Art. 70: renewal or replacement away from the issuing office is handled as a transfer-in too.
    elsewhere = ctx.licence is not None and ctx.licence.issuing_office != ctx.office
    return _when(elsewhere, "TREATED_AS_TRANSFER_IN")


def old_card_void(ctx: Context) -> list[str]:
    return _when(ctx.licence is not None, "OLD_CARD_VOID")  # Art. 98: using it afterwards is fined


def late_renewal(ctx: Context) -> list[str]:
    """Expired, but by a year or less: renewable, and the citizen must not drive until the new card comes."""
    licence = ctx.licence
    if licence is None or licence.valid_until >= ctx.today:
        return []  # valid_until is the last day the card may be used
    return _when(not _over_one_year(licence, ctx.today), "LATE_RENEWAL")


# --- which rule runs for which service --------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    check: Callable[[Context], list[str]]
    services: frozenset[str]

    @property
    def name(self) -> str:
        return self.check.__name__


ALL = frozenset(SERVICES)
NORMAL_STATUS = frozenset({"renewal", "transfer-in", "damaged"})  # the licence must be 正常
AUDITED = frozenset({"renewal", "transfer-in"})  # 审验 (Art. 72 ¶2): counts and study too
RENEWAL = frozenset({"renewal"})
REPLACEMENT = frozenset({"damaged", "lost"})

RULES: tuple[Rule, ...] = (
    Rule(no_licence, ALL),
    Rule(identity_mismatch, ALL),
    Rule(revoked, ALL),
    Rule(cancelled, ALL),
    Rule(suspended, ALL),
    Rule(seized, ALL),
    Rule(stopped, NORMAL_STATUS),
    Rule(transferred_out, NORMAL_STATUS),
    Rule(inspection_overdue, NORMAL_STATUS),
    Rule(violations_status, NORMAL_STATUS),
    Rule(violations_count, AUDITED),
    Rule(accidents_status, NORMAL_STATUS),
    Rule(accidents_count, AUDITED),
    Rule(study_status, NORMAL_STATUS),
    Rule(study_flag, AUDITED),
    Rule(too_early, RENEWAL),
    Rule(expired_over_one_year, RENEWAL),
    Rule(medical_certificate_missing, RENEWAL),
    Rule(already_local, frozenset({"transfer-in"})),
    Rule(frequent_reissue, REPLACEMENT),
    Rule(late_renewal_home_office, RENEWAL),
    Rule(new_term, RENEWAL),
    Rule(class_downgrade_age, RENEWAL),
    Rule(treated_as_transfer_in, frozenset({"renewal", "damaged"})),
    Rule(old_card_void, frozenset({"lost"})),
    Rule(late_renewal, RENEWAL),
)


# --- the verdict ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Eligibility:
    service: str
    outcome: str  # eligible | ineligible | referred
    reasons: tuple[str, ...]
    referrals: tuple[str, ...]
    notices: tuple[str, ...]
    fee_cny: int
    new_term: str | None  # null: unchanged (every service but renewal)
    new_valid_from: date | None
    new_valid_until: date | None  # also null for a long term
    new_classes: tuple[str, ...]


def run_rules(ctx: Context) -> set[str]:
    """Every code of every rule that applies to the service; none stops the others."""
    return {code for rule in RULES if ctx.service in rule.services for code in rule.check(ctx)}


def evaluate(ctx: Context) -> Eligibility:
    if ctx.service not in SERVICES:
        raise ValueError(f"unknown service {ctx.service!r}")
    found = run_rules(ctx)
    reasons, referrals = in_order(found, REASONS), in_order(found, REFERRALS)
    outcome = "ineligible" if reasons else "referred" if referrals else "eligible"
    term, valid_from, valid_until = _new_validity(ctx)
    return Eligibility(
        service=ctx.service,
        outcome=outcome,
        reasons=tuple(reasons),
        referrals=tuple(referrals),
        notices=tuple(in_order(found, NOTICES)),
        fee_cny=0 if reasons else FEE_PER_CARD_CNY,
        new_term=term,
        new_valid_from=valid_from,
        new_valid_until=valid_until,
        new_classes=_new_classes(ctx),
    )


def _new_validity(ctx: Context) -> tuple[str | None, date | None, date | None]:
    licence = ctx.licence
    if ctx.service != "renewal" or licence is None:
        return None, None, None  # other services keep the card's validity
    term = next_term(licence.term, licence.twelve_point_cycles)
    return (term, *new_validity(licence.valid_until, term))


def _new_classes(ctx: Context) -> tuple[str, ...]:
    if ctx.licence is None:
        return ()
    return _classes_after(ctx) if ctx.service == "renewal" else ctx.licence.classes
