"""Sort-based set operations on small numpy arrays.

numpy 2's np.unique goes through a hash table and then sorts; on the few
hundred values of one document it is five to seven times slower than sorting
once and comparing neighbours, which is all these do.
"""
from __future__ import annotations

import numpy as np


def grown(array: np.ndarray, rows: int) -> np.ndarray:
    """`array` if it has at least `rows` rows, else a zero-filled copy with room for them (at least doubled, so
    that growing one row at a time costs amortised constant time)."""
    if rows <= len(array):
        return array
    out = np.zeros((max(rows, 2 * len(array), 1024), *array.shape[1:]), dtype=array.dtype)
    out[:len(array)] = array
    return out


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique(values): the distinct values, sorted."""
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def unique_first_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(values, return_index=True, return_inverse=True): the distinct values (sorted), where each first
    occurs, and each value's position among the distinct ones."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    starts = np.empty(len(ordered), dtype=bool)
    starts[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(starts) - 1
    return ordered[starts], order[starts], inverse
