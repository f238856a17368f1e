"""Use patterns (Zoetermeer's analysis): combinations, sequences and provider concentration."""

from collections import defaultdict

from openwmo.catalogus.models import Product, Voorzieningsoort
from openwmo.core.periode import add_months
from openwmo.core.rekenen import aandeel_pct, aandeel_top_n

from ..patronen import combinaties, volgordes
from ..selectors import actief_per_product_en_aanbieder, soorten_per_client
from .basis import Scope, Tabel, rapport

BRON = "Raadsvoorstel wijkgerichte ondersteuning Zoetermeer (seeds/003)"
VOLG_MAANDEN = 6
TOP_N = 2


def _d(datum) -> str:
    return datum.strftime("%d-%m-%Y")


def _soortnamen() -> dict[str, str]:
    return dict(Voorzieningsoort.objects.values_list("code", "naam"))


@rapport("combinaties", "Combinaties van voorzieningen (enkelvoudig en gelijktijdig)", BRON)
def combinatie_tabel(scope: Scope) -> Tabel:
    """Share of clients with one kind of provision in the period, and of each pair held at the same time."""
    van, tot = scope.periode
    uitkomst = combinaties(soorten_per_client(scope, van, tot), van, tot)
    namen = _soortnamen()
    n = uitkomst.clienten
    tabel = Tabel(
        titel=f"Combinaties van voorzieningen {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Combinatie", "Cliënten", "Aandeel (%)"],
        toelichting=(
            "Cliënten met ten minste één toewijzing in de periode. Enkelvoudig: één soort voorziening. "
            "Een paar telt als twee toewijzingen van die soorten op dezelfde dag liepen. Aandeel van alle cliënten."
        ),
    )
    tabel.rijen.append(["Alle cliënten", n, 100 if n else None])
    tabel.rijen.append(
        ["Eén soort voorziening (enkelvoudig)", uitkomst.enkelvoudig, aandeel_pct(uitkomst.enkelvoudig, n)]
    )
    meer = n - uitkomst.enkelvoudig
    tabel.rijen.append(["Meer soorten voorzieningen", meer, aandeel_pct(meer, n)])
    for (a, b), aantal in sorted(uitkomst.paren.items(), key=lambda item: (-item[1], item[0])):
        tabel.rijen.append([f"{namen.get(a, a)} + {namen.get(b, b)}", aantal, aandeel_pct(aantal, n)])
    return tabel


@rapport("volgordes", f"Volgordes: voorziening A gevolgd door B binnen {VOLG_MAANDEN} maanden", BRON)
def volgorde_tabel(scope: Scope, maanden: int = VOLG_MAANDEN) -> Tabel:
    """Of the clients whose allocation of kind A started in the period, the share that got kind B next."""
    van, tot = scope.periode
    uitkomst = volgordes(soorten_per_client(scope, van, add_months(tot, maanden)), van, tot, maanden)
    namen = _soortnamen()
    tabel = Tabel(
        titel=f"Volgordes van voorzieningen, start {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Eerst", "Daarna", "Cliënten met eerst", "Gevolgd door daarna", "Aandeel (%)"],
        toelichting=(
            f"Gevolgd: een toewijzing van de tweede soort begint na de start van de eerste en uiterlijk "
            f"{maanden} maanden na het einde ervan (loopt de eerste nog, dan telt elke latere start)."
        ),
    )
    for (a, b), aantal in sorted(uitkomst.gevolgd.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
        totaal = uitkomst.met_a[a]
        tabel.rijen.append([namen.get(a, a), namen.get(b, b), totaal, aantal, aandeel_pct(aantal, totaal)])
    return tabel


@rapport("aanbiedersconcentratie", f"Aanbiedersconcentratie per product (aandeel top-{TOP_N})", BRON)
def aanbiedersconcentratie(scope: Scope) -> Tabel:
    """Per product: active allocations on the reference date, providers, and the share of the largest ones."""
    peildatum = scope.peildatum or scope.periode[1]
    per_product: dict[int, list[int]] = defaultdict(list)
    for product, _aanbieder, aantal in actief_per_product_en_aanbieder(scope, peildatum):
        per_product[product].append(aantal)
    producten = Product.objects.in_bulk(list(per_product))
    tabel = Tabel(
        titel=f"Aanbiedersconcentratie per {_d(peildatum)}, {scope.omschrijving}",
        kolommen=[
            "Product",
            "Actieve toewijzingen",
            "Aanbieders",
            "Aandeel grootste aanbieder (%)",
            f"Aandeel top-{TOP_N} (%)",
        ],
        toelichting="Gemeten in aantallen lopende toewijzingen op de peildatum (nog niet in gedeclareerde bedragen).",
    )
    for product_id in sorted(per_product, key=lambda p: producten[p].productcode):
        aantallen = per_product[product_id]
        product = producten[product_id]
        tabel.rijen.append(
            [
                f"{product.productcode} {product.naam}",
                sum(aantallen),
                len(aantallen),
                aandeel_top_n(aantallen, 1),
                aandeel_top_n(aantallen, TOP_N),
            ]
        )
    return tabel
