"""Dutch working days for the iWmo deadlines (pure; no Django).

A working day is Monday–Friday except the public holidays below. The iWmo standard counts response
times in working days (OP090: retour within 3, OP274/OP346: 301/319 within 5, OP090x4: 325 within 10).

Holidays: Nieuwjaarsdag, 2e Paasdag, Koningsdag (27 April; 26 April when the 27th is a Sunday),
Hemelvaartsdag, 2e Pinksterdag, 1e and 2e Kerstdag. Bevrijdingsdag (5 May) counts only in lustrum
years (2020, 2025, …): that is when most collective agreements and the national government give the day
off; in other years it is an ordinary working day. Goede Vrijdag is not a holiday here.
Easter Sunday and Pentecost Sunday always fall on a Sunday, so they need no entry.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def pasen(jaar: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


@lru_cache(maxsize=256)
def feestdagen(jaar: int) -> frozenset[date]:
    """The public holidays of `jaar` that are not working days."""
    paasdag = pasen(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = date(jaar, 4, 26)
    dagen = {
        date(jaar, 1, 1),
        paasdag + timedelta(days=1),
        koningsdag,
        paasdag + timedelta(days=39),  # Hemelvaartsdag
        paasdag + timedelta(days=50),  # 2e Pinksterdag
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    }
    if jaar % 5 == 0:
        dagen.add(date(jaar, 5, 5))
    return frozenset(dagen)


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in feestdagen(dag.year)


def werkdagen_na(dag: date, aantal: int) -> date:
    """The date `aantal` working days after `dag` (the deadline; `dag` itself does not count)."""
    if aantal < 0:
        raise ValueError("aantal werkdagen moet 0 of meer zijn")
    while aantal:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            aantal -= 1
    return dag


def werkdagen_tussen(van: date, tot: date) -> int:
    """Working days after `van` up to and including `tot` (0 when `tot` <= `van`)."""
    aantal, dag = 0, van
    while dag < tot:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            aantal += 1
    return aantal
