# Imported first so sqlite-utils binds to the SQLCipher driver before any test module imports it
# (see spp_desktop/store/db.py); it also puts the repo root on sys.path for plain `pytest`.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

import spp_desktop.store.db  # noqa: F401

# Property tests: in CI the same examples every run (derandomized), so a red run is red again when it is
# re-run and never turns green by chance; any failure prints its reproducer (@reproduce_failure blob),
# to be pinned with @example in the test (no example database is kept in the repository). Locally the
# search stays random, and prints the reproducer too.
settings.register_profile("ci", derandomize=True, print_blob=True, database=None)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("SPP_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
