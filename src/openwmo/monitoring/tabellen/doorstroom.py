"""Throughput: inflow and outflow of allocations per month, and the average duration per product."""

from collections import defaultdict
from decimal import Decimal

from openwmo.catalogus.models import Product
from openwmo.core.periode import add_months, day_count, month_start
from openwmo.core.rekenen import gemiddelde

from ..selectors import beeindigd_in_periode, per_maand
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
