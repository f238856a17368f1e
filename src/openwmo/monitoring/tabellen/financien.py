"""From the claims: invoiced indications and amounts per product (Zoetermeer Tabel 1/2, seeds/003) and the
finance table (Rijswijk, seeds/000): invoiced spend and income per year against the budget."""

from collections import defaultdict
from decimal import Decimal

from openwmo.catalogus.models import Product
from openwmo.core.rekenen import aandeel_pct, bedrag

from ..kosten import geraamde_kosten
from ..selectors_uitkomst import begroting_per_jaar, gedeclareerd, gedeclareerd_per_jaar
from .basis import Scope, Tabel, rapport

BRON_ZOETERMEER = "Raadsvoorstel wijkgerichte ondersteuning Zoetermeer (seeds/003)"
BRON_RIJSWIJK = "Raadsinformatiebrief Rijswijk (seeds/000), financiële tabel"
GEDECLAREERD = (
    "Gedeclareerd = goedgekeurde declaratieregels (debet min credit) met een begindatum in de periode; "
    "gedeclareerde indicaties = toewijzingen met ten minste één goedgekeurde debetregel."
)
JAREN = 3


def _d(datum) -> str:
    return datum.strftime("%d-%m-%Y")


@rapport("gedeclareerd-per-product", "Gedeclareerde indicaties en bedragen per product (Tabel 1/2)", BRON_ZOETERMEER)
def gedeclareerd_per_product(scope: Scope) -> Tabel:
    van, tot = scope.periode
    per_product: dict[int, list] = defaultdict(lambda: [0, Decimal("0.00")])
    for _aanbieder, product, _arrangement, geld, toewijzingen in gedeclareerd(scope, van, tot):
        per_product[product][0] += toewijzingen
        per_product[product][1] += geld
    raming = geraamde_kosten(scope, van, tot, lambda regel: regel.product)
    producten = Product.objects.in_bulk(set(per_product) | set(raming))
    tabel = Tabel(
        titel=f"Gedeclareerd per product {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=[
            "Product",
            "Gedeclareerde indicaties",
            "Gedeclareerd bedrag (€)",
            "Geraamde kosten (€)",
            "Gedeclareerd van geraamd (%)",
        ],
        toelichting=(
            f"{GEDECLAREERD} Ter vergelijking de raming uit de toewijzingen (volume × contracttarief, bovengrens)."
        ),
    )
    totaal = [0, Decimal("0.00"), Decimal("0.00")]
    for pk in sorted(producten, key=lambda p: producten[p].productcode):
        product = producten[pk]
        n, geld = per_product.get(pk, (0, Decimal("0.00")))
        geraamd = raming.get(pk, {}).get("bedrag", Decimal("0.00"))
        tabel.rijen.append([f"{product.productcode} {product.naam}", n, bedrag(geld), geraamd, _pct(geld, geraamd)])
        totaal = [totaal[0] + n, totaal[1] + geld, totaal[2] + geraamd]
    tabel.rijen.append(["Totaal", totaal[0], bedrag(totaal[1]), bedrag(totaal[2]), _pct(totaal[1], totaal[2])])
    return tabel


def _pct(deel: Decimal, geheel: Decimal) -> int | None:
    return aandeel_pct(int(deel * 100), int(geheel * 100)) if geheel > 0 else None


@rapport("financien", "Financiën: gedeclareerde uitgaven en inkomsten per jaar tegenover de begroting", BRON_RIJSWIJK)
def financien(scope: Scope) -> Tabel:
    laatste = scope.jaar
    eerste = laatste - JAREN + 1
    uitgaven = gedeclareerd_per_jaar(scope, eerste, laatste)
    begroting = begroting_per_jaar(scope, eerste, laatste)
    tabel = Tabel(
        titel=f"Financiën {eerste}–{laatste}, {scope.omschrijving}",
        kolommen=[
            "Jaar",
            "Begrote uitgaven (€)",
            "Gedeclareerde uitgaven (€)",
            "Verschil (€)",
            "Besteed van begroting (%)",
            "Begrote inkomsten (€)",
            "Inkomsten eigen bijdrage (€)",
        ],
        toelichting=(
            f"{GEDECLAREERD} Begroting per gemeente en voorzieningsoort (bekostiging), opgeteld; een filter op "
            "product of segment telt alleen die voorzieningsoorten, een filter op wijk of aanbieder geldt niet voor "
            "de begroting. Verschil = begroot − gedeclareerd. Inkomsten uit eigen bijdragen int het CAK; Open Wmo "
            "legt ze niet vast, dus die kolom blijft leeg."
        ),
    )
    for jaar in range(eerste, laatste + 1):
        begroot, inkomsten = begroting.get(jaar, (None, None))
        geld = uitgaven.get(jaar, Decimal("0.00"))
        verschil = None if begroot is None else bedrag(begroot - geld)
        besteed = _pct(geld, begroot) if begroot is not None else None
        tabel.rijen.append([str(jaar), begroot, geld, verschil, besteed, inkomsten, None])
    return tabel
