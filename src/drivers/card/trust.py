"""Passive authentication's signature part (ICAO 9303-11 §5.1, 9303-12): EF.SOD's CMS signature and the
document signer's chain to a trusted country signing CA (CSCA).

`CscaStore.from_dir(folder)` loads the trusted CSCA certificates; `sod_signature_check(store)` gives the
`SignatureCheck` that `read_emrtd(..., signature_check=...)` runs: the signed attributes (content type,
message digest), the document signer's (DS) signature over them, the DS certificate chained to a CSCA of
the store (several CSCAs may share a name after a key rollover), both certificates' validity dates and the
same country on both (gmrtd#1). The answer is a `SignatureVerdict` with a short reason; nothing a chip
sends can make the check raise: anything malformed is `invalid` / `malformed`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from drivers.card import tlv
from drivers.card.passive_auth import SignatureCheck, SignatureVerdict
from drivers.card.sod import (
    HASH_NAMES,
    INTEGER,
    OID,
    OID_LDS_SECURITY_OBJECT,
    SEQUENCE,
    SET,
    SecurityObject,
    SignerInfo,
    decode_int,
    decode_oid,
)
from drivers.errors import CardDataError

__all__ = ["CscaStore", "SignatureVerdict", "sod_signature_check", "verify_sod_signature"]

log = logging.getLogger(__name__)

CERTIFICATE_SUFFIXES = (".der", ".cer", ".crt", ".pem")
ECDSA = {"1.2.840.10045.4.1": "sha1", "1.2.840.10045.4.3.1": "sha224", "1.2.840.10045.4.3.2": "sha256",
         "1.2.840.10045.4.3.3": "sha384", "1.2.840.10045.4.3.4": "sha512"}
RSA_PKCS1 = {"1.2.840.113549.1.1.5": "sha1", "1.2.840.113549.1.1.14": "sha224",
             "1.2.840.113549.1.1.11": "sha256", "1.2.840.113549.1.1.12": "sha384",
             "1.2.840.113549.1.1.13": "sha512"}
EC_PUBLIC_KEY, RSA_ENCRYPTION = "1.2.840.10045.2.1", "1.2.840.113549.1.1.1"  # seen as "hash from SignerInfo"
RSA_PSS, MGF1 = "1.2.840.113549.1.1.10", "1.2.840.113549.1.1.8"
HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
    "sha512": hashes.SHA512}


class Rejected(Exception):
    """The check stops here with this reason."""

    def __init__(self, reason: str, why: str = "") -> None:
        super().__init__(f"{reason}: {why}" if why else reason)
        self.reason = reason


class CscaStore:
    """The trusted country signing CA certificates."""

    def __init__(self, certificates: Iterable[x509.Certificate] = ()) -> None:
        self.certificates = tuple(certificates)

    @classmethod
    def from_dir(cls, folder: Path | str) -> CscaStore:
        """Every certificate in `folder` (DER `.der`/`.cer`/`.crt`, PEM `.pem` or a PEM `.crt`). A file
        that cannot be read or holds no certificate is skipped with a warning; no folder, an empty store."""
        path = Path(folder)
        if not path.is_dir():
            log.warning("CSCA folder %s does not exist: no document signature can be trusted", path)
            return cls()
        found: list[x509.Certificate] = []
        for file in sorted(path.iterdir()):
            if file.suffix.lower() in CERTIFICATE_SUFFIXES and file.is_file():
                found.extend(_load_file(file))
        return cls(found)

    @classmethod
    def from_der(cls, *certificates: bytes) -> CscaStore:
        """A store of the given DER certificates (tests, the emulator's `csca.der`)."""
        return cls(x509.load_der_x509_certificate(der) for der in certificates)

    def __len__(self) -> int:
        return len(self.certificates)

    def __iter__(self) -> Iterator[x509.Certificate]:
        return iter(self.certificates)

    def issuers_of(self, certificate: x509.Certificate) -> list[x509.Certificate]:
        """The CSCAs named as `certificate`'s issuer, those whose key identifier matches its authority key
        identifier first (key rollover: the same name, several keys)."""
        named = [csca for csca in self.certificates if csca.subject == certificate.issuer]
        wanted = _authority_key_id(certificate)
        return sorted(named, key=lambda csca: wanted is None or _subject_key_id(csca) != wanted)


def _load_file(file: Path) -> list[x509.Certificate]:
    try:
        data = file.read_bytes()
        if b"-----BEGIN" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except (OSError, ValueError) as error:
        log.warning("CSCA file %s skipped: %s", file.name, error.__class__.__name__)
        return []


def sod_signature_check(store: CscaStore, today: dt.date | None = None) -> SignatureCheck:
    """The `SignatureCheck` for `read_emrtd`: the SOD's signature and chain against `store`, validity
    dates at `today` (default: the UTC date when the check runs)."""
    def check(sod: SecurityObject) -> SignatureVerdict:
        return verify_sod_signature(sod, store, today or dt.datetime.now(dt.UTC).date())
    return check


def verify_sod_signature(sod: SecurityObject, store: CscaStore, today: dt.date) -> SignatureVerdict:
    """valid, or invalid with the first reason found; never raises."""
    try:
        _verify(sod, store, today)
    except Rejected as rejected:
        log.info("SOD signature invalid: %s", rejected)
        return SignatureVerdict("invalid", rejected.reason)
    except Exception as error:  # a hostile SOD must not stop the read: whatever broke, it is not trusted
        log.warning("SOD signature check failed on malformed data: %s", error.__class__.__name__)
        return SignatureVerdict("invalid", "malformed")
    return SignatureVerdict("valid", "valid")


def _verify(sod: SecurityObject, store: CscaStore, today: dt.date) -> None:
    signer = sod.signer
    if signer is None or not sod.certificates:
        raise Rejected("no_signer", "no SignerInfo or no document signer certificate")
    ds = _signer_certificate(sod.certificates, signer)
    _check_attributes(sod, signer)
    _check_signature(ds.public_key(), signer)
    csca = _issuer(ds, store)
    country = _country(ds.subject)
    if country is None or country != _country(csca.subject):
        raise Rejected("country_mismatch", f"CSCA {_country(csca.subject)}, document signer {country}")
    _check_dates(ds, today, "document signer")
    _check_dates(csca, today, "CSCA")


def _signer_certificate(certificates: tuple[bytes, ...], signer: SignerInfo) -> x509.Certificate:
    """The certificate of SignedData that the SignerInfo's sid names."""
    for der in certificates:
        try:
            certificate = x509.load_der_x509_certificate(der)
        except ValueError:
            raise Rejected("malformed", "a certificate in EF.SOD does not parse") from None
        if _names_signer(certificate, der, signer):
            return certificate
    raise Rejected("no_signer", "no certificate in EF.SOD matches the SignerInfo")


def _names_signer(certificate: x509.Certificate, der: bytes, signer: SignerInfo) -> bool:
    if signer.key_identifier is not None:
        return _subject_key_id(certificate) == signer.key_identifier
    return (signer.issuer is not None and signer.serial_number == certificate.serial_number
            and _raw_issuer(der) == signer.issuer)


def _raw_issuer(der: bytes) -> bytes:
    """The issuer Name of a certificate, DER as encoded (compared byte for byte with the sid's)."""
    tbs = tlv.decode(tlv.decode_one(der, SEQUENCE))[0]
    items = tlv.decode(tbs.value)
    at = 1 if items and items[0].tag == 0xA0 else 0  # [0] version is optional
    if len(items) < at + 3 or items[at].tag != INTEGER or items[at + 2].tag != SEQUENCE:
        raise CardDataError("certificate: no issuer where it belongs")
    return tbs.value[items[at + 2].start:items[at + 2].end]


def _check_attributes(sod: SecurityObject, signer: SignerInfo) -> None:
    if signer.signed_attributes is None:
        raise Rejected("malformed", "SignerInfo without signed attributes")
    if signer.content_type != OID_LDS_SECURITY_OBJECT:
        raise Rejected("malformed", f"signed content type {signer.content_type}")
    name = HASH_NAMES.get(signer.digest_algorithm)
    if name is None or signer.message_digest is None:
        raise Rejected("malformed", f"digest algorithm {signer.digest_algorithm} or messageDigest missing")
    if not hmac.compare_digest(hashlib.new(name, sod.content).digest(), signer.message_digest):
        raise Rejected("digest_mismatch", "messageDigest is not the hash of the security object")


def _check_signature(key: object, signer: SignerInfo) -> None:
    """The document signer's signature over the signed attributes, re-tagged [0] → SET OF (DER)."""
    message = bytes([SET]) + (signer.signed_attributes or b"")[1:]
    algorithm = signer.signature_algorithm
    try:
        if isinstance(key, ec.EllipticCurvePublicKey) and algorithm in (*ECDSA, EC_PUBLIC_KEY):
            key.verify(signer.signature, message, ec.ECDSA(_hash(ECDSA.get(algorithm), signer)))
        elif isinstance(key, rsa.RSAPublicKey) and algorithm in (*RSA_PKCS1, RSA_ENCRYPTION):
            key.verify(signer.signature, message, padding.PKCS1v15(), _hash(RSA_PKCS1.get(algorithm), signer))
        elif isinstance(key, rsa.RSAPublicKey) and algorithm == RSA_PSS:
            pss, digest = _pss(signer.signature_parameters)
            key.verify(signer.signature, message, pss, digest)
        else:
            raise Rejected("malformed", f"signature algorithm {algorithm} with a {type(key).__name__}")
    except InvalidSignature:
        raise Rejected("bad_signature", "the document signer's signature does not verify") from None


def _hash(name: str | None, signer: SignerInfo) -> hashes.HashAlgorithm:
    """The named hash; None (a bare key algorithm OID) means the SignerInfo's digest algorithm."""
    chosen = name or HASH_NAMES.get(signer.digest_algorithm)
    if chosen not in HASHES:
        raise Rejected("malformed", f"hash {chosen} not supported")
    return HASHES[chosen]()


def _pss(parameters: bytes | None) -> tuple[padding.PSS, hashes.HashAlgorithm]:
    """RSASSA-PSS-params (RFC 4055): [0] hash (SHA-1), [1] MGF1 with its hash (SHA-1), [2] salt length
    (20), [3] trailer field (1); defaults in brackets."""
    if parameters is None:
        raise Rejected("malformed", "RSA-PSS without parameters")
    fields = tlv.children(tlv.decode_one(parameters, SEQUENCE))
    if not set(fields) <= {0xA0, 0xA1, 0xA2, 0xA3}:
        raise Rejected("malformed", "RSA-PSS parameters with unknown elements")
    digest = _algorithm_hash(fields[0xA0]) if 0xA0 in fields else "sha1"
    mgf_hash = "sha1"
    if 0xA1 in fields:
        mgf = tlv.decode(tlv.decode_one(fields[0xA1], SEQUENCE))
        if len(mgf) != 2 or mgf[0].tag != OID or decode_oid(mgf[0].value) != MGF1:
            raise Rejected("malformed", "RSA-PSS mask generation is not MGF1")
        mgf_hash = _algorithm_hash(tlv.encode(SEQUENCE, mgf[1].value))
    salt = decode_int(tlv.decode_one(fields[0xA2], INTEGER)) if 0xA2 in fields else 20
    trailer = decode_int(tlv.decode_one(fields[0xA3], INTEGER)) if 0xA3 in fields else 1
    if digest not in HASHES or mgf_hash not in HASHES or trailer != 1 or not 0 <= salt <= 1024:
        raise Rejected("malformed", "RSA-PSS parameters not supported")
    return padding.PSS(padding.MGF1(HASHES[mgf_hash]()), salt), HASHES[digest]()


def _algorithm_hash(identifier: bytes) -> str:
    """The hashlib name in an AlgorithmIdentifier (`30 { 06 oid [params] }`)."""
    items = tlv.decode(tlv.decode_one(identifier, SEQUENCE))
    if not items or items[0].tag != OID:
        raise Rejected("malformed", "AlgorithmIdentifier without an OID")
    return HASH_NAMES.get(decode_oid(items[0].value), "unknown")


def _issuer(ds: x509.Certificate, store: CscaStore) -> x509.Certificate:
    """The store's CSCA whose key signed the DS certificate."""
    for csca in store.issuers_of(ds):
        try:
            ds.verify_directly_issued_by(csca)
        except (InvalidSignature, ValueError, TypeError):
            continue
        return csca
    raise Rejected("unknown_csca", f"no trusted CSCA issued the document signer ({len(store)} in the store)")


def _check_dates(certificate: x509.Certificate, today: dt.date, role: str) -> None:
    if today < certificate.not_valid_before_utc.date():
        raise Rejected("not_yet_valid", f"{role} valid from {certificate.not_valid_before_utc:%Y-%m-%d}")
    if today > certificate.not_valid_after_utc.date():
        raise Rejected("expired", f"{role} expired {certificate.not_valid_after_utc:%Y-%m-%d}")


def _country(name: x509.Name) -> str | None:
    countries = name.get_attributes_for_oid(NameOID.COUNTRY_NAME)
    value = countries[0].value if countries else None
    return value.upper() if isinstance(value, str) else None


def _subject_key_id(certificate: x509.Certificate) -> bytes | None:
    try:
        return certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except (x509.ExtensionNotFound, ValueError):
        return None


def _authority_key_id(certificate: x509.Certificate) -> bytes | None:
    try:
        extension = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
        return extension.value.key_identifier
    except (x509.ExtensionNotFound, ValueError):
        return None
