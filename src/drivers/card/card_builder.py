"""eMRTD cards built from the stub's personas (QA, tests, the emulator), and card folders on disk.

`build_card(persona)` takes the persona as a plain dict (what `/_stub/personas/{id}` serves: `holder`,
`document` with `kind`, `number`, `expiry_date`, `can`, `portrait` path, optional `name`/`birth_date`) and
returns the files of its chip: EF.COM, DG1 (MRZ), DG2 (portrait in a 19794-5 record), DG11 (national-script
name, ID number, address, telephone) and EF.SOD signed by a throwaway document signer.

A card folder (`kiosk card emulate --data DIR`) holds one file per FID (`011E.bin`, `011D.bin`, `0101.bin`,
…), `access.json` (`document_number`, `birth_date` and `expiry_date` as YYMMDD, `can`), `csca.der`, the
test CSCA certificate the SOD chains to (a certificate, never a key), and `CardAccess.bin`, EF.CardAccess of
the MF, when the card offers PACE, and `aa_key.pem`, the chip's Active Authentication key (a throwaway test
key generated with the card, PKCS#8 PEM; DG15 holds its public half) (`load_card` reads it all back).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from drivers.card import face, tlv
from drivers.card.active_auth import dg15, generate_aa_key, private_key_pem
from drivers.card.card_signer import ThrowawayPki, build_sod
from drivers.card.lds import DG_TAGS, FID_COM, FID_SOD, TAG_COM, dg_fid, parse_dg1
from drivers.card.mrz import MrzFields, MrzKey, format_mrz
from drivers.card.security_infos import PaceInfo, card_access

DOCUMENT_CODES = {"TD1": "I", "TD2": "I", "TD3": "P"}
ALPHA2 = {"CHN": "CN", "HKG": "HK", "MAC": "MO", "TWN": "TW", "UTO": "UT"}
GENDER = {"M": 1, "F": 2}  # ISO/IEC 19794-5 gender codes; anything else is 0, unspecified
ACCESS_FILE, CSCA_FILE, CARD_ACCESS_FILE = "access.json", "csca.der", "CardAccess.bin"
AA_KEY_FILE = "aa_key.pem"
DEFAULT_PACE = "ECDH-GM-AES-128/brainpoolP256r1"
_FID_FILE = re.compile(r"[0-9A-Fa-f]{4}\.bin")


@dataclass(frozen=True)
class BuiltCard:
    """A card's files and what opens it. Unpacks as `files, mrz_key = build_card(persona)`."""

    files: dict[int, bytes]  # FID → content
    mrz_key: MrzKey
    can: str | None
    csca_certificate: bytes  # DER: the trust anchor of this card's EF.SOD
    card_access: bytes | None = None  # EF.CardAccess (lives in the MF, not in `files`); None = BAC only
    aa_key: bytes | None = field(default=None, repr=False)  # AA private key, PKCS#8 PEM; None = no DG15

    def __iter__(self) -> Iterator[Any]:
        return iter((self.files, self.mrz_key))

    def chip(self, faults: Any = None, **options: Any) -> Any:
        """This card's emulated chip (`drivers.card.chip.EmrtdChip`): its files, MRZ key, CAN, EF.CardAccess
        and AA key; `faults` and `options` go to the chip (fault modes, rng, atr)."""
        from drivers.card.chip import EmrtdChip  # the chip is the emulator's: not loaded to build files
        return EmrtdChip(self.files, self.mrz_key, faults, can=self.can, card_access=self.card_access,
                         aa_key=self.aa_key, **options)


