"""The encrypted review store: the only place that runs SQL or touches key material.

Modules that use sqlite_utils import it through `.db`, which first points it at the SQLCipher driver.
`keys` stays importable without the database stack (the lock screen derives the key while it loads).
"""
