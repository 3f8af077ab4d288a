"""Checking a corpus on a Dask cluster (`--dask ADDRESS` or `--dask local[:N]`), with the same
result as a local run: the same findings, fingerprints, order and summary.

    cluster.py   connect to a scheduler, or start a local cluster
    work.py      what runs on the workers: read and extract a partition of files; check the
                 claims of one key
    engine.py    what runs on the client: the stages, and what must be global (stories)

Needs the `dask` extra: pip install 'claimcheck[dask]'."""

from claimcheck.dask_engine.engine import check_on_dask, extract_on_dask

__all__ = ["check", "check_on_dask", "extract", "extract_on_dask"]


def check(address: str, paths, pack, baseline, full, stories, progress, cache=None):
    """`check`/`report` with --dask: connect (or start a local cluster), run, disconnect."""
    from claimcheck.dask_engine.cluster import connect
    progress.stage("starting Dask")
    with connect(address) as client:
        return check_on_dask(paths, pack, client, baseline, full, stories, progress, cache)


def extract(address: str, paths, pack, progress, cache=None):
    """`extract` with --dask: the Extraction, its claims decoded while the cache is open."""
    from claimcheck.dask_engine.cluster import connect
    progress.stage("starting Dask")
    with connect(address) as client:
        extraction, _ = extract_on_dask(paths, pack, client, progress, cache)
        extraction.claims.load()
        return extraction
