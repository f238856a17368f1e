"""Loading the reference data (municipalities, districts, code lists, the seeds' catalogue). Idempotent."""

from pathlib import Path

import yaml
from django.db import transaction

from openwmo.core.models import Gemeente, Inwonertal, Regio, Wijk

from .codelijsten import CODELIJSTEN
from .models import Arrangement, Codewaarde, Product, Resultaatgebied, Trajecttype, Voorzieningsoort

REFERENTIE_DIR = Path(__file__).resolve().parent.parent / "reference"


def _lees(naam: str) -> dict:
    with open(REFERENTIE_DIR / naam, encoding="utf-8") as bestand:
        return yaml.safe_load(bestand)


def inwoners_per_jaar(ankers: dict[int, int]) -> dict[int, int]:
    """Inhabitants for every year between the anchor years, linearly interpolated and rounded."""
    jaren = sorted(ankers)
    uitkomst = {}
    for van, tot in zip(jaren, jaren[1:], strict=False):
        for jaar in range(van, tot + 1):
            uitkomst[jaar] = round(ankers[van] + (ankers[tot] - ankers[van]) * (jaar - van) / (tot - van))
    if len(jaren) == 1:
        uitkomst[jaren[0]] = ankers[jaren[0]]
    return uitkomst


def _inwonertallen(gemeente, wijk, ankers):
    for jaar, aantal in inwoners_per_jaar(ankers).items():
        Inwonertal.objects.update_or_create(gemeente=gemeente, wijk=wijk, jaar=jaar, defaults={"aantal": aantal})


def _gemeenten() -> int:
    data = _lees("gemeenten.yaml")
    regios = {
        r["code"]: Regio.objects.update_or_create(code=r["code"], defaults={"naam": r["naam"]})[0]
        for r in data["regios"]
    }
    for g in data["gemeenten"]:
        gemeente, _c = Gemeente.objects.update_or_create(
            cbs_code=g["cbs"], defaults={"naam": g["naam"], "regio": regios[g["regio"]]}
        )
        _inwonertallen(gemeente, None, g["inwoners"])
    for cbs, wijken in data["wijken"].items():
        gemeente = Gemeente.objects.get(cbs_code=cbs)
        for w in wijken:
            wijk, _c = Wijk.objects.update_or_create(gemeente=gemeente, code=w["code"], defaults={"naam": w["naam"]})
            _inwonertallen(gemeente, wijk, w["inwoners"])
    return len(data["gemeenten"])


def _codelijsten() -> int:
    aantal = 0
    for codelijst, (naam, waarden) in CODELIJSTEN.items():
        for code, betekenis in waarden.items():
            Codewaarde.objects.update_or_create(
                codelijst=codelijst, code=code, defaults={"codelijst_naam": naam, "betekenis": betekenis}
            )
            aantal += 1
    return aantal


def _catalogus() -> int:
    data = _lees("catalogus.yaml")
    soorten = {
        s["code"]: Voorzieningsoort.objects.update_or_create(
            code=s["code"], defaults={"naam": s["naam"], "soort": s["soort"]}
        )[0]
        for s in data["voorzieningsoorten"]
    }
    producten = {}
    for p in data["producten"]:
        producten[p["code"]] = Product.objects.update_or_create(
            productcategorie=p["categorie"],
            productcode=p["code"],
            defaults={
                "naam": p["naam"],
                "voorzieningsoort": soorten[p["soort"]],
                "eenheid": p["eenheid"],
                "frequentie": p["frequentie"],
                "zwaarte": p.get("zwaarte", ""),
            },
        )[0]
    gebieden = {
        r["code"]: Resultaatgebied.objects.update_or_create(code=r["code"], defaults={"naam": r["naam"]})[0]
        for r in data["resultaatgebieden"]
    }
    for a in data["arrangementen"]:
        arrangement, _c = Arrangement.objects.update_or_create(
            code=a["code"],
            defaults={
                "naam": a["naam"],
                "product": producten[a["product"]],
                "max_resultaatgebieden": a.get("max_resultaatgebieden"),
            },
        )
        arrangement.resultaatgebieden.set([gebieden[c] for c in a["resultaatgebieden"]])
    for t in data["trajecttypen"]:
        Trajecttype.objects.update_or_create(
            code=t["code"],
            defaults={
                "naam": t["naam"],
                "product": producten[t["product"]],
                "uren_per_week": t["uren_per_week"],
                "duur_maanden": t["duur_maanden"],
            },
        )
    return len(producten)


@transaction.atomic
def referentiegegevens_laden() -> dict[str, int]:
    """Load or update all reference data; running it twice changes nothing the second time."""
    from openwmo.core.rollen import rolgroep_beheerder_bijwerken

    uitkomst = {"gemeenten": _gemeenten(), "codewaarden": _codelijsten(), "producten": _catalogus()}
    rolgroep_beheerder_bijwerken()
    return uitkomst
