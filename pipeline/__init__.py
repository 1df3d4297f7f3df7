"""claimex: grounded, checkable claims from policy commentaries."""

__version__ = "0.1.0"
