"""The HTTP side of sync: one `requests.Session` with retries, timeouts and TLS verification always on.

    session = ServerSession("https://sync.example.org", token=token)
    page = session.pull(review_id, after=0, limit=500)

Retries (urllib3 `Retry`): exponential backoff with jitter on connection errors, read errors and
429/502/503/504, honouring Retry-After (capped). Every request is retried, POST and PATCH included:
pushes are idempotent by op id and an attachment PATCH names its offset, so a repeat changes nothing.
A reply cut off in the middle of its body is sent again too (urllib3 does not retry those).

Bounds: a reply body larger than MAX_REPLY_BYTES is refused (ReplyTooLarge), and one that trickles in
(less than SLOW_MIN_BYTES in any SLOW_WINDOW seconds) is given up (ServerTooSlow): with the read timeout
that is under a minute, where a server sending a byte every few seconds could otherwise hold a sync for
ever. (Headers are small; a server trickling its headers is bounded only by the read timeout per byte.)

TLS: `verify` is always on; `ca_bundle` may name a CA file for a self-hosted server. Plain http:// is
accepted only for a server on this computer (loopback), as in tests and the benchmark.
Nothing typed by a user goes into a URL: paths hold only server-made ids and SHA-256 digests.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as urllib3_exceptions
from urllib3.util.retry import Retry

from .errors import (
    MalformedReply,
    NotOnTeam,
    ReplyTooLarge,
    ServerBusy,
    ServerNotTrusted,
    ServerRefused,
    ServerTooSlow,
    ServerUnreachable,
    SignInExpired,
    SignInFailed,
    SyncError,
)

USER_AGENT = "SPP-Desktop-sync/1"
RETRY_STATUSES = frozenset({429, 502, 503, 504})
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_LOOPBACK_NAMES = {"localhost"}
T = TypeVar("T")
# The largest real reply is an attachment (the server's limit, 25 MB by default) or a pull page (4 MB).
MAX_REPLY_BYTES = 64 * 1024 * 1024
SLOW_WINDOW = 20.0  # seconds
SLOW_MIN_BYTES = 16 * 1024  # in each SLOW_WINDOW: about 6 kbit/s, far below any usable connection


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. The defaults suit poor Wi-Fi; tests pass smaller numbers."""

    retries: int = 5  # per request: connection, read and status retries (about 8 s of trying in all)
    backoff: float = 0.25  # seconds; doubles each retry
    backoff_max: float = 10.0
    jitter: float = 0.5  # up to this many seconds added at random to each backoff
    retry_after_max: int = 60  # a Retry-After longer than this is cut to it
    body_attempts: int = 4  # sends of a request whose reply is cut off mid-body

    def urllib3_retry(self, statuses: frozenset[int]) -> Retry:
        return Retry(
            total=self.retries, connect=self.retries, read=self.retries, status=self.retries, other=0,
            allowed_methods=None,  # every method: ours are all safe to repeat
            status_forcelist=statuses, backoff_factor=self.backoff, backoff_max=self.backoff_max,
            backoff_jitter=self.jitter, respect_retry_after_header=True, retry_after_max=self.retry_after_max,
            raise_on_status=False, raise_on_redirect=False, redirect=0,
        )


class _Bearer(requests.auth.AuthBase):
    """Sets the device token (and so keeps requests from reading credentials from ~/.netrc)."""

    def __init__(self) -> None:
        self.token: str | None = None

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        if self.token:
            request.headers["Authorization"] = f"Bearer {self.token}"
        return request


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_server_url(url: str) -> str:
    """'https://host[:port][/prefix]' without a trailing slash. Raises ValueError with a plain message."""
    text = (url or "").strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("The server address must look like https://sync.example.org.")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("The server address must not hold a name, password, '?' or '#'.")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ValueError("The server address must start with https:// (a secure connection).")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def safe_id(value: str, what: str = "review id") -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(f"That is not a {what}.")
    return value


