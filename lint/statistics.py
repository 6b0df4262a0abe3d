"""Corpus statistics: document frequencies and headlines over the files of a run, for the rules that require
them (`requires = frozenset({CorpusStatistics})`, see doclint.rule).

They are counted before the check, in the run's worker processes, each
counting its share. Workers started before the counts existed read them from
a file written once the pass is over (`save`, `load`).
"""
from __future__ import annotations

import pickle
from pathlib import Path

from doclint.cohesion import MIN_DOCUMENTS, CorpusStats
from doclint.document import Document
from doclint.io.discovery import read_document


def count(paths: list[Path]):
    """The statistics of these files (a file that cannot be read is left out: its check reports it); counted only
    for runs of at least MIN_DOCUMENTS files, below which the statistics would not be used."""
    stats = CorpusStats()
    for path in paths:
        try:
            document = Document.from_bytes(str(path), read_document(path)).reading  # (as the rules read it)
        except OSError:
            continue
        if not document.binary:
            head = document.blocks[0] if document.blocks and document.blocks[0].kind == "headline" else None
            stats.add(document.text, document.block_text(head) if head else None)
    return stats


def save(stats, path: str) -> None:
    with open(path, "wb") as f:
        pickle.dump(stats, f, protocol=pickle.HIGHEST_PROTOCOL)


def load(path: str) -> CorpusStats:
    """The statistics the main process saved to `path` (a worker started before they existed reads them)."""
    with open(path, "rb") as f:
        return pickle.load(f)


__all__ = ["MIN_DOCUMENTS", "CorpusStats", "count", "save", "load"]
