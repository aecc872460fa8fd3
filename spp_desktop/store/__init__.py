"""The encrypted review store: the only place that runs SQL or touches key material."""
