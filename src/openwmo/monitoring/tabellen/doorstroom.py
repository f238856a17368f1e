"""Throughput: inflow and outflow of allocations per month, the average duration per product, and the lead
times from melding to beschikking against the legal deadlines."""

from collections import defaultdict
from decimal import Decimal
from statistics import median

from openwmo.catalogus.models import Product
from openwmo.core.periode import add_months, day_count, month_start
from openwmo.core.rekenen import aandeel_pct, gemiddelde
from openwmo.toegang import termijnen

from ..selectors import beeindigd_in_periode, per_maand
from ..selectors_uitkomst import doorlooptijden
from .basis import Scope, Tabel, rapport

BRON = "Open Wmo (toewijzingen)"
MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAGEN_PER_MAAND = Decimal("30.4375")  # 365.25 / 12


def _d(datum) -> str:
    return datum.strftime("%d-%m-%Y")


@rapport("instroom-uitstroom", "Instroom en uitstroom van toewijzingen per maand", BRON)
def instroom_uitstroom(scope: Scope) -> Tabel:
    """Allocations starting (instroom) and ending (uitstroom) per calendar month of the period."""
    van, tot = scope.periode
    instroom, uitstroom = per_maand(scope, van, tot, "ingangsdatum"), per_maand(scope, van, tot, "einddatum")
    tabel = Tabel(
        titel=f"Instroom en uitstroom {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Maand", "Instroom", "Uitstroom", "Saldo"],
        toelichting="Instroom: toewijzingen met een ingangsdatum in de maand; uitstroom: met een einddatum erin.",
    )
    maand, totaal_in, totaal_uit = month_start(van), 0, 0
    while maand <= tot:
        a, b = instroom.get(maand, 0), uitstroom.get(maand, 0)
        totaal_in, totaal_uit = totaal_in + a, totaal_uit + b
        tabel.rijen.append([f"{MAANDEN[maand.month - 1]} {maand.year}", a, b, a - b])
        maand = add_months(maand, 1)
    tabel.rijen.append(["Totaal", totaal_in, totaal_uit, totaal_in - totaal_uit])
    return tabel


@rapport("gemiddelde-duur", "Gemiddelde duur van beëindigde toewijzingen per product", BRON)
def gemiddelde_duur(scope: Scope) -> Tabel:
    """Per product: allocations that ended in the period and their mean duration (start and end day included)."""
    van, tot = scope.periode
    duren: dict[int, list[int]] = defaultdict(list)
    for product, start, eind in beeindigd_in_periode(scope, van, tot):
        duren[product].append(day_count(start, eind))
    producten = Product.objects.in_bulk(list(duren))
    tabel = Tabel(
        titel=f"Gemiddelde duur beëindigde toewijzingen {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Product", "Beëindigde toewijzingen", "Gemiddelde duur (dagen)", "Gemiddelde duur (maanden)"],
        toelichting="Duur van ingangsdatum t/m einddatum, beide dagen meegeteld; een maand = 365,25 / 12 dagen.",
    )
    for product_id in sorted(duren, key=lambda p: producten[p].productcode):
        dagen = gemiddelde(duren[product_id])
        maanden = _maanden(duren[product_id])
        product = producten[product_id]
        tabel.rijen.append([f"{product.productcode} {product.naam}", len(duren[product_id]), dagen, maanden])
    alle = [d for lijst in duren.values() for d in lijst]
    if alle:
        dagen = gemiddelde(alle)
        tabel.rijen.append(["Alle producten", len(alle), dagen, _maanden(alle)])
    return tabel


def _maanden(dagen: list[int]):
    return gemiddelde([Decimal(d) / DAGEN_PER_MAAND for d in dagen])


@rapport("doorlooptijden", "Doorlooptijden melding tot beschikking en de wettelijke termijnen", "Open Wmo (toegang)")
def doorlooptijden_tabel(scope: Scope) -> Tabel:
    """Lead times of the decisions taken in the period, and the share within the legal deadlines."""
    van, tot = scope.periode
    stappen: dict[str, list[tuple[int, bool]]] = {naam: [] for naam, _termijn in STAPPEN}
    for besluit, aanvraag, melding, onderzoek in doorlooptijden(scope, van, tot):
        beschikking_op_tijd = besluit <= termijnen.beschikking_uiterlijk(aanvraag)
        stappen["Aanvraag → beschikking"].append(((besluit - aanvraag).days, beschikking_op_tijd))
        if melding is None:
            continue
        onderzoek_op_tijd = onderzoek is None or onderzoek <= termijnen.onderzoek_uiterlijk(melding)
        if onderzoek is not None:
            stappen["Melding → onderzoek"].append(((onderzoek - melding).days, onderzoek_op_tijd))
        stappen["Melding → beschikking"].append(((besluit - melding).days, onderzoek_op_tijd and beschikking_op_tijd))
    tabel = Tabel(
        titel=f"Doorlooptijden besluiten {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=[
            "Stap",
            "Wettelijke termijn",
            "Aantal",
            "Mediaan (dagen)",
            "Gemiddeld (dagen)",
            "Binnen termijn",
            "Binnen termijn (%)",
        ],
        toelichting=(
            "Beschikkingen met een besluitdatum in de periode die op een aanvraag volgen; kalenderdagen. Onderzoek "
            "binnen 6 weken na de melding (Wmo 2015 art. 2.3.2), beschikking binnen 2 weken na de aanvraag "
            "(art. 2.3.5); melding → beschikking is binnen termijn als beide termijnen gehaald zijn. Filters op "
            "product, aanbieder en segment gelden hier niet."
        ),
    )
    for naam, termijn in STAPPEN:
        waarden = stappen[naam]
        dagen = [d for d, _op_tijd in waarden]
        binnen = sum(1 for _d, op_tijd in waarden if op_tijd)
        mediaan = Decimal(str(median(dagen))).quantize(Decimal("0.1")) if dagen else None
        tabel.rijen.append(
            [naam, termijn, len(dagen), mediaan, gemiddelde(dagen), binnen, aandeel_pct(binnen, len(dagen))]
        )
    return tabel


STAPPEN = (
    ("Melding → onderzoek", "6 weken"),
    ("Aanvraag → beschikking", "2 weken"),
    ("Melding → beschikking", "6 + 2 weken"),
)
