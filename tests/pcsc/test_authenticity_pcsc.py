"""Chip and signature authenticity through the real pcscd + vpcd: Active Authentication (ECDSA and RSA)
of a genuine chip, a cloned chip, and an EF.SOD whose signature was tampered with, each read with
`read_emrtd` over a `PcscReader` connection the way the kiosk reads."""

from __future__ import annotations

from typing import Any

import pytest

from drivers.card.card_builder import BuiltCard, build_card
from drivers.card.card_signer import ThrowawayPki
from drivers.card.chip import ChipFaults, EmrtdChip
from drivers.card.emrtd import EmrtdRead, read_emrtd
from drivers.card.trust import CscaStore, sod_signature_check
from kiosk.pcscd import READER, InsertedCard, Pcscd, wait_for
from tests.drivers.card.helpers import demo_persona

pytestmark = pytest.mark.pcsc


@pytest.fixture(scope="module")
def pki() -> ThrowawayPki:
    return ThrowawayPki.generate()


def card(pki: ThrowawayPki, aa: str) -> BuiltCard:
    return build_card(demo_persona("renewal-ok"), pki=pki, aa=aa)


def read_through_pcscd(built: BuiltCard, **chip_options: Any) -> EmrtdRead:
    from drivers.card.pcsc import PcscReader
    inserted = InsertedCard(EmrtdChip(built.files, built.mrz_key, aa_key=built.aa_key, **chip_options))
    reader = PcscReader(READER, allow_virtual=True)
    try:
        wait_for(lambda: reader.present, "the card to be reported")
        transport, handle = reader.connect()
        try:
            check = sod_signature_check(CscaStore.from_der(built.csca_certificate))
            return read_emrtd(transport, built.mrz_key, use_sfi=True, signature_check=check)
        finally:
            reader.disconnect(handle)
    finally:
        reader.close()
        inserted.remove()


def test_a_genuine_chip_passes_both_checks(pcscd: Pcscd, pki: ThrowawayPki) -> None:
    for kind in ("ecdsa", "rsa"):
        result = read_through_pcscd(card(pki, kind))
        assert result.passive_auth == {"hashes": "valid", "signature": "valid", "signature_detail": "valid"}
        assert result.active_auth == "valid", (kind, result.active_auth_detail)


def test_a_cloned_chip_fails_active_authentication(pcscd: Pcscd, pki: ThrowawayPki) -> None:
    result = read_through_pcscd(card(pki, "ecdsa"), faults=ChipFaults(cloned_chip=True))
    assert result.passive_auth["signature"] == "valid"  # the copied data are the issuer's …
    assert result.active_auth == "invalid"  # … the chip is not


def test_a_tampered_signature_fails_passive_authentication(pcscd: Pcscd, pki: ThrowawayPki) -> None:
    result = read_through_pcscd(card(pki, "ecdsa"), faults=ChipFaults(bad_signature=True))
    assert result.passive_auth == {"hashes": "valid", "signature": "invalid",
                                   "signature_detail": "bad_signature"}
    assert result.active_auth == "valid"
