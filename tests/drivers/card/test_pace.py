"""PACE terminal ↔ emulated chip in process: every suite, both passwords, retry counters, the access
policies (fallback and fail-closed), a full read, and garbage on both sides."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.card import apdu, tlv
from drivers.card.card_builder import BuiltCard
from drivers.card.chip import ChipTransport, EmrtdChip
from drivers.card.emrtd import BacAccess, read_emrtd
from drivers.card.pace import (
    CanPassword,
    MrzPassword,
    PaceAccess,
    PaceError,
    PaceTerminal,
    choose,
    general_authenticate,
    mse_set_at,
    policy_access,
)
from drivers.card.security_infos import card_access, pace_info, parse_security_infos
from drivers.errors import AccessDenied, CardDataError, UnsupportedCard

CURVES = ["P-192", "brainpoolP192r1", "P-224", "brainpoolP224r1", "P-256", "brainpoolP256r1",
          "brainpoolP320r1", "P-384", "brainpoolP384r1", "brainpoolP512r1", "P-521"]
CIPHERS = ["ECDH-GM-3DES", "ECDH-GM-AES-128", "ECDH-GM-AES-192", "ECDH-GM-AES-256"]
DEFAULT = "ECDH-GM-AES-128/brainpoolP256r1"
INS_GET_CHALLENGE = 0x84


def chip_for(card: BuiltCard, *specs: str) -> EmrtdChip:
    access = card_access(*specs) if specs else None
    return EmrtdChip(card.files, card.mrz_key, can=card.can, card_access=access)


def sent(log: list[tuple[bytes, bytes]], ins: int) -> int:
    return sum(1 for command, _ in log if command[1] == ins)


class Tamper:
    """A transport that rewrites the chip's answer to the n-th GENERAL AUTHENTICATE."""

    def __init__(self, chip: EmrtdChip, step: int, rewrite: Callable[[bytes], bytes]) -> None:
        self.inner, self.step, self.rewrite, self.seen = ChipTransport(chip), step, rewrite, 0
        self.log: list[tuple[bytes, bytes]] = []

    def transmit(self, command: bytes) -> bytes:
        response = self.inner.transmit(command)
        if command[1] == 0x86:
            self.seen += 1
            if self.seen == self.step:
                response = self.rewrite(response)
        self.log.append((command, response))
        return response


def off_curve(response: bytes) -> bytes:
    return response[:-3] + bytes([response[-3] ^ 0x01]) + response[-2:]


@pytest.mark.parametrize("curve", CURVES)
@pytest.mark.parametrize("cipher", CIPHERS)
def test_every_suite_opens_and_reads_dg1(small_card: BuiltCard, cipher: str, curve: str) -> None:
    chip = chip_for(small_card, f"{cipher}/{curve}")
    transport = ChipTransport(chip)
    channel = PaceAccess(CanPassword(str(small_card.can)))(transport)
    assert chip.authenticated and channel.cipher.block == (8 if cipher.endswith("3DES") else 16)
    data, sw = apdu.split_response(transport.transmit(channel.wrap(apdu.select_fid(0x0101))))
    assert apdu.split_response(channel.unwrap(data + sw.to_bytes(2, "big")))[1] == 0x9000
    data, sw = apdu.split_response(transport.transmit(channel.wrap(apdu.read_binary(0, 4))))
    plain, sw = apdu.split_response(channel.unwrap(data + sw.to_bytes(2, "big")))
    assert sw == 0x9000 and plain == small_card.files[0x0101][:4]


@pytest.mark.parametrize("password", ["can", "mrz"])
def test_a_full_read_under_pace_checks_every_hash(wang_card: BuiltCard, password: str) -> None:
    secret = CanPassword(str(wang_card.can)) if password == "can" else MrzPassword(wang_card.mrz_key)
    result = read_emrtd(ChipTransport(chip_for(wang_card, DEFAULT)), access=PaceAccess(secret))
    assert result.access == "PACE" and result.passive_auth["hashes"] == "valid"
    assert set(result.groups) >= {1, 2, 11} and result.portrait
    assert result.document.number == wang_card.mrz_key.document_number


def test_pace_costs_five_apdus_more_than_bac(wang_card: BuiltCard) -> None:
    """BAC: SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE. PACE: SELECT MF, READ EF.CardAccess, MSE:Set AT,
    four GENERAL AUTHENTICATE, SELECT under SM. The reads after are the same."""
    chip = chip_for(wang_card, DEFAULT)
    bac = read_emrtd(ChipTransport(chip), access=BacAccess(wang_card.mrz_key))
    paced = read_emrtd(ChipTransport(chip), access=PaceAccess(CanPassword(str(wang_card.can))))
    assert bac.access == "BAC" and bac.passive_auth["hashes"] == "valid"  # BAC still works on a PACE chip
    assert paced.apdus == bac.apdus + 5


