# Imported first so sqlite-utils binds to the SQLCipher driver before any test module imports it
# (see spp_desktop/store/db.py); it also puts the repo root on sys.path for plain `pytest`.
import spp_desktop.store.db  # noqa: F401
