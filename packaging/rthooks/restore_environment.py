"""PyInstaller runtime hook: give child processes the user's own library search path back.

On Linux the bootloader prepends the bundle's folder to LD_LIBRARY_PATH (saving the original in
LD_LIBRARY_PATH_ORIG) so the frozen app finds its libraries. The dynamic loader reads that variable once,
at process start, so restoring it here changes nothing for this process, but it keeps programs the app
starts (xdg-open for the user guide or a saved PDF, a file manager) from loading our copies of glib,
libstdc++ or OpenSSL instead of their own, which can crash them.
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