def test_the_strongest_offered_suite_is_chosen(small_card: BuiltCard) -> None:
    specs = ["ECDH-GM-3DES/brainpoolP512r1", "ECDH-GM-AES-128/P-256", "ECDH-GM-AES-256/brainpoolP256r1",
             "ECDH-GM-AES-256/P-384", "ECDH-IM-AES-256/P-521", "DH-GM-AES-256/P-521"]
    assert str(choose(parse_security_infos(card_access(*specs)))) == "ECDH-GM-AES-256/P-384"
    log: list[tuple[bytes, bytes]] = []
    PaceAccess(CanPassword(str(small_card.can)))(ChipTransport(chip_for(small_card, *specs), log))
    mse = next(command for command, _ in log if command[1] == 0x22)
    assert mse == mse_set_at(pace_info("ECDH-GM-AES-256/P-384"), CanPassword("1")).to_bytes()


def test_the_ga_chain_uses_cla_10_until_the_last_step(small_card: BuiltCard) -> None:
    log: list[tuple[bytes, bytes]] = []
    PaceAccess(MrzPassword(small_card.mrz_key))(ChipTransport(chip_for(small_card, DEFAULT), log))
    assert [command[:2].hex() for command, _ in log if command[1] == 0x86] == ["1086"] * 3 + ["0086"]
    assert log[0][0] == bytes.fromhex("00A4000C023F00")  # SELECT MF, then EF.CardAccess by SFI
    assert log[1][0] == bytes.fromhex("00B09C0000")
    assert log[-1][0][:4] == bytes.fromhex("0CA4040C")  # the application, selected under SM


def test_a_wrong_can_counts_down_and_the_right_one_resets(small_card: BuiltCard) -> None:
    chip = chip_for(small_card, DEFAULT)
    counts = []
    for _ in range(3):
        with pytest.raises(AccessDenied) as refused:
            PaceAccess(CanPassword("000000"))(ChipTransport(chip))
        counts.append((refused.value.retries_left, refused.value.sw))
        assert "000000" not in str(refused.value)
    assert counts == [(2, 0x63C2), (1, 0x63C1), (1, 0x63C1)]  # the emulator's CAN never blocks
    PaceAccess(CanPassword(str(small_card.can)))(ChipTransport(chip))
    with pytest.raises(AccessDenied) as refused:
        PaceAccess(CanPassword("000000"))(ChipTransport(chip))
    assert refused.value.retries_left == 2


def test_a_wrong_mrz_is_63_00_without_a_counter(small_card: BuiltCard) -> None:
    wrong = type(small_card.mrz_key)(small_card.mrz_key.document_number, "010101", "300101")
    with pytest.raises(AccessDenied) as refused:
        PaceAccess(MrzPassword(wrong))(ChipTransport(chip_for(small_card, DEFAULT)))
    assert refused.value.sw == 0x6300 and refused.value.retries_left is None


def test_a_chip_without_a_can_refuses_the_can_reference(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key, card_access=card_access(DEFAULT))
    with pytest.raises(PaceError) as failed:
        PaceAccess(CanPassword("123456"))(ChipTransport(chip))
    assert failed.value.sw == 0x6A88


def test_pace_access_on_a_bac_only_chip_is_unsupported(small_card: BuiltCard) -> None:
    with pytest.raises(UnsupportedCard, match="no PACE"):
        PaceAccess(CanPassword(str(small_card.can)))(ChipTransport(chip_for(small_card)))


@pytest.mark.parametrize(("step", "rewrite", "message"), [
    (1, lambda r: bytes.fromhex("7C038001AA9000"), "encrypted nonce"),
    (2, off_curve, "not on the curve"),
    (3, off_curve, "not on the curve"),
    (3, lambda r: r[:4] + b"\x00" + r[5:], "not an uncompressed point"),
    (4, off_curve, "token does not verify"),
    (4, lambda r: bytes.fromhex("6A80"), "SW 6A80"),
    (2, lambda r: bytes.fromhex("7C00") + r[-2:], "lacks DO'82'"),
    (2, lambda r: b"\x7c\x85" + r[-2:], "malformed"),
])
def test_a_chip_answering_nonsense_is_pace_error(small_card: BuiltCard, step: int,
                                                 rewrite: Callable[[bytes], bytes], message: str) -> None:
    transport = Tamper(chip_for(small_card, DEFAULT), step, rewrite)
    with pytest.raises(PaceError, match=message):
        PaceAccess(CanPassword(str(small_card.can)))(transport)


def test_a_chip_echoing_the_terminal_key_is_refused(small_card: BuiltCard) -> None:
    echoed: list[bytes] = []

    class Echo(Tamper):
        def transmit(self, command: bytes) -> bytes:
            if command[1] == 0x86 and b"\x83" in command[5:8]:
                echoed.append(tlv.children(tlv.decode_one(apdu.CommandApdu.parse(command).data, 0x7C))[0x83])
            return super().transmit(command)
    transport = Echo(chip_for(small_card, DEFAULT), 3,
                     lambda r: tlv.encode(0x7C, tlv.encode(0x84, echoed[-1])) + r[-2:])
    with pytest.raises(PaceError, match="equals"):
        PaceAccess(CanPassword(str(small_card.can)))(transport)


# --- policies -----------------------------------------------------------------------------------------

def test_preferred_uses_pace_when_offered(wang_card: BuiltCard) -> None:
    access = policy_access(wang_card.mrz_key, wang_card.can, "pace-preferred")
    result = read_emrtd(ChipTransport(chip_for(wang_card, DEFAULT)), access=access)
    assert result.access == "PACE" and access.note is None and result.passive_auth["hashes"] == "valid"


def test_preferred_falls_back_to_bac_on_a_bac_only_chip(small_card: BuiltCard) -> None:
    access = policy_access(small_card.mrz_key, small_card.can, "pace-preferred")
    result = read_emrtd(ChipTransport(chip_for(small_card)), access=access)
    assert result.access == access.name == "BAC" and access.note and "BAC used" in access.note


def test_required_refuses_a_bac_only_chip(small_card: BuiltCard) -> None:
    log: list[tuple[bytes, bytes]] = []
    access = policy_access(small_card.mrz_key, small_card.can, "pace-required")
    with pytest.raises(UnsupportedCard, match="PACE required by policy but the card does not offer it"):
        access(ChipTransport(chip_for(small_card), log))
    assert sent(log, INS_GET_CHALLENGE) == 0


def test_preferred_with_only_a_can_cannot_open_a_bac_only_chip(small_card: BuiltCard) -> None:
    with pytest.raises(AccessDenied, match="MRZ"):
        policy_access(None, small_card.can, "pace-preferred")(ChipTransport(chip_for(small_card)))


@pytest.mark.parametrize("policy", ["pace-preferred", "pace-required"])
def test_a_wrong_password_never_falls_back(small_card: BuiltCard, policy: str) -> None:
    log: list[tuple[bytes, bytes]] = []
    access = policy_access(small_card.mrz_key, "111111", policy)
    with pytest.raises(AccessDenied) as refused:
        access(ChipTransport(chip_for(small_card, DEFAULT), log))
    assert refused.value.retries_left == 2 and sent(log, INS_GET_CHALLENGE) == 0 and access.name == "PACE"


def test_a_pace_failure_under_required_fails_closed(small_card: BuiltCard) -> None:
    transport = Tamper(chip_for(small_card, DEFAULT), 2, off_curve)
    with pytest.raises(PaceError):
        policy_access(small_card.mrz_key, small_card.can, "pace-required")(transport)
    assert sent(transport.log, INS_GET_CHALLENGE) == 0


def test_a_pace_failure_under_preferred_falls_back_visibly(small_card: BuiltCard,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    transport = Tamper(chip_for(small_card, DEFAULT), 2, off_curve)
    access = policy_access(small_card.mrz_key, small_card.can, "pace-preferred")
    with caplog.at_level(logging.WARNING, "drivers.card.pace"):
        result = read_emrtd(transport, access=access)
    assert result.access == access.name == "BAC" and result.passive_auth["hashes"] == "valid"
    assert access.note is not None and access.note.startswith("PACE failed") and "BAC used" in access.note
    assert any("PACE failed" in record.getMessage() for record in caplog.records)
    assert str(small_card.can) not in caplog.text and small_card.mrz_key.document_number not in caplog.text


def test_a_pace_failure_under_preferred_without_mrz_does_not_fall_back(small_card: BuiltCard) -> None:
    transport = Tamper(chip_for(small_card, DEFAULT), 2, off_curve)
    with pytest.raises(PaceError):
        policy_access(None, small_card.can, "pace-preferred")(transport)


def test_policy_arguments_are_checked(small_card: BuiltCard) -> None:
    with pytest.raises(ValueError, match="policy"):
        policy_access(small_card.mrz_key, None, "bac-only")
    with pytest.raises(ValueError, match="CAN or the MRZ"):
        policy_access(None, None, "pace-preferred")


def test_the_can_stays_out_of_reprs() -> None:
    assert "378517" not in repr(CanPassword("378517"))


# --- garbage ------------------------------------------------------------------------------------------

@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from([0x00, 0x10, 0x0C]), st.sampled_from([0x86, 0x22]),
                                st.binary(max_size=90)), min_size=1, max_size=6))
