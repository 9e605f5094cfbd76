"""Passive authentication (ICAO 9303-11 §5.1): the hash part, and the verdict of the signature part.

Each data group as read (tag, length and value) is hashed with the SOD's algorithm and compared with the
SOD's entry. Verifying the SOD's signature and chaining the document signer to a CSCA is the next step
(`trust.sod_signature_check`): pass a `SignatureCheck` to `passive_auth` to plug it in; without one the
signature is "unchecked".
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from drivers.card.sod import SecurityObject


@dataclass(frozen=True)
class SignatureVerdict:
    """The SOD signature check's answer: `verdict` valid | invalid, and a short `reason` for technicians
    and the audit trail (valid, unknown_csca, bad_signature, digest_mismatch, expired, not_yet_valid,
    country_mismatch, malformed, no_signer)."""

    verdict: str
    reason: str


SignatureCheck = Callable[[SecurityObject], "SignatureVerdict | str"]
"""Checks an SOD's signature (and its certificate chain); a plain "valid"/"invalid" is accepted too."""


@dataclass(frozen=True)
class PassiveAuthResult:
    """What passive authentication found. `hashes`: valid | invalid | absent (no SOD or nothing to
    check); `signature`: valid | invalid | unchecked, with `signature_detail` its reason; `failed`: DGs
    whose hash differs or is missing."""

    hashes: str
    signature: str = "unchecked"
    failed: tuple[int, ...] = ()
    checked: tuple[int, ...] = ()
    signature_detail: str = "unchecked"

    def as_dict(self) -> dict[str, str]:
        """The verdicts, as `kiosk card read --json` reports them (DESIGN.md §4.4, extended)."""
        return {"hashes": self.hashes, "signature": self.signature, "signature_detail": self.signature_detail}


def check_hashes(sod: SecurityObject | None, groups: Mapping[int, bytes]) -> PassiveAuthResult:
    """Compare each read data group's hash with the SOD's; a DG the SOD does not list fails."""
    if sod is None or not groups:
        return PassiveAuthResult("absent")
    numbers = tuple(sorted(groups))
    if sod.hash_name is None:  # an algorithm we cannot compute proves nothing: fail closed
        return PassiveAuthResult("invalid", failed=numbers, checked=numbers)
    failed = tuple(n for n in numbers if not _matches(sod, n, groups[n]))
    return PassiveAuthResult("invalid" if failed else "valid", failed=failed, checked=numbers)


def _matches(sod: SecurityObject, number: int, content: bytes) -> bool:
    expected = sod.hashes.get(number)
    name = sod.hash_name
    return expected is not None and name is not None and hmac.compare_digest(
        hashlib.new(name, content).digest(), expected)


def passive_auth(sod: SecurityObject | None, groups: Mapping[int, bytes],
                 signature_check: SignatureCheck | None = None) -> PassiveAuthResult:
    """The hash check, plus the signature check when one is given."""
    result = check_hashes(sod, groups)
    if sod is None or signature_check is None:
        return result
    answer = signature_check(sod)
    verdict = answer if isinstance(answer, SignatureVerdict) else SignatureVerdict(answer, answer)
    return PassiveAuthResult(result.hashes, verdict.verdict, result.failed, result.checked, verdict.reason)
