"""Outcomes (Zoetermeer's goal tree, seeds/003): goals reached per result area, provider and arrangement,
the cost per goal reached, the change on the Zelfredzaamheid-Matrix between intake and evaluation, and
the clients' satisfaction. Definitions in docs/monitoring.md."""

from collections import defaultdict
from collections.abc import Callable, Hashable
from decimal import ROUND_HALF_UP, Decimal

from openwmo.catalogus.models import Arrangement, Product, Resultaatgebied, Trajecttype
from openwmo.core.rekenen import aandeel_pct, bedrag, gemiddelde
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.codelijsten import ZRM_DOMEINEN

from ..kosten import geraamde_kosten
from ..selectors_uitkomst import doeluitkomsten, gedeclareerd, tevredenheid_per_aanbieder, zrm_paren
from .basis import Scope, Tabel, rapport

BRON = "Open Wmo (evaluaties van ondersteuningsplannen); doelenboom Zoetermeer (seeds/003)"
UITKOMSTEN = ("behaald", "deels", "niet")
DOEL_KOLOMMEN = [
    "Geëvalueerde doelen",
    "Behaald",
    "Deels behaald",
    "Niet behaald",
    "Behaald (%)",
    "(Deels) behaald (%)",
]
DOELEN_UITLEG = (
    "Doelen uit de evaluaties met een evaluatiedatum in de periode; aanbieder en arrangement zijn die van de "
    "toewijzing waarover de evaluatie gaat."
)
GEEN = "Zonder toewijzing"


def _d(datum) -> str:
    return datum.strftime("%d-%m-%Y")


def _tel(scope: Scope, sleutel: Callable[[tuple], Hashable]) -> dict[Hashable, dict[str, int]]:
    tellingen: dict[Hashable, dict[str, int]] = defaultdict(lambda: dict.fromkeys(UITKOMSTEN, 0))
    for rij in doeluitkomsten(scope, *scope.periode):
        tellingen[sleutel(rij)][rij[3]] += rij[4]
    return tellingen


def _doelcellen(telling: dict[str, int]) -> list:
    n = sum(telling.values())
    behaald, deels, niet = (telling[u] for u in UITKOMSTEN)
    return [n, behaald, deels, niet, aandeel_pct(behaald, n), aandeel_pct(behaald + deels, n)]


def _totaal(tellingen) -> dict[str, int]:
    return {u: sum(t[u] for t in tellingen.values()) for u in UITKOMSTEN}


@rapport("doelen-per-resultaatgebied", "Doelen behaald per resultaatgebied", BRON)
def doelen_per_resultaatgebied(scope: Scope) -> Tabel:
    van, tot = scope.periode
    tellingen = _tel(scope, lambda rij: rij[0])
    gebieden = Resultaatgebied.objects.in_bulk(list(tellingen))
    tabel = Tabel(
        titel=f"Doelen behaald per resultaatgebied, evaluaties {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Resultaatgebied", *DOEL_KOLOMMEN],
        toelichting=DOELEN_UITLEG,
    )
    for pk in sorted(tellingen, key=lambda pk: gebieden[pk].code):
        tabel.rijen.append([gebieden[pk].naam, *_doelcellen(tellingen[pk])])
    tabel.rijen.append(["Totaal", *_doelcellen(_totaal(tellingen))])
    return tabel


def _kosten_uitleg(bron: str) -> str:
    if bron == "gedeclareerd":
        return (
            "Kosten = gedeclareerd: goedgekeurde declaratieregels (debet min credit) met een begindatum in de "
            "periode, van alle cliënten van de aanbieder of het arrangement; gedeeld door de behaalde doelen."
        )
    return (
        "Er zijn in de periode geen goedgekeurde declaraties: kosten = geraamd (toegewezen volume × "
        "contracttarief, bovengrens), alleen per aanbieder; gedeeld door de behaalde doelen."
    )


def _kostencellen(telling: dict[str, int], kosten: Decimal | None, bron: str) -> list:
    behaald = telling["behaald"]
    per_doel = None if kosten is None or not behaald else bedrag(kosten / behaald)
    return [kosten, bron if kosten is not None else "", per_doel]


