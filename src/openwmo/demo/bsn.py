"""Burgerservicenummer helpers: the elfproef and a deterministic source of test BSNs.

Test BSNs start with "999": that range is reserved in the Netherlands for test numbers, so a
generated number can never belong to a real person. 999xxxxxx holds 90,909 valid numbers.
"""

from __future__ import annotations

import random

from openwmo.core.bsn import elfproef

__all__ = ["elfproef", "test_bsn_capacity", "test_bsns"]

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
TEST_PREFIX = "999"
_FREE_DIGITS = 5  # 999 + 5 free digits + 1 check digit


def _complete(prefix8: str) -> str | None:
    """The valid BSN with these first 8 digits, or None when the check digit would be 10."""
    check = sum(int(d) * w for d, w in zip(prefix8, _WEIGHTS[:8], strict=True)) % 11
    return prefix8 + str(check) if check <= 9 else None


def test_bsn_capacity() -> int:
    """How many valid test BSNs exist in the 999 range."""
    return sum(1 for i in range(10**_FREE_DIGITS) if _complete(f"{TEST_PREFIX}{i:05d}"))


def test_bsns(seed: int, n: int) -> list[str]:
    """``n`` unique valid BSNs from the 999 test range, in a deterministic order for ``seed``."""
    if n < 0:
        raise ValueError("n must be >= 0")
    order = list(range(10**_FREE_DIGITS))
    random.Random(seed).shuffle(order)
    out: list[str] = []
    for i in order:
        if len(out) == n:
            break
        bsn = _complete(f"{TEST_PREFIX}{i:05d}")
        if bsn is not None:
            out.append(bsn)
    if len(out) < n:
        raise ValueError(f"only {len(out)} test BSNs exist in the 999 range, {n} asked")
    return out


test_bsns.__test__ = False  # not a pytest test despite the name
test_bsn_capacity.__test__ = False