def test_the_chip_answers_garbage_pace_commands_with_a_status(small_card: BuiltCard,
                                                              steps: list[tuple[int, int, bytes]]) -> None:
    chip = chip_for(small_card, DEFAULT)
    transport = ChipTransport(chip)
    transport.transmit(mse_set_at(pace_info(DEFAULT), CanPassword(str(small_card.can))).to_bytes())
    for cla, ins, data in steps:
        body = tlv.encode(0x7C, data) if ins == 0x86 and data[:1] != b"\x7c" else data
        raw = apdu.CommandApdu(cla, ins, 0xC1 if ins == 0x22 else 0, 0xA4 if ins == 0x22 else 0,
                               body, le=256).to_bytes()
        response = transport.transmit(raw)
        assert len(response) >= 2
    assert not chip.authenticated  # garbage never opens a session


@settings(max_examples=150)
@given(answers=st.lists(st.binary(max_size=80), min_size=4, max_size=4), sw=st.sampled_from([0x9000, 0x6A80]))
def test_the_terminal_survives_any_chip_answer(answers: list[bytes], sw: int) -> None:
    queue = [b"\x90\x00"] + [answer + sw.to_bytes(2, "big") for answer in answers]

    class Scripted:
        def transmit(self, command: bytes) -> bytes:
            return queue.pop(0)
    terminal = PaceTerminal(pace_info(DEFAULT), CanPassword("123456"))
    with pytest.raises((CardDataError, AccessDenied)):
        terminal.run(Scripted())


def test_general_authenticate_builder_chains() -> None:
    assert general_authenticate(b"", False).to_bytes() == bytes.fromhex("10860000027C0000")
    assert general_authenticate(b"", True).to_bytes()[0] == 0x00


@pytest.mark.parametrize(("policy", "outcome"), [("pace-preferred", "BAC"), ("pace-required", None)])
def test_a_chip_offering_only_unsupported_suites(small_card: BuiltCard, policy: str,
                                                 outcome: str | None) -> None:
    chip = chip_for(small_card, "ECDH-IM-AES-128/P-256")
    access = policy_access(small_card.mrz_key, small_card.can, policy)
    if outcome is None:
        with pytest.raises(UnsupportedCard, match="ECDH-IM-AES-128/P-256"):
            access(ChipTransport(chip))
        return
    access(ChipTransport(chip))
    assert access.name == outcome and access.note is not None and "ECDH-IM-AES-128/P-256" in access.note


def test_a_retry_counter_warning_on_mse_set_at_does_not_stop_pace(small_card: BuiltCard) -> None:
    class Warning63C2(Tamper):
        def transmit(self, command: bytes) -> bytes:
            response = super().transmit(command)
            return bytes.fromhex("63C2") if command[1] == 0x22 else response
    transport = Warning63C2(chip_for(small_card, DEFAULT), 0, off_curve)
    PaceAccess(CanPassword(str(small_card.can)))(transport)
    assert transport.inner.chip.authenticated


def test_a_card_folder_keeps_ef_card_access_and_the_can(small_card: BuiltCard, tmp_path: Path) -> None:
    from drivers.card.card_builder import load_card, load_card_dir, write_card_dir
    from tests.drivers.card.helpers import demo_persona
    written = write_card_dir(demo_persona("renewal-ok"), tmp_path, portrait=b"", pace="ECDH-GM-3DES/P-256")
    expected = card_access("ECDH-GM-3DES/P-256")
    assert (tmp_path / "CardAccess.bin").read_bytes() == written.card_access == expected
    loaded = load_card(tmp_path)
    assert (loaded.files, loaded.can, loaded.card_access) == (written.files, written.can, written.card_access)
    assert load_card_dir(tmp_path) == (written.files, written.mrz_key)
    chip = EmrtdChip(loaded.files, loaded.mrz_key, can=loaded.can, card_access=loaded.card_access)
    assert read_emrtd(ChipTransport(chip), access=PaceAccess(CanPassword(str(loaded.can)))).access == "PACE"
