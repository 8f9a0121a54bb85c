"""Extraction past one machine: batches of articles go to the workers of a Dask distributed
cluster (Dask's own scheduler; kbgen runs no scheduler of its own). Each worker process loads
the NER pipeline once and reads its batches with the same code as a local build, so results
are the same. Workers need kbgen and the model installed."""

from __future__ import annotations

import tempfile
from pathlib import Path

from kbgen.articles import Article
from kbgen.errors import BuildError, Problem
from kbgen.extract import Extraction, extract, load_pipeline

BATCH = 50  # articles per task: enough text to keep a worker busy, small enough to spread
CONNECT_TIMEOUT = "10s"
_worker_pipeline: dict[str, object] = {}  # in each worker process: the pipeline of the last settings


def _extract_batch(articles: list[Article], model: str, patterns: bytes | None, fingerprint: str) -> Extraction:
    """Runs on a worker."""
    if fingerprint not in _worker_pipeline:
        path = None
        if patterns is not None:
            handle = tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False)
            handle.write(patterns)
            handle.close()
            path = Path(handle.name)
        _worker_pipeline.clear()
        _worker_pipeline[fingerprint] = load_pipeline(model, path)
    return extract(articles, _worker_pipeline[fingerprint])


def extract_on_cluster(articles: list[Article], address: str, model: str, patterns: bytes | None, fingerprint: str) -> Extraction:
    try:
        from distributed import Client
    except ImportError:
        raise BuildError([Problem("--scheduler", None, "Dask's distributed package is not installed",
                                  "install it with: pip install 'kbgen[dask]'")]) from None
    batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise BuildError([Problem("--scheduler", None, f"cannot reach the Dask scheduler at {address} ({exc})",
                                  "start it (dask scheduler) and its workers, or build without --scheduler")]) from None
    with client:
        futures = client.map(_extract_batch, batches, model=model, patterns=patterns, fingerprint=fingerprint, pure=False)
        results = client.gather(futures)
    mentions = tuple(m for result in results for m in result.mentions)
    sentences = {slug: spans for result in results for slug, spans in result.sentences.items()}
    return Extraction(mentions, sentences)
