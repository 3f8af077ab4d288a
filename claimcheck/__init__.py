"""claimcheck: extract numeric and temporal claims from news articles and check them with YAML rules."""

__version__ = "0.1.0"
