"""Edit distance for typo tolerance: is an indexed word a likely typo of what was typed?

Counts a swap of two neighbouring letters as one typo, like Tantivy's fuzzy query does.
"""

from __future__ import annotations

# How many indexed words sharing the typed word's first two letters are compared with it.
# Limiting candidates to that prefix keeps correction fast on a big index; a typo in the first
# two letters is still found by Tantivy's fuzzy query, only ranked and highlighted less well.
MAX_CANDIDATES = 5000


def within_distance(a: str, b: str, limit: int) -> bool:
    """True when ``a`` and ``b`` differ by at most ``limit`` edits (insert, delete, replace,
    or swap of neighbours)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit
