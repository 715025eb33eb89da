"""Near-duplicate detection: MinHash signatures over word shingles, banded for lookup.

The bands are stored (store/), so a new document is compared only with the documents that
share a band with it, never with the whole corpus.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

NUM_PERM = 128
# 16 bands of 8 rows: a pair at Jaccard 0.8 shares a band with probability ~0.95, at 0.5 ~0.06.
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
_SEED = 1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    """A document's MinHash signature and its band keys."""

    signature: bytes
    bands: tuple[bytes, ...]


def fingerprint(text: str) -> Fingerprint:
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch(s.encode("utf-8") for s in shingles)
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    bands = tuple(hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest() for b in range(BANDS))
    return Fingerprint(signature=values.tobytes(), bands=bands)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    left = np.frombuffer(a, dtype=np.uint64)
    right = np.frombuffer(b, dtype=np.uint64)
    return float(np.count_nonzero(left == right)) / len(left)
