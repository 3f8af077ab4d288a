"""Extraction: article text → numeric and temporal claims, normalised to intervals."""

from claimcheck.extract.extractor import Extractor

__all__ = ["Extractor"]


# `claimcheck.extract(articles)` is the Python API's extract (claimcheck/api/): this package holds
# that name, so calling the package calls the API. The one line of this package the API needs.
from claimcheck.callable_module import make_callable  # noqa: E402

make_callable(__name__, "extract")
