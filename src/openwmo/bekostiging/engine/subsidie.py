"""Subsidie: lump sums (grants) per organisation per year, and their totals.

A grant is a fixed amount per organisation per year (Zoetermeer, Tabel 3: 12 welfare
organisations, €6,068,505 in 2017). There is no client-level price; the engine only adds up,
exactly, per year and per organisation. Several grants to one organisation in one year (e.g. a
base grant and a project grant) are summed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .money import as_money


@dataclass(frozen=True)
class Subsidie:
    """One grant: ``bedrag`` to ``organisatie`` for ``jaar``."""

    organisatie: str
    jaar: int
    bedrag: Decimal
    omschrijving: str = ""

    def __post_init__(self) -> None:
        if not self.organisatie:
            raise ValueError("Subsidie.organisatie: a grant needs an organisation")
        as_money(self.bedrag, f"Subsidie.bedrag of {self.organisatie} {self.jaar}")


@dataclass(frozen=True)
class SubsidieTotaal:
    """A year's total and the amount per organisation (largest first, then by name)."""

    jaar: int
    totaal: Decimal
    per_organisatie: tuple[tuple[str, Decimal], ...]


def totals_per_year(subsidies: Iterable[Subsidie]) -> tuple[SubsidieTotaal, ...]:
    """Total grants per year (ascending) with the amount per organisation."""
    by_year: dict[int, dict[str, Decimal]] = {}
    for grant in subsidies:
        year = by_year.setdefault(grant.jaar, {})
        year[grant.organisatie] = year.get(grant.organisatie, Decimal("0.00")) + as_money(
            grant.bedrag, "Subsidie.bedrag"
        )
    result = []
    for jaar in sorted(by_year):
        per_org = sorted(by_year[jaar].items(), key=lambda item: (-item[1], item[0]))
        result.append(SubsidieTotaal(jaar, sum((a for _, a in per_org), Decimal("0.00")), tuple(per_org)))
    return tuple(result)
