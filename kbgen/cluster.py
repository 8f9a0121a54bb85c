"""Extraction past one machine: batches of articles go to the workers of a Dask distributed
cluster (Dask's own scheduler; kbgen runs no scheduler of its own). Each worker process loads
the NER pipeline once and reads its batches with the same code as a local build, so results
are the same. Workers need kbgen and the model installed."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from kbgen import parallel
from kbgen.articles import Article
from kbgen.extract import Extraction, extract_batch, load_pipeline, merged

BATCH = 50  # articles per task: enough text to keep a worker busy, small enough to spread
CONNECT_TIMEOUT = "10s"


def _load(model: str, patterns: bytes | None, lang: str):
    """Runs on a worker, once per process and settings: the patterns come as bytes, the worker
    may be on another machine."""
    if patterns is None:
        return load_pipeline(model, lang=lang)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "entity_patterns.jsonl"
        path.write_bytes(patterns)
        return load_pipeline(model, path, lang)


def extract_on_cluster(
    articles: list[Article], address: str, model: str, patterns: bytes | None, fingerprint: str, lang: str
) -> Extraction:
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    return merged(
        parallel.dask_map(
            address,
            extract_batch,
            batches,
            CONNECT_TIMEOUT,
            settings=fingerprint,
            load=functools.partial(_load, model, patterns, lang),
        )
    )
