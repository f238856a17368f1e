"""Eigen bijdrage: does the abonnementstarief apply, and how much is due for a period. Pure Python.

Policy (Zoetermeer, seeds/003 "Eigen bijdrage"): a contribution is charged when there is a lasting
care relationship ("duurzame hulpverleningsrelatie") — individual support at home or on location,
group support or day activities that at the start are expected to last *longer than* 6 months — and
for provisions the municipality configures as "always contribution". No contribution for walk-in
(laagdrempelige inloop), preventive activities, short questions (fewer than 5 contact moments) and
information & advice. Group activities (yoga, cooking together) may ask a cost contribution, but that is
outside the abonnementstarief and collected by the consortium, so it is "no" here.

The tariff table is input (values per year in the database), never a constant here. Amounts: the
abonnementstarief is charged in full for every billing term (month, 4 weeks or year, as that year's
table says) in which at least one applicable provision is active, once per client — no proration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from openwmo.declaraties.checks.periode import overlapt, plus_maanden

ZES_MAANDEN = 6
MIN_CONTACTMOMENTEN = 5
_CENT = Decimal("0.01")


class VoorzieningSoort(StrEnum):
    INDIVIDUELE_ONDERSTEUNING_THUIS = "individuele_ondersteuning_thuis"
    INDIVIDUELE_ONDERSTEUNING_OP_LOCATIE = "individuele_ondersteuning_op_locatie"
    GROEPSONDERSTEUNING = "groepsondersteuning"
    DAGBESTEDING = "dagbesteding"
    LAAGDREMPELIGE_INLOOP = "laagdrempelige_inloop"
    PREVENTIEVE_ACTIVITEIT = "preventieve_activiteit"
    INFORMATIE_EN_ADVIES = "informatie_en_advies"
    GROEPSACTIVITEIT = "groepsactiviteit"
    OVERIG = "overig"


DUURZAME_SOORTEN = frozenset(
    {
        VoorzieningSoort.INDIVIDUELE_ONDERSTEUNING_THUIS,
        VoorzieningSoort.INDIVIDUELE_ONDERSTEUNING_OP_LOCATIE,
        VoorzieningSoort.GROEPSONDERSTEUNING,
        VoorzieningSoort.DAGBESTEDING,
    }
)
_GEEN_RELATIE = ": geen duurzame hulpverleningsrelatie, geen eigen bijdrage."
UITGESLOTEN_SOORTEN = {
    VoorzieningSoort.LAAGDREMPELIGE_INLOOP: "Laagdrempelige inloop" + _GEEN_RELATIE,
    VoorzieningSoort.PREVENTIEVE_ACTIVITEIT: "Preventieve activiteit" + _GEEN_RELATIE,
    VoorzieningSoort.INFORMATIE_EN_ADVIES: "Informatie en advies" + _GEEN_RELATIE,
    VoorzieningSoort.GROEPSACTIVITEIT: "Groepsactiviteit: hooguit een bijdrage in de kosten, geïnd door het "
    "samenwerkingsverband; valt niet onder het abonnementstarief.",
}


class Tijdvak(StrEnum):
    MAAND = "maand"
    VIER_WEKEN = "4 weken"
    JAAR = "jaar"


def _datum(veld: str, waarde: object, leeg: bool = False) -> None:
    if waarde is None and leeg:
        return
    if not isinstance(waarde, date) or isinstance(waarde, datetime):
        raise ValueError(f"{veld}: moet een datum (datetime.date) zijn (gekregen: {waarde!r})")


def _geheel(veld: str, waarde: object) -> None:
    if waarde is not None and (not isinstance(waarde, int) or isinstance(waarde, bool) or waarde < 0):
        raise ValueError(f"{veld}: moet leeg of een geheel getal >= 0 zijn (gekregen: {waarde!r})")


@dataclass(frozen=True, slots=True)
class Voorziening:
    """A provision for one client. `einddatum` None = open end; `verwachte_duur_maanden` is the
    expectation at the start and, when given, wins over the dates for the 6-month rule."""

    soort: VoorzieningSoort
    startdatum: date
    einddatum: date | None = None
    verwachte_duur_maanden: int | None = None
    aantal_contactmomenten: int | None = None
    altijd_bijdrage: bool = False

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "soort", VoorzieningSoort(self.soort))
        except ValueError:
            keuzes = ", ".join(s.value for s in VoorzieningSoort)
            raise ValueError(f"Voorziening.soort: moet een van {keuzes} zijn (gekregen: {self.soort!r})") from None
        _datum("Voorziening.startdatum", self.startdatum)
        _datum("Voorziening.einddatum", self.einddatum, leeg=True)
        if self.einddatum is not None and self.einddatum < self.startdatum:
            raise ValueError(f"Voorziening.einddatum: mag niet voor de startdatum liggen (gekregen: {self.einddatum})")
        _geheel("Voorziening.verwachte_duur_maanden", self.verwachte_duur_maanden)
        _geheel("Voorziening.aantal_contactmomenten", self.aantal_contactmomenten)
        if not isinstance(self.altijd_bijdrage, bool):
            raise ValueError(
                f"Voorziening.altijd_bijdrage: moet True of False zijn (gekregen: {self.altijd_bijdrage!r})"
            )


@dataclass(frozen=True, slots=True)
class Abonnementstarief:
    """The abonnementstarief of one calendar year: an amount per month, per 4 weeks or per year."""

    jaar: int
    bedrag: Decimal
    tijdvak: Tijdvak

    def __post_init__(self) -> None:
        if not isinstance(self.jaar, int) or isinstance(self.jaar, bool) or not 2000 <= self.jaar <= 2100:
            raise ValueError(f"Abonnementstarief.jaar: moet een jaartal zijn (gekregen: {self.jaar!r})")
        b = self.bedrag
        if not isinstance(b, Decimal) or not b.is_finite() or b < 0 or b != b.quantize(_CENT):
            raise ValueError(
                f"Abonnementstarief.bedrag: moet een Decimal >= 0 met hoogstens twee decimalen zijn (gekregen: {b!r})"
            )
        try:
            object.__setattr__(self, "tijdvak", Tijdvak(self.tijdvak))
        except ValueError:
            raise ValueError(
                f"Abonnementstarief.tijdvak: moet 'maand', '4 weken' of 'jaar' zijn (gekregen: {self.tijdvak!r})"
            ) from None


class TariefTabel:
    """The abonnementstarief per year (input, from the database)."""

    __slots__ = ("_per_jaar",)

    def __init__(self, tarieven: Iterable[Abonnementstarief]) -> None:
        self._per_jaar: dict[int, Abonnementstarief] = {}
        for t in tarieven:
            if not isinstance(t, Abonnementstarief):
                raise ValueError(f"TariefTabel: verwacht Abonnementstarief, gekregen {t!r}")
            if t.jaar in self._per_jaar:
                raise ValueError(f"TariefTabel: jaar {t.jaar} komt twee keer voor")
            self._per_jaar[t.jaar] = t

    def voor_jaar(self, jaar: int) -> Abonnementstarief:
        try:
            return self._per_jaar[jaar]
        except KeyError:
            raise ValueError(f"TariefTabel: geen abonnementstarief voor {jaar}") from None


@dataclass(frozen=True, slots=True)
class Beoordeling:
    van_toepassing: bool
    reden: str


@dataclass(frozen=True, slots=True)
class Termijn:
    """One billing term and the abonnementstarief charged for it."""

    begindatum: date
    einddatum: date
    bedrag: Decimal
    tijdvak: Tijdvak


@dataclass(frozen=True, slots=True)
class Verschuldigd:
    bedrag: Decimal
    termijnen: tuple[Termijn, ...]


def langer_dan_zes_maanden(v: Voorziening) -> bool:
    """Expected at the start to last over 6 months: duration in months > 6, else end date beyond start + 6
    months ([1 Jan, 30 Jun] is exactly 6 months → False; [1 Jan, 1 Jul] → True); open end → True."""
    if v.verwachte_duur_maanden is not None:
        return v.verwachte_duur_maanden > ZES_MAANDEN
    if v.einddatum is None:
        return True
    return v.einddatum >= plus_maanden(v.startdatum, ZES_MAANDEN)


def beoordeel(v: Voorziening) -> Beoordeling:
    """Whether the abonnementstarief applies to this provision, with the Dutch reason."""
    if v.altijd_bijdrage:
        return Beoordeling(
            True,
            "De gemeente heeft deze voorziening ingesteld als 'altijd eigen bijdrage': "
            "abonnementstarief van toepassing.",
        )
    if v.soort in UITGESLOTEN_SOORTEN:
        return Beoordeling(False, UITGESLOTEN_SOORTEN[v.soort])
    if v.aantal_contactmomenten is not None and v.aantal_contactmomenten < MIN_CONTACTMOMENTEN:
        return Beoordeling(
            False,
            f"Kortdurende hulpvraag ({v.aantal_contactmomenten} contactmomenten, minder dan "
            f"{MIN_CONTACTMOMENTEN}): geen eigen bijdrage.",
        )
    if v.soort in DUURZAME_SOORTEN:
        if langer_dan_zes_maanden(v):
            return Beoordeling(
                True,
                "Duurzame hulpverleningsrelatie: naar verwachting bij de start langer dan "
                "6 maanden; abonnementstarief van toepassing.",
            )
        return Beoordeling(
            False,
            "Naar verwachting bij de start niet langer dan 6 maanden: geen duurzame "
            "hulpverleningsrelatie, geen eigen bijdrage.",
        )
    return Beoordeling(
        False,
        "Geen duurzame hulpverleningsrelatie en niet ingesteld als 'altijd eigen bijdrage': geen eigen bijdrage.",
    )


def termijnen_in_jaar(jaar: int, tijdvak: Tijdvak) -> list[tuple[date, date]]:
    """Billing terms of a year: 12 months; 13 terms of 4 weeks from 1 January (the 13th runs to 31
    December, 29 or 30 days); or the whole year."""
    if tijdvak is Tijdvak.JAAR:
        return [(date(jaar, 1, 1), date(jaar, 12, 31))]
    if tijdvak is Tijdvak.MAAND:
        starts = [date(jaar, m, 1) for m in range(1, 13)]
        return [(s, plus_maanden(s, 1) - timedelta(days=1)) for s in starts]
    starts = [date(jaar, 1, 1) + timedelta(days=28 * k) for k in range(13)]
    return [(s, s + timedelta(days=27) if k < 12 else date(jaar, 12, 31)) for k, s in enumerate(starts)]


def verschuldigd(
    voorzieningen: Iterable[Voorziening], begindatum: date, einddatum: date, tabel: TariefTabel
) -> Verschuldigd:
    """The abonnementstarief due by one client for [begindatum, einddatum].

    A term counts when it *starts* inside the requested period (so consecutive requests never count a
    term twice) and at least one provision to which the tariff applies is active on a day of that term.
    The full term amount is charged once per client, however many provisions apply.
    """
    _datum("begindatum", begindatum)
    _datum("einddatum", einddatum)
    if einddatum < begindatum:
        raise ValueError(f"einddatum: mag niet voor begindatum liggen (gekregen: {einddatum})")
    actief = [(v.startdatum, v.einddatum) for v in voorzieningen if beoordeel(v).van_toepassing]
    termijnen: list[Termijn] = []
    if actief:  # the table must hold every year of the period; without applicable provisions it is not read
        for jaar in range(begindatum.year, einddatum.year + 1):
            tarief = tabel.voor_jaar(jaar)
            for t_begin, t_eind in termijnen_in_jaar(jaar, tarief.tijdvak):
                if begindatum <= t_begin <= einddatum and any(overlapt(s, e, t_begin, t_eind) for s, e in actief):
                    termijnen.append(Termijn(t_begin, t_eind, tarief.bedrag, tarief.tijdvak))
    return Verschuldigd(sum((t.bedrag for t in termijnen), Decimal("0.00")), tuple(termijnen))