class ServerSession:
    """One server, one device token. Not thread-safe: use one per worker thread."""

    def __init__(self, base_url: str, token: str | None = None, ca_bundle: str | Path | None = None,
                 timeout: tuple[float, float] = (5, 30), *, retry: RetryPolicy | None = None,
                 user_id: str | None = None):
        self.base_url = normalise_server_url(base_url)
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.user_id = user_id
        self.registered: dict[tuple[str, str], dict[str, Any]] = {}  # device key -> the server's reply
        self._auth = _Bearer()
        self._auth.token = token
        http = requests.Session()
        if ca_bundle is not None:
            if not Path(ca_bundle).is_file():
                raise ValueError("The certificate (CA bundle) file for the server was not found.")
            self._verify: str | bool = str(ca_bundle)
        else:
            self._verify = True
        # Passed with every request as well: requests lets REQUESTS_CA_BUNDLE override a session's verify.
        http.verify = self._verify
        http.auth = self._auth
        http.max_redirects = 0
        http.headers["User-Agent"] = USER_AGENT
        full = HTTPAdapter(max_retries=self.retry.urllib3_retry(RETRY_STATUSES), pool_maxsize=4)
        # Sign-in: a 429 means "too many failed attempts, wait minutes", so it is reported, not waited out.
        auth = HTTPAdapter(max_retries=self.retry.urllib3_retry(RETRY_STATUSES - {429}), pool_maxsize=2)
        for prefix in ("https://", "http://"):
            http.mount(prefix, full)
        http.mount(self.base_url + "/auth/", auth)
        self._http = http

    @property
    def token(self) -> str | None:
        return self._auth.token

    @token.setter
    def token(self, value: str | None) -> None:
        self._auth.token = value

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- one request ------------------------------------------------------------------------------
    def request(self, method: str, path: str, *, parse: Callable[[requests.Response], T] | None = None,
                json_body: Any = None, data: bytes | None = None, params: dict[str, int] | None = None,
                headers: dict[str, str] | None = None, allow: tuple[int, ...] = ()) -> Any:
        """Send with retries and return parse(response) (or the response). Raise a SyncError on failure;
        statuses in `allow` are handed to `parse` instead.

        A reply cut off in its body, or one that does not parse (headers cut short can make a truncated
        reply look complete), is asked for again up to `body_attempts` times: every request of ours is
        safe to repeat. Only then is it ServerUnreachable or MalformedReply.
        """
        attempts = max(1, self.retry.body_attempts)
        for attempt in range(1, attempts + 1):
            response = None
            try:
                response = self._send(method, path, json_body, data, params, headers)
                if response.status_code >= 300 and response.status_code not in allow:
                    raise self._error(response, path)
                return parse(response) if parse is not None else response
            except (MalformedReply, _CutOff) as exc:
                if attempt == attempts:
                    if isinstance(exc, _CutOff) or (response is not None and _unframed(response)):
                        # No length and not chunked: the reply ran until the connection closed, so a
                        # cut connection cannot be told from the end. Call it what it most likely is.
                        raise ServerUnreachable(code="cut_off") from None
                    raise
                time.sleep(min(self.retry.backoff_max, self.retry.backoff * 2 ** (attempt - 1))
                           + random.uniform(0, self.retry.jitter))
        raise AssertionError("unreachable")

    def _send(self, method: str, path: str, json_body: Any, data: bytes | None, params: dict[str, int] | None,
              headers: dict[str, str] | None) -> requests.Response:
        try:
            response = self._http.request(method, self.base_url + path, json=json_body, data=data,
                                          params=params, headers=headers, timeout=self.timeout,
                                          allow_redirects=False, verify=self._verify, stream=True)
            _read_body(response)
            return response
        except (ServerTooSlow, ReplyTooLarge, _CutOff, MalformedReply):
            raise
        except urllib3_exceptions.SSLError:
            raise ServerNotTrusted() from None
        except (urllib3_exceptions.ProtocolError, urllib3_exceptions.DecodeError):
            raise _CutOff() from None
        except urllib3_exceptions.HTTPError:
            raise ServerUnreachable() from None
        except requests.exceptions.SSLError:
            raise ServerNotTrusted() from None
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
            raise _CutOff() from None
        except requests.exceptions.InvalidHeader:
            raise MalformedReply("invalid header") from None
        except requests.RequestException:
            raise ServerUnreachable() from None

    def _error(self, response: requests.Response, path: str) -> SyncError:
        status = response.status_code
        code, message = "", ""
        try:
            error = response.json()["error"]
            code, message = str(error["code"])[:60], str(error["message"])[:400]
        except (ValueError, KeyError, TypeError):
            pass
        if status < 400:
            return MalformedReply(f"unexpected status {status}")
        if status == 401:
            if code == "invalid_credentials":
                return SignInFailed("The username or password is not right.", code)
            if code == "token_revoked":
                return SignInExpired("This laptop has been signed out of the server by an administrator. "
                                     "Sign in again; your work is safe on this laptop.", code)
            return SignInExpired(code=code or "not_authenticated")
        if status == 429:
            if path.startswith("/auth/"):
                return SignInFailed(message or "Too many failed sign-ins; try again later.", "too_many_attempts")
            return ServerBusy()
        if status == 403 and code == "not_on_team":
            return NotOnTeam()
        if status in RETRY_STATUSES or (status >= 500 and not code):
            return ServerBusy()
        if not code:
            if status == 413:
                return ServerRefused("payload_too_large", "The server refused a request as too large.")
            return MalformedReply(f"status {status} without an error body")
        return ServerRefused(code, message)

    def get_json(self, path: str, params: dict[str, int] | None = None) -> dict[str, Any]:
        return self.request("GET", path, params=params, parse=_json)

    def post_json(self, path: str, body: Any) -> dict[str, Any]:
        # Compact UTF-8 JSON: about a fifth smaller on the wire than requests' default json= encoding.
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return self.request("POST", path, data=data, headers={"Content-Type": "application/json"}, parse=_json)

    # --- the endpoints (wire.py checks the shapes of what they return) ----------------------------
    def login(self, username: str, password: str, device_name: str) -> dict[str, Any]:
        return self.post_json("/auth/login", {"username": username, "password": password,
                                              "device_name": device_name})

    def health(self) -> bool:
        """Is the server there and well? One quick request (for "sync when the network comes back")."""
        try:
            self.request("GET", "/health")
        except SyncError:
            return False
        return True

    def reviews(self) -> dict[str, Any]:
        return self.get_json("/reviews")

    def package(self, review_id: str) -> dict[str, Any]:
        return self.get_json(f"/reviews/{safe_id(review_id)}/package")

    def push(self, review_id: str, wire_ops: list[dict[str, Any]]) -> dict[str, Any]:
        return self.post_json(f"/reviews/{safe_id(review_id)}/ops", {"ops": wire_ops})

    def pull(self, review_id: str, after: int, limit: int) -> dict[str, Any]:
        return self.get_json(f"/reviews/{safe_id(review_id)}/ops", {"after": int(after), "limit": int(limit)})

    def state(self, review_id: str) -> dict[str, Any]:
        return self.get_json(f"/reviews/{safe_id(review_id)}/state")

    def register_device_key(self, device_id: str, public_key: str) -> dict[str, Any]:
        """Bind this laptop's signing key to the signed-in user (once per session: the reply is kept)."""
        known = self.registered.get((device_id, public_key))
        if known is None:
            known = self.registered[(device_id, public_key)] = self.post_json(
                "/devices/key", {"device_id": device_id, "public_key": public_key})
        return known

    def certificates(self, review_id: str) -> dict[str, Any]:
        return self.get_json(f"/reviews/{safe_id(review_id)}/certificates")

    def _attachment_path(self, review_id: str, sha256: str) -> str:
        if not _SHA.match(sha256):
            raise ValueError("An attachment is named by its SHA-256 in lower-case hex.")
        return f"/reviews/{safe_id(review_id)}/attachments/{sha256}"

    def attachment_head(self, review_id: str, sha256: str) -> tuple[int, bool] | None:
        """(bytes stored, complete?) or None when nothing of it is stored yet."""
        def parse(response: requests.Response) -> tuple[int, bool] | None:
            if response.status_code == 404:
                return None
            return _offset(response), response.headers.get("Upload-Complete") == "1"
        return self.request("HEAD", self._attachment_path(review_id, sha256), allow=(404,), parse=parse)

    def attachment_patch(self, review_id: str, sha256: str, offset: int, length: int,
                         chunk: bytes) -> tuple[int, bool]:
        """Append a chunk at `offset`. Returns (the server's offset now, complete?); on an offset
        mismatch (409: a retried chunk that had arrived after all) the server's offset, to resume from."""
        def parse(response: requests.Response) -> tuple[int, bool]:
            if response.status_code == 409 and _error_code(response) != "offset_mismatch":
                raise self._error(response, "")
            return _offset(response), response.headers.get("Upload-Complete") == "1"
        return self.request(
            "PATCH", self._attachment_path(review_id, sha256), data=chunk, allow=(409,), parse=parse,
            headers={"Upload-Offset": str(offset), "Upload-Length": str(length),
                     "Content-Type": "application/offset+octet-stream"})

    def attachment_get(self, review_id: str, sha256: str) -> bytes | None:
        def parse(response: requests.Response) -> bytes | None:
            if response.status_code == 404:
                return None
            if hashlib.sha256(response.content).hexdigest() != sha256:
                raise MalformedReply("the attachment does not match its SHA-256")  # cut short: ask again
            return response.content
        return self.request("GET", self._attachment_path(review_id, sha256), allow=(404,), parse=parse)


