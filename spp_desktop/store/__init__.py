"""The encrypted review store: the only place that runs SQL or touches key material."""

# Set up the SQLCipher driver for sqlite-utils before any store module imports sqlite_utils.
from . import db as _db  # noqa: F401
