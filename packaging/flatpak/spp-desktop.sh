#!/bin/sh
# Launcher inside the Flatpak: the app's source tree sits in /app/lib/spp-desktop with resources/ and docs/.
export PYTHONPATH="/app/lib/spp-desktop${PYTHONPATH:+:$PYTHONPATH}"
exec python3 -m spp_desktop "$@"
