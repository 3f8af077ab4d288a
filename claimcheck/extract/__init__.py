"""Extraction: article text → numeric and temporal claims, normalised to intervals."""

from claimcheck.extract.extractor import Extractor

__all__ = ["Extractor"]
