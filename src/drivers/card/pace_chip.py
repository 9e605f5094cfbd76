"""PACE, chip side (emulator): MSE:Set AT and the chained GENERAL AUTHENTICATE (ICAO 9303-11 §4.4.4).

`PaceChip(card_access, mrz_key, can, rng)` offers the ECDH generic-mapping suites its EF.CardAccess lists,
with the MRZ password and (when given) the CAN. `mse_set_at` and `general_authenticate` take the plain
command and answer (data, SW); the last step also gives the new secure channel (SSC 0). A wrong password
answers `63 Cx` for the CAN (x = tries left, counting down from 3 and never below 1: it never blocks) and
`63 00` for the MRZ. Any other surprise answers an error status and forgets the run.
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass

from drivers.card import pace, tlv
from drivers.card.apdu import CommandApdu
from drivers.card.mrz import MrzKey
from drivers.card.security_infos import PaceInfo, pace_infos, parse_security_infos
from drivers.card.sm import SecureChannel
from drivers.card.sod import decode_oid
from drivers.errors import CardDataError

Response = tuple[bytes, int]
TRIES = 3
SW_OK, SW_WRONG_DATA, SW_NOT_ALLOWED, SW_NO_REFERENCE = 0x9000, 0x6A80, 0x6985, 0x6A88


@dataclass
class _Run:
    """One PACE run in progress."""

    info: PaceInfo
    password: pace.Password
    step: int = 0
    nonce: bytes = b""
    group: pace.Group | None = None
    public: bytes = b""  # the chip's ephemeral public key, encoded
    terminal_public: bytes = b""
    ks_enc: bytes = b""
    ks_mac: bytes = b""


class PaceChip:
    """The chip's half of PACE."""

    def __init__(self, card_access: bytes, mrz_key: MrzKey, can: str | None = None,
                 rng: pace.Rng = os.urandom) -> None:
        offered = pace_infos(parse_security_infos(card_access))
        self.infos = tuple(info for info in offered if pace.supported(info))
        self.passwords: dict[int, pace.Password] = {pace.MrzPassword.reference: pace.MrzPassword(mrz_key)}
        if can:
            self.passwords[pace.CanPassword.reference] = pace.CanPassword(can)
        self.tries = {reference: TRIES for reference in self.passwords}
        self.rng = rng
        self._run: _Run | None = None

    def reset(self) -> None:
        """Forget a run in progress (power cycle, error)."""
        self._run = None

    def mse_set_at(self, command: CommandApdu) -> Response:
        """MSE:Set AT (P1P2 C1A4): DO'80' protocol, DO'83' password, optional DO'84' parameter id."""
        self._run = None
        if (command.p1, command.p2) != (0xC1, 0xA4):
            return b"", 0x6A86
        try:
            objects = tlv.children(command.data)
            oid = decode_oid(objects[0x80])
            reference = objects[0x83]
        except (CardDataError, KeyError):
            return b"", SW_WRONG_DATA
        info = self._offered(oid, objects.get(0x84))
        if info is None:
            return b"", SW_WRONG_DATA
        if len(reference) != 1 or reference[0] not in self.passwords:
            return b"", SW_NO_REFERENCE
        self._run = _Run(info, self.passwords[reference[0]])
        return b"", SW_OK

    def _offered(self, oid: str, parameter: bytes | None) -> PaceInfo | None:
        matches = [info for info in self.infos if info.protocol_oid == oid]
        if parameter is not None:
            wanted = int.from_bytes(parameter, "big") if len(parameter) == 1 else None
            matches = [info for info in matches if info.parameter_id == wanted]
        return matches[0] if len(matches) == 1 else None

    def general_authenticate(self, command: CommandApdu) -> tuple[bytes, int, SecureChannel | None]:
        """One GENERAL AUTHENTICATE step; the third value is the new channel after the last step."""
        run = self._run
        if run is None or (command.p1, command.p2) != (0, 0):
            self._run = None
            return b"", SW_NOT_ALLOWED, None
        if command.cla != (0x00 if run.step == 3 else 0x10):
            self._run = None
            return b"", SW_NOT_ALLOWED, None
        try:
            objects = tlv.decode(tlv.decode_one(command.data, 0x7C))
            data, sw, channel = self._step(run, {item.tag: item.value for item in objects}, len(objects))
        except CardDataError:  # PaceError included: a malformed point, an unexpected data object
            data, sw, channel = b"", SW_WRONG_DATA, None
        if sw != SW_OK or channel is not None:
            self._run = None
        return data, sw, channel

    def _step(self, run: _Run, objects: dict[int, bytes], count: int
              ) -> tuple[bytes, int, SecureChannel | None]:
        expected = {0: None, 1: 0x81, 2: 0x83, 3: 0x85}[run.step]
        if count != (0 if expected is None else 1) or (expected is not None and expected not in objects):
            return b"", SW_WRONG_DATA, None
        run.step += 1
        if expected is None:
            return self._nonce(run), SW_OK, None
        if expected == 0x81:
            return self._map(run, objects[0x81]), SW_OK, None
        if expected == 0x83:
            return self._agree(run, objects[0x83]), SW_OK, None
        return self._finish(run, objects[0x85])

    def _nonce(self, run: _Run) -> bytes:
        suite = run.info.suite
        assert suite is not None
        run.nonce = self.rng(pace.nonce_size(suite))
        encrypted = pace.encrypt_nonce(pace.password_key(run.password, suite), run.nonce, suite)
        return tlv.encode(0x7C, tlv.encode(0x80, encrypted))

    def _map(self, run: _Run, terminal_map: bytes) -> bytes:
        group = pace.Group.standard(run.info)
        secret, public = group.keypair(self.rng)
        run.group = pace.map_generator(group, run.nonce, secret, group.decode(terminal_map))
        return tlv.encode(0x7C, tlv.encode(0x82, group.encode(public)))

    def _agree(self, run: _Run, terminal_public: bytes) -> bytes:
        group = run.group
        assert group is not None and run.info.suite is not None
        point = group.decode(terminal_public)
        secret, public = group.keypair(self.rng)
        run.public, run.terminal_public = group.encode(public), terminal_public
        if run.public == terminal_public:
            raise pace.PaceError("the terminal's ephemeral key equals the chip's")
        run.ks_enc, run.ks_mac = pace.session_keys(pace.shared_secret(group, secret, point), run.info.suite)
        return tlv.encode(0x7C, tlv.encode(0x84, run.public))

    def _finish(self, run: _Run, token: bytes) -> tuple[bytes, int, SecureChannel | None]:
        assert run.info.suite is not None
        if not hmac.compare_digest(token, pace.auth_token(run.ks_mac, run.info, run.public)):
            return b"", self._wrong_password(run.password), None
        self.tries[run.password.reference] = TRIES
        token = pace.auth_token(run.ks_mac, run.info, run.terminal_public)
        answer = tlv.encode(0x7C, tlv.encode(0x86, token))
        return answer, SW_OK, pace.secure_channel(run.ks_enc, run.ks_mac, run.info.suite)

    def _wrong_password(self, password: pace.Password) -> int:
        if isinstance(password, pace.MrzPassword):
            return 0x6300  # the MRZ is printed on the document: no retry counter
        left = max(1, self.tries[password.reference] - 1)
        self.tries[password.reference] = left
        return 0x63C0 | left
