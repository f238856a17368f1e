"""The shape every report shares: a scope (municipalities + filters), a table, and a registry by name."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from openwmo.core.models import Gemeente


@dataclass(frozen=True)
class Scope:
    """Which municipalities a report covers, for which moment or period, optionally narrowed down.

    `peildatum` is the reference date of counts; `van`/`tot` the period of flows and spend. The
    filters (district, product, provider, segment = voorzieningsoort.soort) narrow the allocations
    every table counts; tables that do not count allocations (grants) ignore them.
    """

    gemeenten: tuple[Gemeente, ...]
    peildatum: date | None = None
    van: date | None = None
    tot: date | None = None
    wijk: object | None = None
    product: object | None = None
    aanbieder: object | None = None
    segment: str = ""

    @property
    def omschrijving(self) -> str:
        delen = [", ".join(g.naam for g in self.gemeenten)]
        for filter_ in (self.wijk, self.product, self.aanbieder):
            if filter_ is not None:
                delen.append(getattr(filter_, "naam", str(filter_)))
        if self.segment:
            delen.append(self.segment.replace("_", " "))
        return " – ".join(delen)

    @property
    def jaar(self) -> int:
        """The year of the period, else of the reference date, else this year."""
        for dag in (self.van, self.peildatum):
            if dag:
                return dag.year
        return date.today().year

    @property
    def periode(self) -> tuple[date, date]:
        """(van, tot) with the calendar year of `jaar` filling in what is missing."""
        return self.van or date(self.jaar, 1, 1), self.tot or date(self.jaar, 12, 31)

    def toewijzing_q(self, prefix: str = "") -> Q:
        """The filter on Toewijzing (or, with `prefix`, on a relation to it) this scope stands for."""
        q = Q(**{f"{prefix}gemeente__in": [g.pk for g in self.gemeenten]})
        if self.wijk is not None:
            q &= Q(**{f"{prefix}client__wijk": self.wijk})
        if self.product is not None:
            q &= Q(**{f"{prefix}product": self.product})
        if self.aanbieder is not None:
            q &= Q(**{f"{prefix}aanbieder": self.aanbieder})
        if self.segment:
            q &= Q(**{f"{prefix}product__voorzieningsoort__soort": self.segment})
        return q

    def dossier_q(self, toewijzing: str = "toewijzing__") -> Q:
        """The filter on a case record with its own `gemeente` and `client` (an evaluation, a decision) that
        refers to an allocation through `toewijzing`: district by the client, product, provider and segment
        by the allocation (records without one drop out when one of those filters is set)."""
        q = Q(gemeente__in=[g.pk for g in self.gemeenten])
        if self.wijk is not None:
            q &= Q(client__wijk=self.wijk)
        if self.product is not None:
            q &= Q(**{f"{toewijzing}product": self.product})
        if self.aanbieder is not None:
            q &= Q(**{f"{toewijzing}aanbieder": self.aanbieder})
        if self.segment:
            q &= Q(**{f"{toewijzing}product__voorzieningsoort__soort": self.segment})
        return q


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
    bereken: Callable[[Scope], Tabel]  # straight from the records

    def maak(self, scope: Scope) -> Tabel:
        """The table for the scope: stored if the records have not changed since it was computed."""
        from ..stand import bewaard

        return bewaard(f"rapport:{self.naam}", scope, self.bereken)


RAPPORTEN: dict[str, Rapport] = {}


def rapport(naam: str, titel: str, bron: str):
    """Register a table function under `naam` (used by `openwmo report` and the dashboards)."""

    def registreer(functie: Callable[[Scope], Tabel]) -> Callable[[Scope], Tabel]:
        RAPPORTEN[naam] = Rapport(naam=naam, titel=titel, bron=bron, bereken=functie)
        return functie

    return registreer