class _CutOff(Exception):
    """The reply stopped part way through its body."""


def _read_body(response: requests.Response) -> None:
    """Read a streamed reply's body into response.content within the bounds (see the module's doc)."""
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > MAX_REPLY_BYTES:
        response.raw.close()
        raise ReplyTooLarge()
    parts: list[bytes] = []
    size = window_bytes = 0
    window_start = time.monotonic()
    try:
        while True:
            chunk = response.raw.read1(65536)  # what has arrived: a trickle cannot hide in a long read
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
            window_bytes += len(chunk)
            if size > MAX_REPLY_BYTES:
                raise ReplyTooLarge()
            now = time.monotonic()
            if now - window_start >= SLOW_WINDOW:
                if window_bytes < SLOW_MIN_BYTES:
                    raise ServerTooSlow()
                window_start, window_bytes = now, 0
    except (ReplyTooLarge, ServerTooSlow):
        response.raw.close()
        raise
    response._content = b"".join(parts)
    response._content_consumed = True
    response.close()  # the body is read: the connection goes back to the pool


def _json(response: requests.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        raise MalformedReply(f"not JSON (status {response.status_code}, {len(response.content)} bytes, "
                             f"Content-Length {response.headers.get('Content-Length')})") from None
    if not isinstance(data, dict):
        raise MalformedReply("not a JSON object")
    return data


def _unframed(response: requests.Response) -> bool:
    """A reply with a body but no Content-Length and no chunked encoding (delimited by closing)."""
    if response.request is not None and response.request.method == "HEAD":
        return False
    if response.status_code in (204, 304):
        return False
    if response.headers.get("Content-Length", "").strip().isdigit():
        return False  # (a header cut short after "Content-Length:" leaves it empty: unframed)
    return "chunked" not in response.headers.get("Transfer-Encoding", "").lower()


def _error_code(response: requests.Response) -> str:
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return ""


def _offset(response: requests.Response) -> int:
    value = response.headers.get("Upload-Offset", "")
    if not value.isdigit():
        raise MalformedReply("no Upload-Offset")
    return int(value)
