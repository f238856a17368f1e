"""The indicators of the goal tree (doelenboom: input, throughput, output, outcome, impact), defined once.

Each indicator names the report table that shows it in detail and, where one number sums it up for a
scope, the function that computes that number. Indicators without either are defined but not yet
computable (their data comes with later parts of the system); the doelenboom page says so.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from openwmo.core.rekenen import aandeel_pct, per_duizend, per_inwoner

from .kosten import geraamde_kosten
from .patronen import combinaties
from .selectors import beeindigd_in_periode, clienten_met_soort, per_maand, soorten_per_client
from .tabellen.basis import Scope

NIVEAUS = (
    ("impact", "Impact", "Het maatschappelijk effect in de gemeente."),
    ("outcome", "Outcome", "Het resultaat bij de inwoner: doelen behaald, zelfredzaamheid, tevredenheid."),
    ("output", "Output", "Wat er geleverd wordt: cliënten, voorzieningen, combinaties."),
    ("throughput", "Throughput", "Hoe het proces loopt: instroom, uitstroom, duur, doorlooptijden."),
    ("input", "Input", "Wat erin gaat: geld en capaciteit."),
)


@dataclass(frozen=True)
class Indicator:
    code: str
    naam: str
    niveau: str
    definitie: str
    eenheid: str
    tabel: str = ""  # name of the report table in RAPPORTEN that shows it in detail
    bereken: Callable[[Scope], object] | None = None
    nog_niet: str = ""  # why it cannot be computed yet

    def waarde(self, scope: Scope):
        """The computed number for the scope: stored if the records have not changed since."""
        from .stand import bewaard

        return bewaard(f"indicator:{self.code}", scope, self.bereken) if self.bereken else None

    @property
    def beschikbaar(self) -> bool:
        return bool(self.tabel or self.bereken)


def _peildatum(scope: Scope):
    return scope.peildatum or scope.periode[1]


def _clienten(scope: Scope) -> int:
    return clienten_met_soort(scope, _peildatum(scope))


def _inwoners(scope: Scope) -> int:
    from .tabellen.gebied import inwoners

    per_gemeente, _per_wijk = inwoners(scope, _peildatum(scope).year)
    return sum(per_gemeente.values())


def _clienten_per_duizend(scope: Scope) -> Decimal | None:
    return per_duizend(_clienten(scope), _inwoners(scope))


def _kosten(scope: Scope) -> Decimal:
    van, tot = scope.periode
    return geraamde_kosten(scope, van, tot, lambda regel: "totaal").get("totaal", {}).get("bedrag", Decimal("0.00"))


def _kosten_per_inwoner(scope: Scope) -> Decimal | None:
    return per_inwoner(_kosten(scope), _inwoners(scope))


def _instroom(scope: Scope) -> int:
    return sum(per_maand(scope, *scope.periode, "ingangsdatum").values())


def _uitstroom(scope: Scope) -> int:
    return sum(per_maand(scope, *scope.periode, "einddatum").values())


def _gemiddelde_duur(scope: Scope):
    from openwmo.core.periode import day_count
    from openwmo.core.rekenen import gemiddelde

    return gemiddelde(day_count(start, eind) for _p, start, eind in beeindigd_in_periode(scope, *scope.periode))


def _enkelvoudig(scope: Scope) -> int | None:
    van, tot = scope.periode
    uitkomst = combinaties(soorten_per_client(scope, van, tot), van, tot)
    return aandeel_pct(uitkomst.enkelvoudig, uitkomst.clienten)


def _uit_tabel(naam: str, rij: str, kolom: str) -> Callable[[Scope], object]:
    """One cell of a report table (by the row's first cell and the column name) as the indicator's value."""

    def bereken(scope: Scope):
        from .tabellen import RAPPORTEN

        tabel = RAPPORTEN[naam].maak(scope)
        index = tabel.kolommen.index(kolom)
        return next((r[index] for r in tabel.rijen if r[0] == rij), None)

    return bereken


def _besteed(scope: Scope):
    from .tabellen import RAPPORTEN

    tabel = RAPPORTEN["financien"].maak(scope)
    return tabel.rijen[-1][tabel.kolommen.index("Besteed van begroting (%)")] if tabel.rijen else None


INDICATOREN: tuple[Indicator, ...] = (
    Indicator(
        "IN1",
        "Geraamde kosten maatwerk en vrij inzetbare voorzieningen",
        "input",
        "Som over de toewijzingen in de periode van toegewezen volume × contracttarief (bovengrens).",
        "euro",
        "geraamde-kosten-per-product",
        _kosten,
    ),
    Indicator(
        "IN2",
        "Geraamde kosten per inwoner",
        "input",
        "Geraamde kosten in de periode gedeeld door het aantal inwoners.",
        "euro per inwoner",
        "wijken",
        _kosten_per_inwoner,
    ),
    Indicator(
        "IN3",
        "Subsidies algemene voorzieningen",
        "input",
        "Subsidiebedragen per organisatie in het jaar.",
        "euro",
        "subsidies",
    ),
    Indicator(
        "IN4",
        "Uitgaven en inkomsten tegenover de begroting",
        "input",
        "Gedeclareerde uitgaven in het jaar als deel van de begrote uitgaven (inkomsten uit eigen bijdragen "
        "int het CAK en zitten niet in Open Wmo).",
        "% van de begroting",
        "financien",
        _besteed,
    ),
    Indicator(
        "IN5",
        "Gedeclareerde kosten",
        "input",
        "Som van de goedgekeurde declaratieregels (debet min credit) met een begindatum in de periode.",
        "euro",
        "gedeclareerd-per-product",
        _uit_tabel("gedeclareerd-per-product", "Totaal", "Gedeclareerd bedrag (€)"),
    ),
    Indicator(
        "TH1",
        "Instroom",
        "throughput",
        "Toewijzingen met een ingangsdatum in de periode.",
        "aantal",
        "instroom-uitstroom",
        _instroom,
    ),
    Indicator(
        "TH2",
        "Uitstroom",
        "throughput",
        "Toewijzingen met een einddatum in de periode.",
        "aantal",
        "instroom-uitstroom",
        _uitstroom,
    ),
    Indicator(
        "TH3",
        "Gemiddelde duur",
        "throughput",
        "Gemiddelde duur (dagen, begin en einde meegeteld) van de toewijzingen die in de periode eindigden.",
        "dagen",
        "gemiddelde-duur",
        _gemiddelde_duur,
    ),
    Indicator(
        "TH4",
        "Doorlooptijd melding tot beschikking",
        "throughput",
        "Mediaan van de dagen van melding tot besluit, voor de besluiten in de periode.",
        "dagen",
        "doorlooptijden",
        _uit_tabel("doorlooptijden", "Melding → beschikking", "Mediaan (dagen)"),
    ),
    Indicator(
        "TH5",
        "Binnen de wettelijke termijnen",
        "throughput",
        "Aandeel besluiten waarbij het onderzoek binnen 6 weken na de melding en de beschikking binnen 2 weken "
        "na de aanvraag kwam.",
        "%",
        "doorlooptijden",
        _uit_tabel("doorlooptijden", "Melding → beschikking", "Binnen termijn (%)"),
    ),
    Indicator(
        "OP1",
        "Cliënten op de peildatum",
        "output",
        "Unieke cliënten met ten minste één lopende toewijzing op de peildatum.",
        "aantal",
        "voorzieningen-per-soort",
        _clienten,
    ),
    Indicator(
        "OP2",
        "Cliënten per 1.000 inwoners",
        "output",
        "Cliënten op de peildatum per 1.000 inwoners.",
        "per 1.000 inwoners",
        "wijken",
        _clienten_per_duizend,
    ),
    Indicator(
        "OP3",
        "Enkelvoudig gebruik",
        "output",
        "Aandeel cliënten met één soort voorziening in de periode.",
        "%",
        "combinaties",
        _enkelvoudig,
    ),
    Indicator(
        "OP4",
        "Opeenvolgende inzet",
        "output",
        "Aandeel cliënten bij wie voorziening A binnen 6 maanden gevolgd werd door B.",
        "%",
        "volgordes",
    ),
    Indicator(
        "OP5",
        "Aanbiedersconcentratie",
        "output",
        "Aandeel van de grootste twee aanbieders in de lopende toewijzingen per product.",
        "%",
        "aanbiedersconcentratie",
    ),
    Indicator(
        "OP6",
        "Zwaartemix begeleiding",
        "output",
        "Verdeling van de indicaties begeleiding over licht, basis en speciaal.",
        "%",
        "zwaarte-individuele-begeleiding",
    ),
    Indicator(
        "OC1",
        "Doelen behaald",
        "outcome",
        "Aandeel geëvalueerde doelen dat (deels) behaald is, evaluaties in de periode.",
        "%",
        "doelen-per-resultaatgebied",
        _uit_tabel("doelen-per-resultaatgebied", "Totaal", "(Deels) behaald (%)"),
    ),
    Indicator(
        "OC2",
        "Ontwikkeling zelfredzaamheid (ZRM)",
        "outcome",
        "Gemiddelde verandering van de ZRM-score (alle domeinen) tussen intake en evaluatie.",
        "punten",
        "zrm-ontwikkeling",
        _uit_tabel("zrm-ontwikkeling", "Alle domeinen", "Gemiddelde verandering"),
    ),
    Indicator(
        "OC3",
        "Cliënttevredenheid",
        "outcome",
        "Gemiddeld rapportcijfer van cliënten bij de evaluaties in de periode.",
        "cijfer 1–10",
        "tevredenheid",
        _uit_tabel("tevredenheid", "Totaal", "Gemiddelde tevredenheid (1–10)"),
    ),
    Indicator(
        "OC4",
        "Kosten per behaald doel",
        "outcome",
        "Kosten (gedeclareerd, zonder declaraties geraamd) gedeeld door de behaalde doelen in de periode.",
        "euro",
        "doelen-per-aanbieder",
        _uit_tabel("doelen-per-aanbieder", "Totaal", "Kosten per behaald doel (€)"),
    ),
    Indicator(
        "IM1",
        "Inwoners die zelfstandig thuis wonen en meedoen",
        "impact",
        "Maatschappelijk effect uit de doelenboom; gemeten met de burgerpeiling, niet uit dit systeem.",
        "%",
        nog_niet="Bron buiten Open Wmo (burgerpeiling).",
    ),
)


def per_niveau() -> list[tuple[str, str, str, list[Indicator]]]:
    """The goal tree top-down: (niveau code, label, description, indicators)."""
    return [(code, label, uitleg, [i for i in INDICATOREN if i.niveau == code]) for code, label, uitleg in NIVEAUS]
