"""TLS is always verified: a self-signed server is refused, unless its certificate is the CA bundle given."""

from __future__ import annotations

import datetime
import ipaddress
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.client import ServerNotTrusted, ServerSession
from tests.server.live import ROOT, _env, free_port

from .world import FAST_RETRY, World


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_url(world: World, tmp_path: Path):
    cert, key = _self_signed(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--database", world.server.database_url, "--host",
         "127.0.0.1", "--port", str(port), "--ssl-certfile", str(cert), "--ssl-keyfile", str(key),
         "--log-level", "warning"], cwd=ROOT, env=_env(world.server.key_file), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{url}/health", verify=str(cert), timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "the TLS server did not start"
            time.sleep(0.1)
        yield url, cert
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_unknown_certificate_is_refused_and_a_ca_bundle_is_trusted(world: World, tls_url) -> None:
    url, cert = tls_url
    member = world.members[0]
    with ServerSession(url, token=member.token, retry=FAST_RETRY) as session, \
            pytest.raises(ServerNotTrusted, match="certificate could not be checked"):
        session.reviews()
    with ServerSession(url, token=member.token, ca_bundle=cert, retry=FAST_RETRY) as session:
        assert isinstance(session.reviews()["reviews"], list)
