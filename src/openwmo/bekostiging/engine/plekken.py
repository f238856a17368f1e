"""Plekken (places): how many trajectories one place serves per year, and places needed for a demand.

Rules (Noord-Limburg: "trajectories can be turned into places"):

- one place serves ``12 / average duration in months`` trajectories per year (a place of
  3-month trajectories serves 4 clients a year; shorter trajectories serve more clients);
- the places needed for a demand are the place-months needed divided by 12:
  ``Σ (trajectories per year × duration in months) / 12``. For a mix of durations this is the
  same as ``total trajectories / (12 / weighted average duration)``;
- the exact figure is a Fraction (12/7 has no finite decimal); ``plekken`` rounds the *total*
  up to whole places. Rounding per duration would over-count; call the function per care form
  when places cannot be shared between care forms.

It assumes a place is filled all year, with no gap between one client and the next.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .money import as_non_negative, to_fraction


@dataclass(frozen=True)
class Trajectvraag:
    """Demand: ``aantal_per_jaar`` trajectories per year of ``duur_maanden`` months each."""

    aantal_per_jaar: Decimal | int
    duur_maanden: Decimal | int

    def __post_init__(self) -> None:
        as_non_negative(self.aantal_per_jaar, "Trajectvraag.aantal_per_jaar")
        if as_non_negative(self.duur_maanden, "Trajectvraag.duur_maanden") == 0:
            raise ValueError("Trajectvraag.duur_maanden: a trajectory lasts more than 0 months")


@dataclass(frozen=True)
class Plekkenbehoefte:
    """Places needed: ``exact`` (a Fraction), ``plekken`` (rounded up), and the weighted mean duration."""

    exact: Fraction
    plekken: int
    trajecten_per_jaar: Fraction
    gemiddelde_duur_maanden: Fraction | None


def trajectories_per_place(duur_maanden: Decimal | int | Fraction) -> Fraction:
    """Trajectories one place serves per year: 12 / duration in months (exact)."""
    duration = to_fraction(as_non_negative(duur_maanden, "duur_maanden"))
    if duration == 0:
        raise ValueError("duur_maanden: a trajectory lasts more than 0 months")
    return Fraction(12) / duration


def places_needed(vraag: Sequence[Trajectvraag]) -> Plekkenbehoefte:
    """Places needed for a mix of trajectory demand; see the module rules.

    Example: 30 × 3 months + 20 × 6 months + 10 × 12 months = 330 place-months → 27.5 → 28 places.
    """
    place_months = sum((to_fraction(v.aantal_per_jaar) * to_fraction(v.duur_maanden) for v in vraag), Fraction(0))
    count = sum((to_fraction(v.aantal_per_jaar) for v in vraag), Fraction(0))
    exact = place_months / 12
    return Plekkenbehoefte(
        exact=exact,
        plekken=math.ceil(exact),
        trajecten_per_jaar=count,
        gemiddelde_duur_maanden=place_months / count if count else None,
    )
