"""Period helpers: inclusive start, inclusive and possibly open (None) end, as in iWmo.

The one place where overlap, containment and calendar counting are decided (DESIGN "Conventions").
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta


def overlapt(a_begin: date, a_eind: date | None, b_begin: date, b_eind: date | None) -> bool:
    """True when the two periods share at least one day."""
    return (a_eind is None or b_begin <= a_eind) and (b_eind is None or a_begin <= b_eind)


def bevat(buiten_begin: date, buiten_eind: date | None, binnen_begin: date, binnen_eind: date | None) -> bool:
    """True when the inner period lies wholly inside the outer one."""
    if binnen_begin < buiten_begin:
        return False
    if buiten_eind is None:
        return True
    return binnen_eind is not None and binnen_eind <= buiten_eind


def gedekt_door(perioden: Iterable[tuple[date, date | None]], begin: date, eind: date) -> bool:
    """True when every day of [begin, eind] lies in at least one of `perioden` (their union)."""
    cursor = begin
    for p_begin, p_eind in sorted(perioden, key=lambda p: p[0]):
        if p_begin > cursor:
            return False
        if p_eind is None or p_eind >= eind:
            return True
        if p_eind >= cursor:
            cursor = p_eind + timedelta(days=1)
    return False


def maand_begin(d: date) -> date:
    return d.replace(day=1)


def maand_einde(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def is_kalendermaand(begin: date, eind: date) -> bool:
    """True when [begin, eind] is exactly one whole calendar month."""
    return begin.day == 1 and eind == maand_einde(begin)


def aantal_dagen(begin: date, eind: date) -> int:
    return (eind - begin).days + 1


def aantal_iso_weken(begin: date, eind: date) -> int:
    """Number of ISO weeks (Monday–Sunday) that [begin, eind] touches, partial weeks included."""
    eerste_maandag = begin - timedelta(days=begin.weekday())
    return (eind - eerste_maandag).days // 7 + 1


def aantal_maanden(begin: date, eind: date) -> int:
    """Number of calendar months that [begin, eind] touches, partial months included."""
    return (eind.year - begin.year) * 12 + eind.month - begin.month + 1


def plus_maanden(d: date, maanden: int) -> date:
    """`d` moved by whole calendar months; the day is clamped to the month length (31 Jan + 1 → 28/29 Feb)."""
    index = d.year * 12 + d.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))
