"""Byte-exact checks against the ICAO 9303 part 11 Appendix D worked example (BAC and secure messaging)
and the key seeds of CARD.md §9: both the terminal side and the chip side must reproduce every value."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.card import crypto
from drivers.card.bac import BacKeys, BacTerminal, bac_chip_answer, key_seed
from drivers.card.mrz import MrzKey
from drivers.card.sm import SecureChannel
from drivers.errors import SecureMessagingError

H = bytes.fromhex
MRZ_INFORMATION = "L898902C<369080619406236"
RND_IC, RND_IFD = H("4608F91988702212"), H("781723860C06C226")
K_IFD, K_IC = H("0B795240CB7049B01C19B33E32804F0B"), H("0B4F80323EB3191CB04970CB4052790B")
CMD_DATA = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7")
RESP_DATA = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")
KS_ENC, KS_MAC = H("979EC13B1CBFE9DCD01AB0FED307EAE5"), H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = H("887022120C06C226")

# (plain command, protected command, protected response, plain response) — Appendix D.4
EXCHANGES = [
    ("00A4020C02011E", "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800",
     "990290008E08FA855A5D4C50A8ED9000", "9000"),
    ("00B0000004", "0CB000000D9701048E08ED6705417E96BA5500",
     "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000", "60145F019000"),
    ("00B0000412", "0CB000040D9701128E082EA28A70F3C7B53500",
     "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000",
     "04303130365F36063034303030305C0261759000"),
]


def fixed(*values: bytes) -> Iterator[bytes]:
    return iter(values)


def test_key_seed_and_document_basic_access_keys() -> None:
    key = MrzKey("L898902C", "690806", "940623")
    assert key.mrz_information() == MRZ_INFORMATION
    assert key_seed(MRZ_INFORMATION) == H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    keys = BacKeys.from_key(key)
    assert keys.k_enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert keys.k_mac == H("7962D9ECE03D1ACD4C76089DCE131543")


def test_key_derivation_for_the_td1_specimen() -> None:
    key = MrzKey("D23145890", "740812", "120415")
    assert key.mrz_information() == "D23145890774081221204159"
    assert key_seed(key.mrz_information()) == H("3C4E2EDB7BE894F54FA2CC9A04EF09D0")
    keys = BacKeys.from_key(key)
    assert keys.k_enc == H("A72CD30E7376204FBAE59443E5C2E00B")
    assert keys.k_mac == H("208CC8377CEFD07949A2F40BFB31386D")


def test_parity_adjustment_only_touches_the_lowest_bit() -> None:
    raw = H("AB94FCEDF2664EDFB9B291F85D7F77F2")
    assert crypto.adjust_parity(raw) == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert all(bin(b).count("1") % 2 for b in crypto.adjust_parity(bytes(range(256))))


def test_terminal_side_of_the_mutual_authentication() -> None:
    values = fixed(RND_IFD, K_IFD)
    terminal = BacTerminal(BacKeys.from_seed(key_seed(MRZ_INFORMATION)), lambda n: next(values))
    assert terminal.cryptogram(RND_IC) == CMD_DATA
    channel = terminal.finish(RESP_DATA)
    cipher = channel.cipher
    assert (cipher.ks_enc, cipher.ks_mac, channel.ssc) == (KS_ENC, KS_MAC, SSC)


def test_chip_side_of_the_mutual_authentication_gives_the_same_answer_and_keys() -> None:
    keys = BacKeys.from_seed(key_seed(MRZ_INFORMATION))
    result = bac_chip_answer(keys, RND_IC, CMD_DATA, lambda n: K_IC)
    assert result is not None
    answer, channel = result
    assert answer == RESP_DATA
    assert channel.ssc == SSC and channel.cipher.ks_enc == KS_ENC


def test_the_chip_rejects_another_key_or_another_challenge() -> None:
    keys = BacKeys.from_seed(key_seed(MRZ_INFORMATION))
    other = BacKeys.from_key(MrzKey("L898902C", "690806", "940624"))
    assert bac_chip_answer(other, RND_IC, CMD_DATA) is None
    assert bac_chip_answer(keys, H("0000000000000000"), CMD_DATA) is None
    assert bac_chip_answer(keys, RND_IC, CMD_DATA[:-1] + b"\x00") is None


def test_the_terminal_rejects_an_answer_that_does_not_verify() -> None:
    values = fixed(RND_IFD, K_IFD)
    terminal = BacTerminal(BacKeys.from_seed(key_seed(MRZ_INFORMATION)), lambda n: next(values))
    terminal.cryptogram(RND_IC)
    with pytest.raises(SecureMessagingError):
        terminal.finish(RESP_DATA[:-1] + bytes([RESP_DATA[-1] ^ 1]))


def test_secure_messaging_terminal_side_is_byte_exact() -> None:
    channel = SecureChannel.des3(KS_ENC, KS_MAC, SSC)
    for plain, protected, response, unwrapped in EXCHANGES:
        assert channel.wrap(H(plain)).hex().upper() == protected
        assert channel.unwrap(H(response)).hex().upper() == unwrapped
    assert channel.ssc == H("887022120C06C22C")


def test_secure_messaging_chip_side_is_byte_exact() -> None:
    chip = SecureChannel.des3(KS_ENC, KS_MAC, SSC)
    for plain, protected, response, unwrapped in EXCHANGES:
        command = chip.unwrap_command(H(protected))
        assert command.to_bytes() == H(plain)
        data, sw = H(unwrapped)[:-2], int.from_bytes(H(unwrapped)[-2:], "big")
        assert chip.wrap_response(data, sw).hex().upper() == response


def test_the_ssc_keeps_eight_bytes_when_its_top_byte_is_zero() -> None:
    low = SecureChannel.des3(KS_ENC, KS_MAC, H("00000000000000FF"))
    chip = SecureChannel.des3(KS_ENC, KS_MAC, H("00000000000000FF"))
    chip.unwrap_command(low.wrap(H("00B0000004")))
    assert low.ssc == H("0000000000000100") and len(low.ssc) == 8
    assert low.unwrap(chip.wrap_response(b"\x60\x14\x5f\x01", 0x9000)) == H("60145F019000")
    wrapped = SecureChannel.des3(KS_ENC, KS_MAC, H("FFFFFFFFFFFFFFFF"))
    wrapped.wrap(H("00B0000004"))
    assert wrapped.ssc == bytes(8)


def test_a_response_with_a_flipped_bit_or_replayed_is_refused() -> None:
    _, _, response, _ = EXCHANGES[1]
    for broken in (H(response)[:5] + bytes([H(response)[5] ^ 1]) + H(response)[6:], H(response)):
        channel = SecureChannel.des3(KS_ENC, KS_MAC, H("887022120C06C22A"))  # one step past D.4's SSC
        channel.wrap(H("00B0000004"))
        with pytest.raises(SecureMessagingError):
            channel.unwrap(broken)
        assert channel.closed
