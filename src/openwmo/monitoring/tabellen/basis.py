"""The shape every report shares: a scope (municipalities), a table, and a registry by name."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from openwmo.core.models import Gemeente


@dataclass(frozen=True)
class Scope:
    """Which municipalities a report covers and for which moment or period."""

    gemeenten: tuple[Gemeente, ...]
    peildatum: date | None = None
    van: date | None = None
    tot: date | None = None

    @property
    def omschrijving(self) -> str:
        return ", ".join(g.naam for g in self.gemeenten)


@dataclass
class Tabel:
    titel: str
    kolommen: list[str]
    rijen: list[list] = field(default_factory=list)
    toelichting: str = ""

    def als_dicts(self) -> list[dict]:
        return [dict(zip(self.kolommen, rij, strict=True)) for rij in self.rijen]


@dataclass(frozen=True)
class Rapport:
    naam: str
    titel: str
    bron: str
    maak: Callable[[Scope], Tabel]


RAPPORTEN: dict[str, Rapport] = {}


def rapport(naam: str, titel: str, bron: str):
    """Register a table function under `naam` (used by `openwmo report` and the dashboards)."""

    def registreer(functie: Callable[[Scope], Tabel]) -> Callable[[Scope], Tabel]:
        RAPPORTEN[naam] = Rapport(naam=naam, titel=titel, bron=bron, maak=functie)
        return functie

    return registreer
