"""A throwaway test PKI and an EF.SOD signed with it (for emulated cards only).

`ThrowawayPki.generate()` makes a self-signed CSCA and a document signer (EC P-256, or RSA) in memory, new
on every call: no key is ever written to the repository. `build_sod` makes the CMS SignedData over an
LDSSecurityObject with the data groups' hashes, as ICAO 9303-10 §4.6.2 lays it out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from drivers.card import tlv
from drivers.card.sod import (
    HASH_NAMES,
    INTEGER,
    OCTET_STRING,
    OID,
    OID_CONTENT_TYPE,
    OID_LDS_SECURITY_OBJECT,
    OID_MESSAGE_DIGEST,
    OID_SIGNED_DATA,
    SEQUENCE,
    SET,
    TAG_SOD,
    encode_int,
    encode_oid,
)

OID_ECDSA = {"sha1": "1.2.840.10045.4.1", "sha224": "1.2.840.10045.4.3.1", "sha256": "1.2.840.10045.4.3.2",
             "sha384": "1.2.840.10045.4.3.3", "sha512": "1.2.840.10045.4.3.4"}
OID_RSA_PKCS1 = {"sha1": "1.2.840.113549.1.1.5", "sha224": "1.2.840.113549.1.1.14",
                 "sha256": "1.2.840.113549.1.1.11", "sha384": "1.2.840.113549.1.1.12",
                 "sha512": "1.2.840.113549.1.1.13"}
OID_RSA_PSS, OID_MGF1 = "1.2.840.113549.1.1.10", "1.2.840.113549.1.1.8"
OID_ECDSA_SHA256 = OID_ECDSA["sha256"]
HASH_OIDS = {name: oid for oid, name in HASH_NAMES.items()}
SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
    "sha512": hashes.SHA512}


@dataclass(frozen=True)
class ThrowawayPki:
    """A country signing CA and one document signer, both throwaway."""

    csca_key: SigningKey
    csca_certificate: x509.Certificate
    ds_key: SigningKey
    ds_certificate: x509.Certificate

    @classmethod
    def generate(cls, country: str = "CN", now: dt.datetime | None = None, *, key_type: str = "ec",
                 ds_country: str | None = None, ds_validity: tuple[dt.datetime, dt.datetime] | None = None,
                 csca: tuple[SigningKey, x509.Certificate] | None = None,
                 authority_key_id: bool = True) -> ThrowawayPki:
        """A new CSCA (self-signed, 15 years) and document signer (10 years) for `country` (alpha-2).

        Args:
            key_type: "ec" (P-256) or "rsa" (2048 bits), for both keys.
            ds_country: the document signer's country when it should differ from the CSCA's (tests).
            ds_validity: the document signer's (not before, not after), e.g. in the past (tests).
            csca: an existing CSCA key and certificate to issue the new document signer with.
            authority_key_id: give the document signer an authority key identifier (as issuers do).
        """
        now = now or dt.datetime.now(dt.UTC)
        csca_key, csca_cert = csca or _new_csca(country, now, key_type)
        ds_key = _new_key(key_type)
        ds_name = _name(ds_country or country, "Kiosk Test Document Signer")
        start, end = ds_validity or (now - dt.timedelta(days=1), now + dt.timedelta(days=3650))
        own_key = x509.SubjectKeyIdentifier.from_public_key(ds_key.public_key())
        builder = (x509.CertificateBuilder().subject_name(ds_name).issuer_name(csca_cert.subject)
                   .public_key(ds_key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(start).not_valid_after(end)
                   .add_extension(_usage(cert_sign=False), critical=True)
                   .add_extension(own_key, critical=False))
        if authority_key_id:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(csca_key.public_key()), critical=False)
        ds = builder.sign(csca_key, hashes.SHA256())
        return cls(csca_key, csca_cert, ds_key, ds)

    def der(self, certificate: x509.Certificate) -> bytes:
        return certificate.public_bytes(serialization.Encoding.DER)


def _new_key(key_type: str) -> SigningKey:
    if key_type == "rsa":
        return rsa.generate_private_key(65537, 2048)
    if key_type == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    raise ValueError(f"key type {key_type!r} is not ec or rsa")


def _new_csca(country: str, now: dt.datetime, key_type: str) -> tuple[SigningKey, x509.Certificate]:
    key = _new_key(key_type)
    name = _name(country, "Kiosk Test CSCA")
    certificate = (_certificate(name, name, key.public_key(), now, 15)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(_usage(cert_sign=True), critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                   .sign(key, hashes.SHA256()))
    return key, certificate


def _name(country: str, common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Licence kiosk tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey | rsa.RSAPublicKey,
                 now: dt.datetime,
                 years: int) -> x509.CertificateBuilder:
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365 * years)))


def _usage(cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=not cert_sign, content_commitment=False, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=cert_sign,
                         crl_sign=cert_sign, encipher_only=False, decipher_only=False)


def _seq(*parts: bytes) -> bytes:
    return tlv.encode(SEQUENCE, b"".join(parts))


def _oid(dotted: str) -> bytes:
    return tlv.encode(OID, encode_oid(dotted))


def _int(number: int) -> bytes:
    return tlv.encode(INTEGER, encode_int(number))


def _octets(data: bytes) -> bytes:
    return tlv.encode(OCTET_STRING, data)


def lds_security_object(groups: Mapping[int, bytes], hash_name: str = "sha256") -> bytes:
    """LDSSecurityObject V0: version 0, the hash algorithm, and each DG's hash (over the whole file)."""
    entries = b"".join(_seq(_int(n), _octets(hashlib.new(hash_name, groups[n]).digest()))
                       for n in sorted(groups))
    return _seq(_int(0), _seq(_oid(HASH_OIDS[hash_name])), _seq(entries))


