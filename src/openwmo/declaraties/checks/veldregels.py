"""The shape rules of single fields (and whole columns of them) that the input facts apply.

Each raises `ValueError` naming the class, the field and the rule (see `feiten.py`); the column versions
answer True only when every value of a column would pass its field's own rule.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

DEBET = "D"
CREDIT = "C"
_CENT = Decimal("0.01")
_ALFANUM = re.compile(r"[A-Za-z0-9]+")
_CIJFERS = re.compile(r"[0-9]+")
_NUMMER = re.compile(r"[0-9]{1,9}")  # LDT_Nummer: ToewijzingNummer is an integer of at most 9 digits
_MAX_VOLUME = 99_999_999  # LDT_Volume


def _fout(klasse: str, veld: str, regel: str, waarde: object) -> ValueError:
    return ValueError(f"{klasse}.{veld}: {regel} (gekregen: {waarde!r})")


def _cijfers(klasse: str, veld: str, waarde: object, lengte: int) -> None:
    if not isinstance(waarde, str) or len(waarde) != lengte or not _CIJFERS.fullmatch(waarde):
        raise _fout(klasse, veld, f"moet een tekst van precies {lengte} cijfers zijn", waarde)


def _tekst(klasse: str, veld: str, waarde: object, max_lengte: int, patroon: re.Pattern | None = None) -> None:
    if not isinstance(waarde, str) or not waarde or len(waarde) > max_lengte:
        raise _fout(klasse, veld, f"moet een niet-lege tekst van hoogstens {max_lengte} tekens zijn", waarde)
    if patroon is not None and not patroon.fullmatch(waarde):
        raise _fout(klasse, veld, f"moet voldoen aan het patroon {patroon.pattern}", waarde)


def _code(klasse: str, veld: str, waarde: object, lijst: dict[str, str], naam: str, leeg: bool = False) -> None:
    if waarde is None and leeg:
        return
    if waarde not in lijst:
        raise _fout(klasse, veld, f"moet een code uit {naam} zijn ({', '.join(lijst)})", waarde)


def _datum(klasse: str, veld: str, waarde: object, leeg: bool = False) -> None:
    if waarde is None and leeg:
        return
    if not isinstance(waarde, date) or isinstance(waarde, datetime):
        raise _fout(klasse, veld, "moet een datum (datetime.date) zijn", waarde)


def _periode(klasse: str, begin_veld: str, begin: date, eind_veld: str, eind: date | None) -> None:
    if eind is not None and eind < begin:
        raise _fout(klasse, eind_veld, f"mag niet voor {begin_veld} ({begin.isoformat()}) liggen", eind)


def _bedrag(klasse: str, veld: str, waarde: object, leeg: bool = False) -> None:
    if waarde is None and leeg:
        return
    if not isinstance(waarde, Decimal) or not waarde.is_finite():
        raise _fout(klasse, veld, "moet een Decimal zijn (nooit float)", waarde)
    if waarde < 0:
        raise _fout(klasse, veld, "mag niet negatief zijn; het teken staat in debet_credit", waarde)
    if waarde != waarde.quantize(_CENT):
        raise _fout(klasse, veld, "heeft hoogstens twee decimalen (centen)", waarde)


def _geheel(klasse: str, veld: str, waarde: object, leeg: bool = False, minimum: int = 0) -> None:
    if waarde is None and leeg:
        return
    if not isinstance(waarde, int) or isinstance(waarde, bool) or not minimum <= waarde <= _MAX_VOLUME:
        raise _fout(klasse, veld, f"moet een geheel getal van {minimum} tot en met {_MAX_VOLUME} zijn", waarde)


def _dc(klasse: str, veld: str, waarde: object) -> None:
    if waarde not in (DEBET, CREDIT):
        raise _fout(klasse, veld, "moet 'D' (debet) of 'C' (credit) zijn", waarde)


# Whole-column versions of some field checks for `Prestatie.veel_uit_kolommen` (thousands of distinct
# reference numbers, BSNs and amounts per claim). Each answers True only when every value would pass the
# field's own check; False sends the column through that check value by value (which raises).
def _teksten(kolom, max_lengte: int, leeg: bool = False) -> bool:
    if leeg:
        kolom = [w for w in kolom if w is not None]
        if not kolom:
            return True
    return set(map(type, kolom)) == {str} and min(map(len, kolom)) >= 1 and max(map(len, kolom)) <= max_lengte


def _cijferteksten(kolom, min_lengte: int, max_lengte: int) -> bool:
    """Every value a text of ASCII digits (what `[0-9]` means) of min_lengte to max_lengte characters."""
    if not _teksten(kolom, max_lengte) or min(map(len, kolom)) < min_lengte:
        return False
    cijfers = "".join(kolom)
    return cijfers.isascii() and cijfers.isdigit()


_BEDRAGEN = re.compile(r"[0-9]{1,20}(?:\.[0-9]{1,2})?(?:<[0-9]{1,20}(?:\.[0-9]{1,2})?)*")


def _bedragen(kolom, leeg: bool = False) -> bool:
    """Plain notation, no sign, at most two decimals and 22 digits: finite, >= 0 and whole cents."""
    waarden = dict(zip(map(id, kolom), kolom, strict=True)).values()
    if leeg:
        waarden = [w for w in waarden if w is not None]
        if not waarden:
            return True
    return set(map(type, waarden)) == {Decimal} and _BEDRAGEN.fullmatch("<".join(map(str, waarden))) is not None
