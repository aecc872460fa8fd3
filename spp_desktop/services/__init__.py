"""Application services: small functions that combine the store with reports or sync for the UI and CLI.

They sit above `store` and `reports` (which must not know each other) and below `ui`/`cli`.
"""