@rapport("doelen-per-aanbieder", "Doelen behaald en kosten per behaald doel, per aanbieder", BRON)
def doelen_per_aanbieder(scope: Scope) -> Tabel:
    van, tot = scope.periode
    tellingen = _tel(scope, lambda rij: rij[1])
    declaraties = gedeclareerd(scope, van, tot)
    kosten: dict = defaultdict(Decimal)
    if declaraties:
        bron = "gedeclareerd"
        for aanbieder, _product, _arrangement, geld, _n in declaraties:
            kosten[aanbieder] += geld
    else:
        bron = "geraamd"
        for aanbieder, regel in geraamde_kosten(scope, van, tot, lambda regel: regel.aanbieder).items():
            kosten[aanbieder] = regel["bedrag"]
    namen = dict(Aanbieder.objects.filter(pk__in=[k for k in tellingen if k]).values_list("pk", "naam"))
    tabel = Tabel(
        titel=f"Doelen en kosten per behaald doel per aanbieder, {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Aanbieder", *DOEL_KOLOMMEN, "Kosten (€)", "Kostenbron", "Kosten per behaald doel (€)"],
        toelichting=f"{DOELEN_UITLEG} {_kosten_uitleg(bron)}",
    )
    for pk in sorted(tellingen, key=lambda pk: (pk is None, namen.get(pk, ""))):
        geld = bedrag(kosten[pk]) if pk is not None else None
        tabel.rijen.append(
            [namen.get(pk, GEEN), *_doelcellen(tellingen[pk]), *_kostencellen(tellingen[pk], geld, bron)]
        )
    totaal = _totaal(tellingen)
    geld = bedrag(sum((kosten[pk] for pk in tellingen if pk is not None), Decimal(0)))
    tabel.rijen.append(["Totaal", *_doelcellen(totaal), *_kostencellen(totaal, geld, bron)])
    return tabel


def arrangement_namen(sleutels) -> dict[tuple, str]:
    """Labels of arrangement keys: the arrangement, the trajectory or the product."""
    modellen = {"arrangement": Arrangement, "traject": Trajecttype, "product": Product}
    namen: dict[tuple, str] = {}
    for soort, model in modellen.items():
        ids = [pk for s, pk in sleutels if s == soort and pk]
        for obj in model.objects.filter(pk__in=ids):
            if soort == "product":
                namen[(soort, obj.pk)] = f"{obj.productcode} {obj.naam}"
            else:
                namen[(soort, obj.pk)] = f"{'Arrangement' if soort == 'arrangement' else 'Traject'} {obj.naam}"
    return namen


@rapport("doelen-per-arrangement", "Doelen behaald en kosten per behaald doel, per arrangement", BRON)
def doelen_per_arrangement(scope: Scope) -> Tabel:
    van, tot = scope.periode
    tellingen = _tel(scope, lambda rij: rij[2])
    declaraties = gedeclareerd(scope, van, tot)
    kosten: dict = defaultdict(Decimal)
    for _aanbieder, _product, arrangement, geld, _n in declaraties:
        kosten[arrangement] += geld
    bron = "gedeclareerd" if declaraties else ""
    namen = arrangement_namen(tellingen)
    uitleg = _kosten_uitleg("gedeclareerd") if declaraties else "Er zijn in de periode geen goedgekeurde declaraties."
    tabel = Tabel(
        titel=f"Doelen en kosten per behaald doel per arrangement, {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Arrangement of product", *DOEL_KOLOMMEN, "Kosten (€)", "Kostenbron", "Kosten per behaald doel (€)"],
        toelichting=f"{DOELEN_UITLEG} Zonder arrangement of traject telt het product van de toewijzing. {uitleg}",
    )
    for sleutel in sorted(tellingen, key=lambda s: (s[1] is None, namen.get(s, ""))):
        geld = bedrag(kosten[sleutel]) if declaraties and sleutel[1] is not None else None
        naam = namen.get(sleutel, GEEN)
        tabel.rijen.append([naam, *_doelcellen(tellingen[sleutel]), *_kostencellen(tellingen[sleutel], geld, bron)])
    totaal = _totaal(tellingen)
    geld = bedrag(sum((kosten[s] for s in tellingen if s[1] is not None), Decimal(0))) if declaraties else None
    tabel.rijen.append(["Totaal", *_doelcellen(totaal), *_kostencellen(totaal, geld, bron)])
    return tabel


