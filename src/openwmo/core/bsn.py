"""The elfproef (11-test) for a burgerservicenummer: pure Python, the one implementation in Open Wmo."""


def elfproef(bsn: str) -> bool:
    """True when `bsn` is nine ASCII digits, not all zeros, whose weighted sum (9..2, -1) is divisible by 11."""
    if not isinstance(bsn, str) or len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit() or bsn == "000000000":
        return False
    # Unrolled on the byte values (claims check a BSN per line): the weights sum to 43, so subtracting
    # 43 × ord("0") turns the codes into digits.
    b = bsn.encode()
    som = 9 * b[0] + 8 * b[1] + 7 * b[2] + 6 * b[3] + 5 * b[4] + 4 * b[5] + 3 * b[6] + 2 * b[7] - b[8] - 43 * 48
    return som % 11 == 0