def build_sod(groups: Mapping[int, bytes], pki: ThrowawayPki, hash_name: str = "sha256", *,
              pss: bool = False, key_id: bool = False) -> bytes:
    """EF.SOD: `77 { ContentInfo { signedData, SignedData v3 { LDSSecurityObject, DS cert, SignerInfo } } }`
    with SHA-256 (or `hash_name`) over each DG and the document signer's signature (ECDSA, or RSA
    PKCS#1 v1.5 — RSA-PSS when `pss` — with the same hash). The SignerInfo names its signer by issuer
    and serial number, or (`key_id`) by subject key identifier."""
    content = lds_security_object(groups, hash_name)
    attributes = sorted([
        _seq(_oid(OID_CONTENT_TYPE), tlv.encode(SET, _oid(OID_LDS_SECURITY_OBJECT))),
        _seq(_oid(OID_MESSAGE_DIGEST), tlv.encode(SET, _octets(hashlib.new(hash_name, content).digest()))),
    ])  # DER: a SET OF in the order of its encodings
    signed = b"".join(attributes)
    algorithm, signature = _sign(pki.ds_key, tlv.encode(SET, signed), hash_name, pss)
    signer_info = _seq(*_signer_id(pki.ds_certificate, key_id), _seq(_oid(HASH_OIDS[hash_name])),
                       tlv.encode(0xA0, signed), algorithm, _octets(signature))
    signed_data = _seq(_int(3), tlv.encode(SET, _seq(_oid(HASH_OIDS[hash_name]))),
                       _seq(_oid(OID_LDS_SECURITY_OBJECT), tlv.encode(0xA0, _octets(content))),
                       tlv.encode(0xA0, pki.der(pki.ds_certificate)), tlv.encode(SET, signer_info))
    return tlv.encode(TAG_SOD, _seq(_oid(OID_SIGNED_DATA), tlv.encode(0xA0, signed_data)))


def _signer_id(certificate: x509.Certificate, key_id: bool) -> tuple[bytes, bytes]:
    """SignerInfo's version and sid: v1 with issuerAndSerialNumber, v3 with [0] subjectKeyIdentifier."""
    if key_id:
        identifier = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
        return _int(3), tlv.encode(0x80, identifier)
    return _int(1), _seq(certificate.issuer.public_bytes(), _int(certificate.serial_number))


def _sign(key: SigningKey, message: bytes, hash_name: str, pss: bool) -> tuple[bytes, bytes]:
    """(AlgorithmIdentifier DER, signature) of the document signer's signature."""
    digest = _HASHES[hash_name]()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return _seq(_oid(OID_ECDSA[hash_name])), key.sign(message, ec.ECDSA(digest))
    if not pss:
        return _seq(_oid(OID_RSA_PKCS1[hash_name]), tlv.encode(0x05, b"")), key.sign(
            message, padding.PKCS1v15(), digest)
    salt = digest.digest_size
    hash_id = _seq(_oid(HASH_OIDS[hash_name]))
    parameters = _seq(tlv.encode(0xA0, hash_id), tlv.encode(0xA1, _seq(_oid(OID_MGF1), hash_id)),
                      tlv.encode(0xA2, _int(salt)))
    signature = key.sign(message, padding.PSS(padding.MGF1(digest), salt), digest)
    return _seq(_oid(OID_RSA_PSS), parameters), signature