@rapport("zrm-ontwikkeling", "Zelfredzaamheid (ZRM): verandering tussen intake en evaluatie per domein", BRON)
def zrm_ontwikkeling(scope: Scope) -> Tabel:
    van, tot = scope.periode
    paren = zrm_paren(scope, van, tot)
    tabel = Tabel(
        titel=f"ZRM-ontwikkeling, evaluaties {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=[
            "Domein",
            "Metingen",
            "Gemiddeld bij intake",
            "Gemiddeld bij evaluatie",
            "Gemiddelde verandering",
            "Vooruit (%)",
            "Gelijk (%)",
            "Achteruit (%)",
        ],
        toelichting=(
            "Per evaluatie in de periode met een ZRM-meting: de laatste eerdere meting bij een onderzoek (intake) "
            "van dezelfde cliënt. Scores 1 (acute problematiek) t/m 5 (volledig zelfredzaam); verandering = "
            "evaluatie − intake, gemiddeld met twee decimalen."
        ),
    )
    alle: list[tuple[int, int]] = []
    for code, naam in ZRM_DOMEINEN.items():
        scores = [
            (intake[code], evaluatie[code]) for intake, evaluatie in paren if code in intake and code in evaluatie
        ]
        alle += scores
        tabel.rijen.append([naam, *_zrm_cellen(scores)])
    tabel.rijen.append(["Alle domeinen", *_zrm_cellen(alle)])
    return tabel


def _zrm_cellen(scores: list[tuple[int, int]]) -> list:
    n = len(scores)
    vooruit = sum(1 for a, b in scores if b > a)
    achteruit = sum(1 for a, b in scores if b < a)
    return [
        n,
        gemiddelde((a for a, _b in scores), 2),
        gemiddelde((b for _a, b in scores), 2),
        gemiddelde((b - a for a, b in scores), 2),
        aandeel_pct(vooruit, n),
        aandeel_pct(n - vooruit - achteruit, n),
        aandeel_pct(achteruit, n),
    ]


@rapport("tevredenheid", "Cliënttevredenheid bij de evaluatie, per aanbieder", BRON)
def tevredenheid(scope: Scope) -> Tabel:
    van, tot = scope.periode
    per_aanbieder = tevredenheid_per_aanbieder(scope, van, tot)
    namen = dict(Aanbieder.objects.filter(pk__in=[k for k in per_aanbieder if k]).values_list("pk", "naam"))
    tabel = Tabel(
        titel=f"Cliënttevredenheid, evaluaties {_d(van)} t/m {_d(tot)}, {scope.omschrijving}",
        kolommen=["Aanbieder", "Evaluaties", "Gemiddelde tevredenheid (1–10)", "Voldoende, 6 of hoger (%)"],
        toelichting="Het rapportcijfer (1–10) dat de cliënt bij de evaluatie geeft; gemiddelde met één decimaal.",
    )
    for pk in sorted(per_aanbieder, key=lambda pk: (pk is None, namen.get(pk, ""))):
        tabel.rijen.append([namen.get(pk, GEEN), *_tevreden_cellen(*per_aanbieder[pk])])
    n, som, voldoende = (sum(w[i] for w in per_aanbieder.values()) for i in range(3))
    tabel.rijen.append(["Totaal", *_tevreden_cellen(n, som, voldoende)])
    return tabel


def _tevreden_cellen(n: int, som: int, voldoende: int) -> list:
    gemiddeld = None if not n else (Decimal(som) / n).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return [n, gemiddeld, aandeel_pct(voldoende, n)]
