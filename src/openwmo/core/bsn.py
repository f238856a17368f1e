"""The elfproef (11-test) for a burgerservicenummer: pure Python, the one implementation in Open Wmo."""


def elfproef(bsn: str) -> bool:
    """True when `bsn` is nine ASCII digits, not all zeros, whose weighted sum (9..2, -1) is divisible by 11."""
    if not isinstance(bsn, str) or len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit() or bsn == "000000000":
        return False
    # Unrolled on the character codes (claims check a BSN per line): the weights sum to 43, so subtracting
    # 43 × ord("0") turns the codes into digits.
    o = ord
    som = (
        9 * o(bsn[0]) + 8 * o(bsn[1]) + 7 * o(bsn[2]) + 6 * o(bsn[3]) + 5 * o(bsn[4])
        + 4 * o(bsn[5]) + 3 * o(bsn[6]) + 2 * o(bsn[7]) - o(bsn[8]) - 43 * 48
    )  # fmt: skip
    return som % 11 == 0
