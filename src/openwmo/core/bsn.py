"""The elfproef (11-test) for a burgerservicenummer: pure Python, the one implementation in Open Wmo."""

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def elfproef(bsn: str) -> bool:
    """True when `bsn` is nine digits, not all zeros, whose weighted sum (9..2, -1) is divisible by 11."""
    if not isinstance(bsn, str) or len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    return sum(int(cijfer) * gewicht for cijfer, gewicht in zip(bsn, _GEWICHTEN, strict=True)) % 11 == 0
