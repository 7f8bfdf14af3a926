"""Duplicates: the same article twice (a content hash) and a syndicated copy of it (MinHash).

The content hash is over the original text with its whitespace collapsed, so a file saved again with other
line endings is the same article. Near-duplicates are found on the *restored* text's folded words, so an
agency report copied by another outlet, and obfuscated on the way, still matches its source.

MinHash signatures (``datasketch``) have :data:`NUM_PERM` values; for the index they are cut into
:data:`BANDS` bands of :data:`ROWS` rows (locality-sensitive hashing), each band hashed to one 63-bit key
stored in the database, so finding candidates is one indexed lookup and memory does not grow with the
corpus. A candidate is a near-duplicate when its estimated Jaccard similarity of word 3-shingles is at
least :data:`THRESHOLD`. With 16 bands of 8 rows, a pair at similarity 0.7 is found with probability
1 - (1 - 0.7^8)^16 ≈ 0.86, at 0.8 ≈ 0.99, and a pair at 0.4 only ≈ 0.01.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7
SHINGLE = 3  # words
MIN_WORDS = 12  # shorter texts are not compared (a headline-sized text matches too easily)

_SPACE = re.compile(r"\s+")
_SCHEME = "affine32"  # datasketch 2 names its hashing scheme; signatures are stored, so it is fixed
_TEMPLATE = MinHash(num_perm=NUM_PERM, scheme=_SCHEME)  # its permutations, shared by every signature


def content_hash(text: str) -> str:
    """sha256 of ``text`` with runs of whitespace made one space and the ends stripped."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def signature(words: list[str]) -> list[int] | None:
    """The MinHash signature of a text's word 3-shingles (its folded words,
    :func:`kashif.store.terms.folded_words` of the restored text), or None for a text too short to compare."""
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_SCHEME)
    m.update_batch(list(shingles))
    return m.hashvalues.astype(np.uint32).tolist()


def band_keys(sig: Sequence[int]) -> list[int]:
    """One key per LSH band: the band's number and values hashed to a signed 63-bit integer."""
    keys = []
    for b in range(BANDS):
        chunk = struct.pack(f"<I{ROWS}I", b, *sig[b * ROWS : (b + 1) * ROWS])
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") >> 1)
    return keys


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal values)."""
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / NUM_PERM
