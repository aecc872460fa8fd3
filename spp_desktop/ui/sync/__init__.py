"""Sync in the window: sign-in, assigned reviews and checkout, Sync now with progress, automatic sync
when the network comes back, the conflicts panel, and offline team bundles (see controller.py)."""
