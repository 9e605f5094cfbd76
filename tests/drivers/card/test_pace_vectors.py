"""PACE byte for byte against the worked example of ICAO Doc 9303 Part 11 (8th edition), Appendix G.1
"ECDH based example": generic mapping, brainpoolP256r1 (parameter id 13), AES-128 (id-PACE-ECDH-GM-AES-CBC-
CMAC-128), MRZ password of document T22000129, born 640812, expiring 101031.

Where each value is published (9303-11 App. G.1, in the order of its steps):
- π = SHA-1(MRZ information) and Kπ: the opening of G.1 (the password and the derived key Kπ).
- z (encrypted nonce) and s (decrypted nonce): G.1 "Encrypted Nonce".
- SK/PK_Map of the terminal and of the chip, the shared point H and the mapped generator G': G.1 "Map Nonce".
- SK/PK of both ephemeral key pairs, the shared secret K, KSenc and KSmac: G.1 "Perform Key Agreement".
- The authentication-token inputs and the tokens T_PCD and T_IC: G.1 "Mutual Authentication".

The same figures appear in public test suites that reproduce the appendix (cross-checked here, every value
agrees): gmrtd `pace/pace_test.go` (`TestDecryptNonce`: z, Kπ, s), a Rust eMRTD crate's
`test_pace_example_g1` (all values, both sides), and a Java `IcaoAppendixG1PaceTest` (all values and the
GENERAL AUTHENTICATE transcript). No value below was computed by this project.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drivers.card import pace
from drivers.card.chip import ChipTransport, EmrtdChip
from drivers.card.mrz import MrzKey
from drivers.card.security_infos import PaceInfo, parse_security_infos

H = bytes.fromhex
KEY = MrzKey("T22000129", "640812", "101031")
MRZ_INFORMATION = "T22000129364081251010318"
PACE_INFO = H("3012060A04007F0007020204020202010202010D")  # PACEInfo of App. G.1 (in SET: EF.CardAccess)
PI = H("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
K_PI = H("89DED1B26624EC1E634C1989302849DD")
Z = H("95A3A016522EE98D01E76CB6B98B42C3")
S = H("3F00C4D39D153F2B2A214A078D899B22")
SK_MAP_PCD = H("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99")
PK_MAP_PCD = H("047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
               "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D")
SK_MAP_IC = H("498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560")
PK_MAP_IC = H("04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
              "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54")
SHARED_H = H("0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5"
             "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181")
G_MAPPED = H("048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
             "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522")
SK_PCD = H("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595")
PK_PCD = H("042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
           "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462")
SK_IC = H("107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A")
PK_IC = H("049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
          "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094")
K = H("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
KS_ENC = H("F5F0E35C0D7161EE6724EE513A0D9A7F")
KS_MAC = H("FE251C7858B356B24514B3BD5F4297D1")
T_PCD_INPUT = H("7F494F060A04007F000702020402028641") + PK_IC  # the terminal MACs the chip's key
T_IC_INPUT = H("7F494F060A04007F000702020402028641") + PK_PCD
T_PCD = H("C2B0BD78D94BA866")
T_IC = H("3ABB9674BCE93C08")


def scripted(*values: bytes) -> Callable[[int], bytes]:
    """An rng that hands out the given values in order, checking each requested size."""
    queue = list(values)

    def rng(size: int) -> bytes:
        value = queue.pop(0)
        assert len(value) == size
        return value
    return rng


@pytest.fixture
def info() -> PaceInfo:
    (parsed,) = parse_security_infos(b"\x31\x14" + PACE_INFO)
    assert isinstance(parsed, PaceInfo)
    return parsed


def test_the_example_offers_ecdh_gm_aes128_on_brainpool_p256(info: PaceInfo) -> None:
    assert str(info) == "ECDH-GM-AES-128/brainpoolP256r1" and pace.supported(info)


def test_password_and_password_key(info: PaceInfo) -> None:
    assert KEY.mrz_information() == MRZ_INFORMATION
    password = pace.MrzPassword(KEY)
    assert password.secret() == PI
    assert info.suite is not None and pace.password_key(password, info.suite) == K_PI


def test_nonce_decryption_and_encryption(info: PaceInfo) -> None:
    assert info.suite is not None
    assert pace.decrypt_nonce(K_PI, Z, info.suite) == S
    assert pace.encrypt_nonce(K_PI, S, info.suite) == Z


def test_generic_mapping_from_both_sides(info: PaceInfo) -> None:
    group = pace.Group.standard(info)
    sk_pcd, sk_ic = int.from_bytes(SK_MAP_PCD, "big"), int.from_bytes(SK_MAP_IC, "big")
    assert group.encode(group.generator * sk_pcd) == PK_MAP_PCD
    assert group.encode(group.generator * sk_ic) == PK_MAP_IC
    assert group.encode(group.decode(PK_MAP_IC) * sk_pcd) == SHARED_H
    terminal = pace.map_generator(group, S, sk_pcd, group.decode(PK_MAP_IC))
    chip = pace.map_generator(group, S, sk_ic, group.decode(PK_MAP_PCD))
    assert terminal.encode(terminal.generator) == chip.encode(chip.generator) == G_MAPPED


def test_key_agreement_session_keys_and_tokens(info: PaceInfo) -> None:
    assert info.suite is not None
    group = pace.Group.standard(info)
    mapped = pace.map_generator(group, S, int.from_bytes(SK_MAP_PCD, "big"), group.decode(PK_MAP_IC))
    sk_pcd, sk_ic = int.from_bytes(SK_PCD, "big"), int.from_bytes(SK_IC, "big")
    assert mapped.encode(mapped.generator * sk_pcd) == PK_PCD
    assert mapped.encode(mapped.generator * sk_ic) == PK_IC
    assert pace.shared_secret(mapped, sk_pcd, mapped.decode(PK_IC)) == K
    assert pace.shared_secret(mapped, sk_ic, mapped.decode(PK_PCD)) == K
    assert pace.session_keys(K, info.suite) == (KS_ENC, KS_MAC)
    assert pace.auth_token(KS_MAC, info, PK_IC) == T_PCD
    assert pace.auth_token(KS_MAC, info, PK_PCD) == T_IC


def test_token_inputs_are_the_published_public_key_data_objects(info: PaceInfo) -> None:
    from drivers.card import crypto
    assert crypto.aes_cmac(KS_MAC, T_PCD_INPUT) == T_PCD and crypto.aes_cmac(KS_MAC, T_IC_INPUT) == T_IC


def test_the_whole_exchange_terminal_against_emulated_chip(info: PaceInfo) -> None:
    """Both our ends, given the example's private keys and nonce, exchange exactly its data objects."""
    chip = EmrtdChip({}, KEY, card_access=b"\x31\x14" + PACE_INFO, rng=scripted(S, SK_MAP_IC, SK_IC))
    log: list[tuple[bytes, bytes]] = []
    terminal = pace.PaceTerminal(info, pace.MrzPassword(KEY), scripted(SK_MAP_PCD, SK_PCD))
    channel = terminal.run(ChipTransport(chip, log))
    assert [command for command, _ in log] == [
        H("0022C1A412800A04007F0007020204020283010184010D"),  # MSE:Set AT, MRZ, parameter id 13
        H("10860000027C0000"),
        H("10860000457C438141") + PK_MAP_PCD + b"\x00",
        H("10860000457C438341") + PK_PCD + b"\x00",
        H("008600000C7C0A8508") + T_PCD + b"\x00",
    ]
    assert [response for _, response in log] == [
        H("9000"),
        H("7C128010") + Z + H("9000"),
        H("7C438241") + PK_MAP_IC + H("9000"),
        H("7C438441") + PK_IC + H("9000"),
        H("7C0A8608") + T_IC + H("9000"),
    ]
    assert terminal.trace["nonce"] == S and terminal.trace["mapped"] == G_MAPPED
    assert (terminal.trace["ks_enc"], terminal.trace["ks_mac"]) == (KS_ENC, KS_MAC)
    assert channel.ssc == bytes(16) and chip.authenticated
