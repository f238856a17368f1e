"""Input facts for the claim checks: frozen dataclasses that validate their own shape.

A `ValueError` here means the value could not come from a schema-valid WMO323 or a consistent database
row (wrong type, pattern, code list value, more than two decimals, end before begin). Rules that a
schema-valid message can still break (CD/CS/TR at XSLT level) are not checked here but in
`technisch.py`, which answers them with retourcode 0001.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import repeat

from openwmo.catalogus.codelijsten import EENHEID, FREQUENTIE, PRODUCTCATEGORIE, REDEN_WIJZIGING

from .veldregels import (
    _ALFANUM,
    _NUMMER,
    CREDIT,
    DEBET,
    _bedrag,
    _bedragen,
    _cijfers,
    _cijferteksten,
    _code,
    _datum,
    _dc,
    _fout,
    _geheel,
    _periode,
    _tekst,
    _teksten,
)

GOEDGEKEURD = "goedgekeurd"
AFGEKEURD = "afgekeurd"


def uit_eigen_gegevens(klasse, *waarden):
    """Build a fact from the system's own stored rows without the per-field shape checks.

    Only for rows the database gives back (allocations, earlier lines): they were validated when written
    and are constrained by the schema; checking every field again per row was a tenth of a claim's time.
    Values must be in field order and complete; input from outside (messages, CSV, API) always goes
    through the validating constructor. `eigen_bouwer(klasse)` gives the same function without the lookup.
    """
    return eigen_bouwer(klasse)(*waarden)


_BOUWERS: dict[type, object] = {}


def eigen_bouwer(klasse):
    """`uit_eigen_gegevens` for one class: a function generated once per class that takes exactly the
    fields in order and sets each slot through its own descriptor (a third of the generic loop's cost)."""
    bouw = _BOUWERS.get(klasse)
    if bouw is None:
        namen = klasse.__slots__
        if not all(n.isidentifier() and not n.startswith("_") for n in namen):
            raise TypeError(f"{klasse.__name__}: veldnamen zijn geen gewone namen")
        regels = [f"def bouw({', '.join(namen)}):", "    feit = nieuw(klasse)"]
        regels += [f"    zet_{i}(feit, {naam})" for i, naam in enumerate(namen)]
        regels.append("    return feit")
        ruimte = {"nieuw": object.__new__, "klasse": klasse}
        ruimte.update({f"zet_{i}": klasse.__dict__[naam].__set__ for i, naam in enumerate(namen)})
        exec("\n".join(regels), ruimte)  # noqa: S102 (source built from the class's own slot names only)
        bouw = _BOUWERS[klasse] = ruimte["bouw"]
    return bouw


@dataclass(frozen=True, slots=True)
class ToewijzingFeit:
    """One allocated product (WMO301 ToegewezenProduct) as currently valid.

    productcategorie/productcode are None for aspecific (no code) and generic (neither) allocations;
    eenheid/frequentie/volume are None when the allocation has no Omvang (budget or aspecific).
    `gestarte_zorg` holds the care periods reported by 305/307 as (begindatum, einddatum or None).
    """

    toewijzingsnummer: str
    bsn: str
    productcategorie: str | None
    productcode: str | None
    aanbieder_agb: str
    gemeente_cbs: str
    ingangsdatum: date
    einddatum: date | None
    volume: int | None
    eenheid: str | None
    frequentie: str | None
    budget: Decimal | None = None
    reden_wijziging: str | None = None
    gestarte_zorg: tuple[tuple[date, date | None], ...] = ()

    def __post_init__(self) -> None:
        k = "ToewijzingFeit"
        _tekst(k, "toewijzingsnummer", self.toewijzingsnummer, 9, _NUMMER)
        _cijfers(k, "bsn", self.bsn, 9)
        _code(k, "productcategorie", self.productcategorie, PRODUCTCATEGORIE, "WMO020", leeg=True)
        if self.productcode is not None:
            _tekst(k, "productcode", self.productcode, 5)
        _cijfers(k, "aanbieder_agb", self.aanbieder_agb, 8)
        _cijfers(k, "gemeente_cbs", self.gemeente_cbs, 4)
        _datum(k, "ingangsdatum", self.ingangsdatum)
        _datum(k, "einddatum", self.einddatum, leeg=True)
        _periode(k, "ingangsdatum", self.ingangsdatum, "einddatum", self.einddatum)
        _geheel(k, "volume", self.volume, leeg=True)
        _code(k, "eenheid", self.eenheid, EENHEID, "WJ756", leeg=True)
        _code(k, "frequentie", self.frequentie, FREQUENTIE, "WMO757", leeg=True)
        if (self.volume is None) != (self.frequentie is None) or (self.volume is None) != (self.eenheid is None):
            raise _fout(
                k,
                "volume",
                "volume, eenheid en frequentie zijn samen gevuld of samen leeg (Omvang)",
                (self.volume, self.eenheid, self.frequentie),
            )
        _bedrag(k, "budget", self.budget, leeg=True)
        _code(k, "reden_wijziging", self.reden_wijziging, REDEN_WIJZIGING, "WMO002", leeg=True)
        if not isinstance(self.gestarte_zorg, tuple):
            object.__setattr__(self, "gestarte_zorg", tuple(self.gestarte_zorg))
        for begin, eind in self.gestarte_zorg:
            _datum(k, "gestarte_zorg", begin)
            _datum(k, "gestarte_zorg", eind, leeg=True)
            _periode(k, "gestarte_zorg begin", begin, "gestarte_zorg eind", eind)


@dataclass(frozen=True, slots=True)
class TariefFeit:
    """Contract tariff of a provider for a product in a period (per `eenheid`)."""

    aanbieder_agb: str
    productcode: str
    ingangsdatum: date
    einddatum: date | None
    bedrag: Decimal
    eenheid: str

    def __post_init__(self) -> None:
        k = "TariefFeit"
        _cijfers(k, "aanbieder_agb", self.aanbieder_agb, 8)
        _tekst(k, "productcode", self.productcode, 5)
        _datum(k, "ingangsdatum", self.ingangsdatum)
        _datum(k, "einddatum", self.einddatum, leeg=True)
        _periode(k, "ingangsdatum", self.ingangsdatum, "einddatum", self.einddatum)
        _bedrag(k, "bedrag", self.bedrag)
        _code(k, "eenheid", self.eenheid, EENHEID, "WJ756")


@dataclass(frozen=True, slots=True)
class Prestatie:
    """One claim line (WMO323 Prestatie). Amounts are euros; `debet_credit` carries the sign."""

    referentienummer: str
    toewijzingsnummer: str
    bsn: str
    productcategorie: str
    productcode: str
    begindatum: date
    einddatum: date
    geleverd_volume: int
    eenheid: str
    producttarief: Decimal | None
    ingediend_bedrag: Decimal
    debet_credit: str = DEBET
    vorige_referentienummer: str | None = None

    def __post_init__(self) -> None:
        for controle, waarde in zip(_PRESTATIE_VELDEN, (getattr(self, n) for n in self.__slots__), strict=True):
            controle(waarde)
        _periode("Prestatie", "begindatum", self.begindatum, "einddatum", self.einddatum)

    @classmethod
    def veel(cls, rijen) -> tuple[Prestatie, ...]:
        """Many lines at once, from tuples in field order, with exactly the checks of the constructor —
        but each *distinct* value of a field is checked once (the lines of a claim repeat their dates,
        codes, tariffs and amounts), and the period of every row. Raises the same `ValueError`s."""
        rijen = rijen if isinstance(rijen, list | tuple) else list(rijen)
        if not rijen:
            return ()
        try:
            kolommen = list(zip(*rijen, strict=True))
        except (ValueError, TypeError):
            kolommen = []
        if len(kolommen) != len(_PRESTATIE_VELDEN):
            return tuple(cls(*rij) for rij in rijen)  # raises the constructor's own error
        return cls.veel_uit_kolommen(kolommen)

    @classmethod
    def veel_uit_kolommen(cls, kolommen) -> tuple[Prestatie, ...]:
        """`veel` from columns: one sequence per field, in field order, all of the same length (the
        claim reader has its values in columns). Same checks, same errors, same objects."""
        kolommen = [k if isinstance(k, list | tuple) else list(k) for k in kolommen]
        if len(kolommen) != len(_PRESTATIE_VELDEN) or len({len(k) for k in kolommen}) != 1:
            raise TypeError("Prestatie.veel_uit_kolommen: één kolom per veld, alle even lang")
        n = len(kolommen[0])
        if not n:
            return ()
        try:
            for controle, in_een_keer, kolom in zip(_PRESTATIE_VELDEN, _PRESTATIE_KOLOMMEN, kolommen, strict=True):
                if in_een_keer is not None and in_een_keer(kolom):
                    continue  # the whole column passes the field's check (else: value by value, below)
                soorten = set(map(type, kolom))
                if Decimal in soorten:  # Decimal("1.000") == Decimal("1.00"): check every distinct object
                    waarden = dict(zip(map(id, kolom), kolom, strict=True)).values()
                elif len(soorten) == 1:
                    waarden = set(kolom)
                else:  # the type in the key keeps True apart from 1
                    waarden = [w for _, w in set(zip(map(type, kolom), kolom, strict=True))]
                for waarde in waarden:
                    controle(waarde)
            for begin, eind in set(zip(kolommen[5], kolommen[6], strict=True)):
                _periode("Prestatie", "begindatum", begin, "einddatum", eind)
        except (ValueError, TypeError):
            # raises the constructor's own error for the first bad row
            return tuple(cls(*rij) for rij in zip(*kolommen, strict=True))
        # Column by column through the slots' own setters (a frozen dataclass refuses plain setattr).
        uitkomst = list(map(object.__new__, repeat(cls, n)))
        for zet, kolom in zip(_PRESTATIE_ZETTERS, kolommen, strict=True):
            deque(map(zet, uitkomst, kolom), 0)
        return tuple(uitkomst)

    @property
    def sleutel(self) -> tuple[str, str, str, date, date]:
        """TR389/TR416 key: ToewijzingNummer, category, code and ProductPeriode."""
        return (
            self.toewijzingsnummer,
            self.productcategorie,
            self.productcode,
            self.begindatum,
            self.einddatum,
        )

    @property
    def bedrag_met_teken(self) -> Decimal:
        return self.ingediend_bedrag if self.debet_credit == DEBET else -self.ingediend_bedrag


def _p(controle, veld: str, *args, **kwargs):
    return lambda waarde: controle("Prestatie", veld, waarde, *args, **kwargs)


_BEDRAG_KOLOMMEN = (9, 10)
# One check per Prestatie field, in field order (used by the constructor and by `Prestatie.veel`).
_PRESTATIE_VELDEN = (
    _p(_tekst, "referentienummer", 20),
    _p(_tekst, "toewijzingsnummer", 9, _NUMMER),
    _p(_cijfers, "bsn", 9),
    _p(_code, "productcategorie", PRODUCTCATEGORIE, "WMO020"),
    _p(_tekst, "productcode", 5),
    _p(_datum, "begindatum"),
    _p(_datum, "einddatum"),
    _p(_geheel, "geleverd_volume"),
    _p(_code, "eenheid", EENHEID, "WJ756"),
    _p(_bedrag, "producttarief", leeg=True),
    _p(_bedrag, "ingediend_bedrag"),
    _p(_dc, "debet_credit"),
    lambda waarde: None if waarde is None else _tekst("Prestatie", "vorige_referentienummer", waarde, 20),
)
_PRESTATIE_ZETTERS = tuple(Prestatie.__dict__[naam].__set__ for naam in Prestatie.__slots__)


_PRESTATIE_KOLOMMEN = (
    lambda kolom: _teksten(kolom, 20),
    lambda kolom: _cijferteksten(kolom, 1, 9),  # _NUMMER
    lambda kolom: _cijferteksten(kolom, 9, 9),
    None,
    None,
    None,
    None,
    None,
    None,
    lambda kolom: _bedragen(kolom, leeg=True),
    _bedragen,
    None,
    lambda kolom: _teksten(kolom, 20, leeg=True),
)


@dataclass(frozen=True, slots=True)
class EerderePrestatie:
    """A line from an earlier 323 of the same provider, with the outcome of its check.

    Beyond the brief's fields it carries `aanbieder_agb` (ReferentieNummer is unique per provider),
    `productcategorie` (part of the TR389 key), `eenheid` (hours and minutes are summed on one
    scale) and `vorige_referentienummer` (which debet a credit cancelled).
    """

    referentienummer: str
    toewijzingsnummer: str
    productcode: str
    begindatum: date
    einddatum: date
    volume: int
    bedrag: Decimal
    debet_credit: str
    status: str
    aanbieder_agb: str
    productcategorie: str
    eenheid: str
    vorige_referentienummer: str | None = None

    def __post_init__(self) -> None:
        k = "EerderePrestatie"
        _tekst(k, "referentienummer", self.referentienummer, 20)
        _tekst(k, "toewijzingsnummer", self.toewijzingsnummer, 9, _NUMMER)
        _tekst(k, "productcode", self.productcode, 5)
        _datum(k, "begindatum", self.begindatum)
        _datum(k, "einddatum", self.einddatum)
        _periode(k, "begindatum", self.begindatum, "einddatum", self.einddatum)
        _geheel(k, "volume", self.volume)
        _bedrag(k, "bedrag", self.bedrag)
        _dc(k, "debet_credit", self.debet_credit)
        if self.status not in (GOEDGEKEURD, AFGEKEURD):
            raise _fout(k, "status", f"moet '{GOEDGEKEURD}' of '{AFGEKEURD}' zijn", self.status)
        _cijfers(k, "aanbieder_agb", self.aanbieder_agb, 8)
        _code(k, "productcategorie", self.productcategorie, PRODUCTCATEGORIE, "WMO020")
        _code(k, "eenheid", self.eenheid, EENHEID, "WJ756")
        if self.debet_credit == CREDIT and self.vorige_referentienummer is None:
            raise _fout(k, "vorige_referentienummer", "is verplicht bij een creditprestatie", None)

    @property
    def sleutel(self) -> tuple[str, str, str, date, date]:
        return (
            self.toewijzingsnummer,
            self.productcategorie,
            self.productcode,
            self.begindatum,
            self.einddatum,
        )


@dataclass(frozen=True, slots=True)
class Declaratie:
    """WMO323 Declaratie header with its lines (flattened over clients; each line carries its BSN)."""

    declaratienummer: str
    aanbieder_agb: str
    gemeente_cbs: str
    periode_begindatum: date
    periode_einddatum: date
    totaal_ingediend_bedrag: Decimal
    totaal_debet_credit: str
    prestaties: tuple[Prestatie, ...] = field(default=())

    def __post_init__(self) -> None:
        k = "Declaratie"
        _tekst(k, "declaratienummer", self.declaratienummer, 12, _ALFANUM)
        _cijfers(k, "aanbieder_agb", self.aanbieder_agb, 8)
        _cijfers(k, "gemeente_cbs", self.gemeente_cbs, 4)
        _datum(k, "periode_begindatum", self.periode_begindatum)
        _datum(k, "periode_einddatum", self.periode_einddatum)
        _periode(k, "periode_begindatum", self.periode_begindatum, "periode_einddatum", self.periode_einddatum)
        _bedrag(k, "totaal_ingediend_bedrag", self.totaal_ingediend_bedrag)
        _dc(k, "totaal_debet_credit", self.totaal_debet_credit)
        if not isinstance(self.prestaties, tuple):
            object.__setattr__(self, "prestaties", tuple(self.prestaties))
        for p in self.prestaties:
            if not isinstance(p, Prestatie):
                raise _fout(k, "prestaties", "bevat alleen Prestatie-objecten", p)

    @property
    def totaal_met_teken(self) -> Decimal:
        t = self.totaal_ingediend_bedrag
        return t if self.totaal_debet_credit == DEBET else -t
