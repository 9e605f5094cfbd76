"""How a finished flow is reported (DESIGN.md §4.3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.session import Session

SUBMITTED, INELIGIBLE, REFERRED, CANCELLED, FAILED = (
    "submitted", "ineligible", "referred", "cancelled", "failed")


@dataclass(frozen=True)
class Outcome:
    """The public summary of one session; holds no personal data."""

    service: str
    outcome: str
    application_id: str | None = None
    reasons: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    fee_cny: int | None = None
    new_valid_until: str | None = None
    screens: list[str] = field(default_factory=list)
    delivered: bool | None = None  # submitted: acknowledged by the back office (True) or queued (False)
    failure: str | None = None  # failed: the machine code of what went wrong
    declarations: list[str] = field(default_factory=list)  # what the citizen declared (extension)


def outcome_of(session: Session, last_state: str) -> Outcome:
    """Summarise a session from the state its flow ended in (before the wipe)."""
    verdict = _verdict(session, last_state)
    elig = session.eligibility
    reasons = list(elig.reasons) + list(elig.referrals) if elig else []
    if session.referral:
        reasons.append(session.referral)
    # A new validity only means something for an application that goes ahead.
    until = elig.new_valid_until.isoformat() if elig and elig.may_proceed and elig.new_valid_until else None
    return Outcome(
        service=session.service, outcome=verdict,
        application_id=session.receipt.application_id if session.receipt else None,
        reasons=reasons, notices=list(elig.notices) if elig else [],
        fee_cny=elig.fee_cny if elig else None, new_valid_until=until,
        screens=list(session.screens),
        delivered=session.receipt.delivered if session.receipt else None,
        failure=session.failure if verdict == FAILED else None, declarations=list(session.declarations))


def _verdict(session: Session, last_state: str) -> str:
    if session.receipt is not None:
        return SUBMITTED
    if last_state in ("cancelled", "timed_out"):
        return CANCELLED
    if session.referral:
        return REFERRED
    if session.eligibility is not None and session.eligibility.outcome in (INELIGIBLE, REFERRED):
        return session.eligibility.outcome
    return FAILED
