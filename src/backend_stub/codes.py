"""Outcome codes of DESIGN.md §4.3 (plus extensions), in the order they are reported.

Extensions only ever go at the end of their tuple: the order is part of the contract."""

REASONS = (
    "NO_LICENCE",
    "IDENTITY_MISMATCH",
    "LICENCE_REVOKED",
    "LICENCE_CANCELLED",
    "LICENCE_SUSPENDED",
    "LICENCE_SEIZED",
    "LICENCE_STOPPED",
    "LICENCE_TRANSFERRED_OUT",  # extension: status C
    "INSPECTION_OVERDUE",  # extension: status S
    "TOO_EARLY",
    "EXPIRED_OVER_ONE_YEAR",
    "UNHANDLED_VIOLATIONS",
    "UNHANDLED_ACCIDENTS",
    "MEDICAL_CERTIFICATE_MISSING",
    "STUDY_REQUIRED",
    "ALREADY_LOCAL",
)

REFERRALS = ("FREQUENT_REISSUE", "LATE_RENEWAL_HOME_OFFICE")

NOTICES = (
    "NEW_TERM_10Y",
    "NEW_TERM_LONG",
    "CLASS_DOWNGRADE_AGE",
    "TREATED_AS_TRANSFER_IN",
    "OLD_CARD_VOID",
    "LATE_RENEWAL",  # extension: already expired, still renewable; no driving until the new card
)


def in_order(codes: set[str], known: tuple[str, ...]) -> list[str]:
    """The codes of one kind, in the contract's order, each once."""
    return [code for code in known if code in codes]
