"""Reading a corpus: find article files under the given paths and parse each into an Article."""

from claimcheck.corpus.loader import LoadResult, load_corpus

__all__ = ["LoadResult", "load_corpus"]
