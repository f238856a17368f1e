"""Per district and per municipality: clients per 1,000 inhabitants and (estimated) spend per inhabitant;
the spend estimate per product and the grants per organisation (Zoetermeer Tabel 1/2 and 3)."""

from collections import defaultdict
from decimal import Decimal

from openwmo.catalogus.models import Product
from openwmo.core.models import Inwonertal, Wijk
from openwmo.core.rekenen import aandeel_pct, bedrag, per_duizend, per_inwoner
from openwmo.inkoop.models import Subsidie

from ..kosten import geraamde_kosten
from ..selectors import aantal_per_gemeente, clienten_per_gemeente, clienten_per_wijk
from .basis import Scope, Tabel, rapport

BRON_ZOETERMEER = "Raadsvoorstel wijkgerichte ondersteuning Zoetermeer (seeds/003)"
RAMING = (
    "Geraamde kosten = toegewezen volume × contracttarief (bovengrens per toewijzing), geen gedeclareerde "
    "bedragen: declaraties zitten nog niet in het systeem."
)


def _d(datum) -> str:
    return datum.strftime("%d-%m-%Y")


def inwoners(scope: Scope, jaar: int) -> tuple[dict[int, int], dict[int, int]]:
    """Inhabitants per gemeente id and per wijk id in `jaar` (else the nearest earlier, else later, year)."""
    gekozen: dict[tuple[str, int], tuple[int, int]] = {}
    rijen = Inwonertal.objects.filter(gemeente__in=[g.pk for g in scope.gemeenten]).values_list(
        "gemeente", "wijk", "jaar", "aantal"
    )
    for gemeente, wijk, rij_jaar, aantal in rijen:
        sleutel = ("wijk", wijk) if wijk else ("gemeente", gemeente)
        afstand = (0, jaar - rij_jaar) if rij_jaar <= jaar else (1, rij_jaar - jaar)
        if sleutel not in gekozen or afstand < gekozen[sleutel][0]:
            gekozen[sleutel] = (afstand, aantal)
    per_gemeente = {k[1]: v[1] for k, v in gekozen.items() if k[0] == "gemeente"}
    per_wijk = {k[1]: v[1] for k, v in gekozen.items() if k[0] == "wijk"}
    return per_gemeente, per_wijk


@rapport("wijken", "Per wijk: cliënten per 1.000 inwoners en geraamde kosten per inwoner", BRON_ZOETERMEER)
def wijken(scope: Scope) -> Tabel:
    van, tot = scope.periode
    peildatum = scope.peildatum or tot
    clienten = clienten_per_wijk(scope, peildatum)
    kosten = geraamde_kosten(scope, van, tot, lambda regel: regel.wijk, per_wijk=True)
    _per_gemeente, per_wijk = inwoners(scope, peildatum.year)
    meer_gemeenten = len(scope.gemeenten) > 1
    tabel = Tabel(
        titel=f"Wijken: cliënten per {_d(peildatum)}, kosten {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=[
            "Wijk",
            "Inwoners",
            "Cliënten",
            "Cliënten per 1.000 inwoners",
            "Geraamde kosten (€)",
            "Geraamde kosten per inwoner (€)",
        ],
        toelichting=RAMING,
    )
    wijkqs = Wijk.objects.filter(gemeente__in=[g.pk for g in scope.gemeenten]).select_related("gemeente")
    if scope.wijk is not None:
        wijkqs = wijkqs.filter(pk=scope.wijk.pk)
    for wijk in wijkqs.order_by("gemeente__naam", "code"):
        n, aantal = clienten.get(wijk.pk, 0), per_wijk.get(wijk.pk, 0)
        geld = kosten.get(wijk.pk, {}).get("bedrag", Decimal("0.00"))
        naam = f"{wijk.gemeente.naam}: {wijk.naam}" if meer_gemeenten else wijk.naam
        tabel.rijen.append([naam, aantal, n, per_duizend(n, aantal), geld, per_inwoner(geld, aantal)])
    if clienten.get(None) or None in kosten:
        geld = kosten.get(None, {}).get("bedrag", Decimal("0.00"))
        tabel.rijen.append(["Wijk onbekend", None, clienten.get(None, 0), None, geld, None])
    return tabel


@rapport("gemeenten-naast-elkaar", "Gemeenten naast elkaar: cliënten, doorstroom en geraamde kosten", "Open Wmo")
def gemeenten_naast_elkaar(scope: Scope) -> Tabel:
    van, tot = scope.periode
    peildatum = scope.peildatum or tot
    clienten = clienten_per_gemeente(scope, peildatum)
    kosten = geraamde_kosten(scope, van, tot, lambda regel: regel.gemeente)
    per_gemeente, _per_wijk = inwoners(scope, peildatum.year)
    instroom_per = aantal_per_gemeente(scope, van, tot, "ingangsdatum")
    uitstroom_per = aantal_per_gemeente(scope, van, tot, "einddatum")
    tabel = Tabel(
        titel=f"Gemeenten naast elkaar, cliënten per {_d(peildatum)}, stromen en kosten {_d(van)} t/m {_d(tot)}",
        kolommen=[
            "Gemeente",
            "Inwoners",
            "Cliënten",
            "Cliënten per 1.000 inwoners",
            "Instroom",
            "Uitstroom",
            "Geraamde kosten (€)",
            "Geraamde kosten per inwoner (€)",
        ],
        toelichting=RAMING,
    )
    totaal = [0, 0, 0, 0, Decimal("0.00")]
    for gemeente in sorted(scope.gemeenten, key=lambda g: g.naam):
        aantal, n = per_gemeente.get(gemeente.pk, 0), clienten.get(gemeente.pk, 0)
        instroom, uitstroom = instroom_per.get(gemeente.pk, 0), uitstroom_per.get(gemeente.pk, 0)
        geld = kosten.get(gemeente.pk, {}).get("bedrag", Decimal("0.00"))
        tabel.rijen.append(
            [gemeente.naam, aantal, n, per_duizend(n, aantal), instroom, uitstroom, geld, per_inwoner(geld, aantal)]
        )
        for i, waarde in enumerate((aantal, n, instroom, uitstroom, geld)):
            totaal[i] += waarde
    if len(scope.gemeenten) > 1:
        aantal, n, instroom, uitstroom, geld = totaal
        tabel.rijen.append(
            ["Totaal", aantal, n, per_duizend(n, aantal), instroom, uitstroom, geld, per_inwoner(geld, aantal)]
        )
    return tabel


@rapport("geraamde-kosten-per-product", "Geraamde kosten per product (toewijzingen × tarief)", BRON_ZOETERMEER)
def geraamde_kosten_per_product(scope: Scope) -> Tabel:
    """Zoetermeer Tabel 1/2's shape from allocations and tariffs; not invoiced amounts (no claims yet)."""
    van, tot = scope.periode
    kosten = geraamde_kosten(scope, van, tot, lambda regel: regel.product)
    producten = Product.objects.in_bulk(list(kosten))
    tabel = Tabel(
        titel=f"Geraamde kosten per product {_d(van)} t/m {_d(tot)} (geen facturen), {scope.omschrijving}",
        kolommen=["Product", "Toewijzingen in periode", "Geraamde kosten (€)", "Zonder tarief"],
        toelichting=RAMING,
    )
    totaal_n, totaal_geld, totaal_zonder = 0, Decimal("0.00"), 0
    for product_id in sorted(kosten, key=lambda p: producten[p].productcode):
        regel, product = kosten[product_id], producten[product_id]
        tabel.rijen.append(
            [f"{product.productcode} {product.naam}", regel["toewijzingen"], regel["bedrag"], regel["zonder_tarief"]]
        )
        totaal_n += regel["toewijzingen"]
        totaal_geld += regel["bedrag"]
        totaal_zonder += regel["zonder_tarief"]
    tabel.rijen.append(["Totaal", totaal_n, bedrag(totaal_geld), totaal_zonder])
    return tabel


@rapport("subsidies", "Subsidies per organisatie (Tabel 3)", BRON_ZOETERMEER)
def subsidies(scope: Scope) -> Tabel:
    """Grants per organisation in the year, largest first, with their share of the total."""
    jaar = scope.jaar
    per_organisatie: dict[str, Decimal] = defaultdict(Decimal)
    rijen = Subsidie.objects.filter(gemeente__in=[g.pk for g in scope.gemeenten], jaar=jaar).values_list(
        "organisatie__naam", "bedrag"
    )
    for naam, geld in rijen:
        per_organisatie[naam] += geld
    totaal = sum(per_organisatie.values(), Decimal("0.00"))
    tabel = Tabel(
        titel=f"Subsidies algemene voorzieningen {jaar}, {', '.join(g.naam for g in scope.gemeenten)}",
        kolommen=["Organisatie", "Subsidiebedrag (€)", "Aandeel (%)"],
        toelichting="Subsidies per kalenderjaar; filters op wijk, product of aanbieder gelden hier niet.",
    )
    for naam, geld in sorted(per_organisatie.items(), key=lambda item: (-item[1], item[0])):
        tabel.rijen.append([naam, bedrag(geld), aandeel_pct(int(geld * 100), int(totaal * 100))])
    tabel.rijen.append(["Totaal", bedrag(totaal), 100 if totaal else None])
    return tabel
