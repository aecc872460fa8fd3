"""The encrypted review store: the only place that runs SQL or touches key material.

`.db` opens the SQLCipher database; `.migrations` brings its schema up to date.
`keys` stays importable without the database stack (the lock screen derives the key while it loads).
"""
