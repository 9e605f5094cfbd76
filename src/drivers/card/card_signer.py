"""A throwaway test PKI and an EF.SOD signed with it (for emulated cards only).

`ThrowawayPki.generate()` makes a self-signed CSCA and a document signer (EC P-256) in memory, new on every
call: no key is ever written to the repository. `build_sod` makes the CMS SignedData over an LDSSecurityObject
with the data groups' hashes, as ICAO 9303-10 §4.6.2 lays it out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
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

OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2"
HASH_OIDS = {name: oid for oid, name in HASH_NAMES.items()}


@dataclass(frozen=True)
class ThrowawayPki:
    """A country signing CA and one document signer, both throwaway."""

    csca_key: ec.EllipticCurvePrivateKey
    csca_certificate: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey
    ds_certificate: x509.Certificate

    @classmethod
    def generate(cls, country: str = "CN", now: dt.datetime | None = None) -> ThrowawayPki:
        """A new CSCA (self-signed, 15 years) and document signer (10 years) for `country` (alpha-2)."""
        now = now or dt.datetime.now(dt.UTC)
        csca_key, ds_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
        csca_name = _name(country, "Kiosk Test CSCA")
        csca = (_certificate(csca_name, csca_name, csca_key.public_key(), now, 15)
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(_usage(cert_sign=True), critical=True)
                .sign(csca_key, hashes.SHA256()))
        ds_name = _name(country, "Kiosk Test Document Signer")
        ds = (_certificate(ds_name, csca_name, ds_key.public_key(), now, 10)
              .add_extension(_usage(cert_sign=False), critical=True)
              .sign(csca_key, hashes.SHA256()))
        return cls(csca_key, csca, ds_key, ds)

    def der(self, certificate: x509.Certificate) -> bytes:
        return certificate.public_bytes(serialization.Encoding.DER)


def _name(country: str, common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Licence kiosk tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey, now: dt.datetime,
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


def build_sod(groups: Mapping[int, bytes], pki: ThrowawayPki, hash_name: str = "sha256") -> bytes:
    """EF.SOD: `77 { ContentInfo { signedData, SignedData v3 { LDSSecurityObject, DS cert, SignerInfo } } }`
    with SHA-256 (or `hash_name`) over each DG and an ECDSA signature by the document signer."""
    content = lds_security_object(groups, hash_name)
    attributes = sorted([
        _seq(_oid(OID_CONTENT_TYPE), tlv.encode(SET, _oid(OID_LDS_SECURITY_OBJECT))),
        _seq(_oid(OID_MESSAGE_DIGEST), tlv.encode(SET, _octets(hashlib.new(hash_name, content).digest()))),
    ])  # DER: a SET OF in the order of its encodings
    signed = b"".join(attributes)
    signature = pki.ds_key.sign(tlv.encode(SET, signed), ec.ECDSA(hashes.SHA256()))
    issuer = pki.ds_certificate.issuer.public_bytes()
    signer_info = _seq(_int(1), _seq(issuer, _int(pki.ds_certificate.serial_number)),
                       _seq(_oid(HASH_OIDS[hash_name])), tlv.encode(0xA0, signed),
                       _seq(_oid(OID_ECDSA_SHA256)), _octets(signature))
    signed_data = _seq(_int(3), tlv.encode(SET, _seq(_oid(HASH_OIDS[hash_name]))),
                       _seq(_oid(OID_LDS_SECURITY_OBJECT), tlv.encode(0xA0, _octets(content))),
                       tlv.encode(0xA0, pki.der(pki.ds_certificate)), tlv.encode(SET, signer_info))
    return tlv.encode(TAG_SOD, _seq(_oid(OID_SIGNED_DATA), tlv.encode(0xA0, signed_data)))