def build_card(persona: Mapping[str, Any], *, base_dir: Path | str | None = None,
               portrait: bytes | None = None, dg2_size: int | None = None,
               pki: ThrowawayPki | None = None, pace: str | PaceInfo | None = DEFAULT_PACE,
               aa: str | None = "ecdsa") -> BuiltCard:
    """The chip files of a persona's ID document.

    Args:
        persona: the persona as a dict.
        base_dir: what a relative `document.portrait` is relative to (default: the working directory).
        portrait: JPEG bytes to use instead of the persona's portrait file.
        dg2_size: pad the JPEG (with comment segments) so DG2 is about this many bytes (benchmarks).
        pki: the signer to use (default: a new throwaway CSCA and document signer).
        pace: the PACE suite EF.CardAccess offers, `SUITE/curve` (e.g. `ECDH-GM-3DES/P-256`) or a
            `PaceInfo` (`DEFAULT_PACE` is the common ID-card suite); None = a BAC-only card without
            EF.CardAccess.
        aa: the Active Authentication key to generate, "ecdsa" (P-256) or "rsa"; None = no DG15.

    Raises:
        ValueError: the persona lacks what a card needs (expiry date, …) or has a number too long.
        OSError: the portrait file cannot be read.
    """
    holder, document = persona["holder"], persona["document"]
    birth = date.fromisoformat(document.get("birth_date") or holder["birth_date"])
    if not document.get("expiry_date"):
        raise ValueError("the persona's document needs an expiry_date to become a chip card")
    expiry = date.fromisoformat(document["expiry_date"])
    nationality = holder.get("nationality") or "CHN"
    groups = {1: dg1(_mrz_fields(holder, document, birth, expiry, nationality))}
    image = portrait if portrait is not None else _portrait(document.get("portrait"), base_dir)
    if image:
        groups[2] = dg2(image, GENDER.get(holder.get("sex", ""), 0), dg2_size)
    groups[11] = dg11(document.get("name") or holder["name"], holder.get("id_number"), birth,
                      holder.get("address"), holder.get("phone"))
    pki = pki or ThrowawayPki.generate(ALPHA2.get(nationality, nationality[:2]))
    aa_key = generate_aa_key(aa) if aa is not None else None
    if aa_key is not None:
        groups[15] = dg15(aa_key.public_key())
    files = {FID_COM: ef_com(groups), FID_SOD: build_sod(groups, pki)}
    files.update({dg_fid(number): content for number, content in groups.items()})
    key = MrzKey.from_dates(document["number"], birth, expiry)
    return BuiltCard(files, key, document.get("can"), pki.der(pki.csca_certificate),
                     card_access(pace) if pace is not None else None,
                     private_key_pem(aa_key) if aa_key is not None else None)


def _mrz_fields(holder: Mapping[str, Any], document: Mapping[str, Any], birth: date, expiry: date,
                nationality: str) -> MrzFields:
    kind = document.get("kind", "TD1")
    if kind not in DOCUMENT_CODES:
        raise ValueError(f"document kind {kind!r} is not TD1, TD2 or TD3")
    return MrzFields(kind, DOCUMENT_CODES[kind], nationality, document["number"], f"{birth:%y%m%d}",
                     holder.get("sex", "X"), f"{expiry:%y%m%d}", nationality,
                     holder.get("surname_latin") or "", holder.get("given_names_latin") or "")


def _portrait(path: str | None, base_dir: Path | str | None) -> bytes | None:
    if not path:
        return None
    file = Path(path)
    if not file.is_absolute() and base_dir is not None:
        file = Path(base_dir) / file
    return file.read_bytes()


def dg1(fields: MrzFields) -> bytes:
    """DG1: `61 { 5F1F <MRZ> }`."""
    return tlv.encode(DG_TAGS[1], tlv.encode(0x5F1F, format_mrz(fields).encode("ascii")))


def dg2(jpeg: bytes, gender: int = 0, size: int | None = None) -> bytes:
    """DG2 with one 19794-5 record of the JPEG, padded to about `size` bytes when given."""
    width, height = face.jpeg_size(jpeg) or (0, 0)
    content = face.dg2(face.facial_record(jpeg, width, height, gender))
    if size is not None and size > len(content):
        padded = pad_jpeg(jpeg, len(jpeg) + size - len(content))
        content = face.dg2(face.facial_record(padded, width, height, gender))
    return content


def pad_jpeg(jpeg: bytes, size: int) -> bytes:
    """The same picture grown to about `size` bytes with JPEG comment (COM) segments after SOI."""
    segments, missing = [], size - len(jpeg)
    while missing >= 4:
        payload = min(missing - 4, 0xFFFD)
        segments.append(b"\xff\xfe" + (payload + 2).to_bytes(2, "big") + bytes(payload))
        missing -= payload + 4
    return jpeg[:2] + b"".join(segments) + jpeg[2:]


def dg11(name: str, personal_number: str | None, birth: date, address: str | None,
         telephone: str | None) -> bytes:
    """DG11: `6B { 5C tag list, 5F0E name, 5F10 number, 5F2B CCYYMMDD, 5F42 address, 5F12 telephone }`."""
    fields = [(0x5F0E, name), (0x5F10, personal_number), (0x5F2B, f"{birth:%Y%m%d}"), (0x5F42, address),
              (0x5F12, telephone)]
    present = [(tag, value) for tag, value in fields if value]
    tag_list = b"".join(tlv.encode_tag(tag) for tag, _ in present)
    body = b"".join(tlv.encode(tag, value.encode("utf-8")) for tag, value in present)
    return tlv.encode(DG_TAGS[11], tlv.encode(0x5C, tag_list) + body)


def ef_com(groups: Mapping[int, bytes]) -> bytes:
    """EF.COM: LDS 1.7, Unicode 4.0.0, and the tags of the data groups present."""
    tags = bytes(DG_TAGS[number] for number in sorted(groups))
    return tlv.encode(TAG_COM, tlv.encode(0x5F01, b"0107") + tlv.encode(0x5F36, b"040000")
                      + tlv.encode(0x5C, tags))


def write_card_dir(persona: Mapping[str, Any] | str, out_dir: Path | str, **options: Any) -> BuiltCard:
    """Build a persona's card (a dict, or its JSON text) and write it as a card folder.

    `options` go to `build_card` (`base_dir`, `portrait`, `dg2_size`, `pki`, `pace`).
    """
    data = json.loads(persona) if isinstance(persona, str) else persona
    card = build_card(data, **options)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for fid, content in card.files.items():
        (folder / f"{fid:04X}.bin").write_bytes(content)
    access = {"document_number": card.mrz_key.document_number, "birth_date": card.mrz_key.birth_date,
              "expiry_date": card.mrz_key.expiry_date, "can": card.can}
    (folder / ACCESS_FILE).write_text(json.dumps(access, indent=2) + "\n", encoding="utf-8")
    (folder / CSCA_FILE).write_bytes(card.csca_certificate)
    if card.card_access is not None:
        (folder / CARD_ACCESS_FILE).write_bytes(card.card_access)
    if card.aa_key is not None:
        (folder / AA_KEY_FILE).write_bytes(card.aa_key)
    return card


def load_card_dir(directory: Path | str) -> tuple[dict[int, bytes], MrzKey]:
    """The files and MRZ key of a card folder (the key from `access.json`, else from DG1).

    Raises:
        ValueError: the folder holds no card files, or its access data are not valid.
        CardDataError: no access.json and a DG1 that does not parse.
    """
    folder = Path(directory)
    files = {int(path.stem, 16): path.read_bytes() for path in sorted(folder.glob("*.bin"))
             if _FID_FILE.fullmatch(path.name)}
    if dg_fid(1) not in files:
        raise ValueError(f"{folder} is not a card folder: it has no 0101.bin (DG1)")
    access = load_card_access(folder)
    if access is None:
        return files, parse_dg1(files[dg_fid(1)]).key()
    return files, MrzKey(access["document_number"], access["birth_date"], access["expiry_date"])


def load_card(directory: Path | str) -> BuiltCard:
    """A whole card folder: files, MRZ key, CAN (from `access.json`), CSCA (b"" if absent), EF.CardAccess.

    Raises:
        as `load_card_dir`.
    """
    folder = Path(directory)
    files, key = load_card_dir(folder)
    access = load_card_access(folder) or {}
    can = access.get("can") if isinstance(access.get("can"), str) else None
    csca, pace, aa_key = folder / CSCA_FILE, folder / CARD_ACCESS_FILE, folder / AA_KEY_FILE
    return BuiltCard(files, key, can, csca.read_bytes() if csca.exists() else b"",
                     pace.read_bytes() if pace.exists() else None,
                     aa_key.read_bytes() if aa_key.exists() else None)


def load_card_access(directory: Path | str) -> dict[str, Any] | None:
    """A card folder's `access.json` (document_number, birth_date, expiry_date, can), None if absent."""
    path = Path(directory) / ACCESS_FILE
    if not path.exists():
        return None
    try:
        access = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(access, dict):
        raise ValueError(f"{path}: not a JSON object")
    missing = [key for key in ("document_number", "birth_date", "expiry_date")
               if not isinstance(access.get(key), str)]
    if missing:
        raise ValueError(f"{path}: missing {', '.join(missing)}")
    return access
