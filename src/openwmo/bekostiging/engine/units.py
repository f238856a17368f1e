"""iWmo units (code list WJ756 Eenheid) and frequencies (WMO757 Frequentie), and unit conversion.

Time units convert through minutes:

==== ================ ==================
code eenheid          minutes per unit
==== ================ ==================
01   minuut           1
04   uur              60
16   dagdeel          240 (a dagdeel is 4 hours by definition of the code list)
14   etmaal           1440 (24 hours)
==== ================ ==================

82 (stuks, output), 83 (euro's; the volume is in cents) and 84 (stuks, inspanning) are not time
units: converting them into another unit raises ValueError. Converting a unit into itself is
always allowed.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from .money import as_non_negative, to_fraction


class Eenheid(StrEnum):
    """WJ756 Eenheid; the value is the iWmo code."""

    MINUUT = "01"
    UUR = "04"
    ETMAAL = "14"
    DAGDEEL = "16"
    STUKS_OUTPUT = "82"
    EUROS = "83"
    STUKS_INSPANNING = "84"


class Frequentie(StrEnum):
    """WMO757 Frequentie; the value is the iWmo code."""

    PER_DAG = "1"
    PER_WEEK = "2"
    PER_MAAND = "4"
    TOTAAL = "6"  # totaal binnen geldigheidsduur toewijzing (TBGT)


MINUTES_PER_UNIT: dict[Eenheid, int] = {
    Eenheid.MINUUT: 1,
    Eenheid.UUR: 60,
    Eenheid.DAGDEEL: 4 * 60,
    Eenheid.ETMAAL: 24 * 60,
}


def eenheid(value: Eenheid | str) -> Eenheid:
    """Parse an iWmo eenheid code ('01', '04', …) or pass an Eenheid through.

    Raises ValueError naming the code list for an unknown code.
    """
    try:
        return Eenheid(value)
    except ValueError:
        known = ", ".join(f"{e.value} ({e.name.lower()})" for e in Eenheid)
        raise ValueError(f"eenheid: {value!r} is not a code of iWmo code list WJ756; known: {known}") from None


def frequentie(value: Frequentie | str) -> Frequentie:
    """Parse an iWmo frequentie code ('1', '2', '4', '6') or pass a Frequentie through."""
    try:
        return Frequentie(value)
    except ValueError:
        known = ", ".join(f"{f.value} ({f.name.lower()})" for f in Frequentie)
        raise ValueError(f"frequentie: {value!r} is not a code of iWmo code list WMO757; known: {known}") from None


def is_time_unit(unit: Eenheid | str) -> bool:
    """True for minuut, uur, dagdeel and etmaal."""
    return eenheid(unit) in MINUTES_PER_UNIT


def minutes_per(unit: Eenheid | str) -> int:
    """Minutes in one unit; ValueError for 82, 83 and 84, which are not time units."""
    parsed = eenheid(unit)
    if parsed not in MINUTES_PER_UNIT:
        raise ValueError(
            f"eenheid {parsed.value} ({parsed.name.lower()}) is not a time unit and has no length in minutes"
        )
    return MINUTES_PER_UNIT[parsed]


def conversion_factor(van: Eenheid | str, naar: Eenheid | str) -> Fraction:
    """How many ``naar`` units one ``van`` unit is (exact): uur → minuut is 60, minuut → uur is 1/60.

    Raises ValueError when either unit is not a time unit, unless ``van`` equals ``naar``.
    """
    source, target = eenheid(van), eenheid(naar)
    if source == target:
        return Fraction(1)
    if source not in MINUTES_PER_UNIT or target not in MINUTES_PER_UNIT:
        raise ValueError(
            f"cannot convert eenheid {source.value} ({source.name.lower()}) to {target.value} "
            f"({target.name.lower()}): only time units (01, 04, 14, 16) convert into each other"
        )
    return Fraction(MINUTES_PER_UNIT[source], MINUTES_PER_UNIT[target])


def convert_volume(volume: Decimal | int, van: Eenheid | str, naar: Eenheid | str) -> Decimal:
    """Convert a volume between time units, exactly.

    Converting to a finer unit (uur → minuut) is always exact. Converting to a coarser unit is
    allowed when the result is a terminating decimal (90 minutes → 1.5 uur); otherwise
    (100 minutes → 1.666… uur) it raises ValueError, because the engine never rounds a volume
    silently: compare in the finer unit instead. Negative volumes raise ValueError.
    """
    exact = to_fraction(as_non_negative(volume, "volume")) * conversion_factor(van, naar)
    denominator = exact.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        raise ValueError(
            f"volume {volume} {eenheid(van).name.lower()} is not exactly expressible in "
            f"{eenheid(naar).name.lower()}; compare volumes in the finer unit"
        )
    return Decimal(exact.numerator) / Decimal(exact.denominator)


def finer_unit(a: Eenheid | str, b: Eenheid | str) -> Eenheid:
    """The finer of two units that convert into each other (minuut before uur before dagdeel …)."""
    first, second = eenheid(a), eenheid(b)
    conversion_factor(first, second)  # raises when they do not convert
    if first == second:
        return first
    return first if MINUTES_PER_UNIT[first] <= MINUTES_PER_UNIT[second] else second
