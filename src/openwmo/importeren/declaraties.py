"""Claims from declaraties.csv: each row is one line (prestatie); rows with the same aanbieder and declaratienummer
form one claim, which goes through `declaraties.services.declaratie_verwerken_regels` — the same checks as a
WMO323 and a claim through the API — and is stored with its outcome (approved or rejected per line, retourcodes).

Rows are first checked against their allocation (the row names the column that is wrong); the claims are then
processed at the end of the file (`afronden`), each in its own savepoint. A claim is identified by (AGB,
declaratienummer) and its content: importing the same file again changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from openwmo.core.periode import covered_by, month_end, month_start
from openwmo.declaraties import checks
from openwmo.declaraties.models import Bron, Prestatie
from openwmo.declaraties.selectors import declaraties_voor
from openwmo.declaraties.services import declaratie_verwerken_regels
from openwmo.toegang.models import Toewijzing
from openwmo.toegang.selectors import toewijzingen_voor

from .rijen import DeclaratieRij, RijFouten

_NUMMER = re.compile(r"[0-9]{1,9}")
_DECLARATIENUMMER = re.compile(r"[0-9A-Za-z]{1,12}")
_CENT = Decimal("0.01")


@dataclass
class Regel:
    rij: int
    prestatie: checks.Prestatie
    gemeente: str
    status: str


@dataclass
class Claims:
    """The claims of one file, collected row by row; `kapot` are claims with a row in error (never processed)."""

    regels: dict[tuple[str, str], list[Regel]] = field(default_factory=dict)
    kapot: set[tuple[str, str]] = field(default_factory=set)


def _geheel(waarde: Decimal | None, kolom: str) -> int:
    if waarde is None:
        raise RijFouten([(kolom, "is verplicht.")])
    if waarde != waarde.to_integral_value():
        raise RijFouten([(kolom, f"'{waarde}' moet een geheel getal zijn (iWmo GeleverdVolume).")])
    return int(waarde)


def declaratie_verwerken(context, rij: DeclaratieRij, kolommen: set[str]) -> str:
    """Check one row against its allocation and collect it as a line of its claim; processed in `afronden`."""
    claims: Claims = context.claims
    sleutel = (rij.aanbieder, rij.declaratienummer)
    try:
        regel = _regel(context, rij, len(claims.regels.get(sleutel, [])) + 1)
    except RijFouten:
        claims.kapot.add(sleutel)
        raise
    claims.regels.setdefault(sleutel, []).append(regel)
    return "gecontroleerd"


def _regel(context, rij: DeclaratieRij, volgnummer: int) -> Regel:
    fouten = []
    if not _DECLARATIENUMMER.fullmatch(rij.declaratienummer):
        fouten.append(("declaratienummer", "alleen letters en cijfers, hoogstens 12 (iWmo DeclaratieNummer)."))
    if not _NUMMER.fullmatch(rij.toewijzingsnummer):
        raise RijFouten(
            fouten
            + [("toewijzingsnummer", f"{rij.toewijzingsnummer} is geen iWmo-toewijzingsnummer (hoogstens 9 cijfers).")]
        )
    toewijzingen = Toewijzing.objects.all() if context.user is None else toewijzingen_voor(context.user)
    toewijzing = (
        toewijzingen.select_related("client", "aanbieder", "product", "gemeente")
        .filter(toewijzingsnummer=rij.toewijzingsnummer)
        .first()
    )
    if toewijzing is None:
        raise RijFouten(fouten + [("toewijzingsnummer", f"onbekende toewijzing {rij.toewijzingsnummer}.")])
    if toewijzing.client.bsn != rij.bsn:
        fouten.append(("bsn", f"hoort niet bij toewijzing {rij.toewijzingsnummer}."))
    if toewijzing.aanbieder.agb_code != rij.aanbieder:
        fouten.append(("aanbieder", f"toewijzing {rij.toewijzingsnummer} is aan een andere aanbieder gegeven."))
    product = toewijzing.product
    if rij.productcode and product.productcode != rij.productcode:
        fouten.append(("productcode", f"toewijzing {rij.toewijzingsnummer} is voor product {product.productcode}."))
    gemeente = rij.gemeente or context.opties.gemeente or toewijzing.gemeente.cbs_code
    if gemeente != toewijzing.gemeente.cbs_code:
        fouten.append(
            ("gemeente", f"toewijzing {rij.toewijzingsnummer} is van gemeente {toewijzing.gemeente.cbs_code}.")
        )
    if not covered_by([(toewijzing.ingangsdatum, toewijzing.einddatum)], rij.begindatum, rij.einddatum):
        tot = toewijzing.einddatum.strftime("%d-%m-%Y") if toewijzing.einddatum else "open einde"
        fouten.append(
            (
                "begindatum",
                f"de declaratieperiode {rij.begindatum:%d-%m-%Y} t/m {rij.einddatum:%d-%m-%Y} valt buiten de "
                f"toewijzing ({toewijzing.ingangsdatum:%d-%m-%Y} t/m {tot}).",
            )
        )
    try:
        volume = _geheel(rij.volume, "volume")
    except RijFouten as fout:
        fouten += fout.fouten
        volume = 0
    bedrag = rij.bedrag
    if rij.tarief is not None:
        verwacht = (volume * rij.tarief).quantize(_CENT, rounding=ROUND_HALF_UP)
        if bedrag is not None and verwacht != bedrag:
            fouten.append(("bedrag", f"volume × tarief is {verwacht}, niet {bedrag}."))
        bedrag = verwacht if bedrag is None else bedrag
    if bedrag is None:
        fouten.append(("bedrag", "is verplicht (of geef volume en tarief)."))
    elif bedrag != bedrag.quantize(_CENT):
        fouten.append(("bedrag", f"'{bedrag}' heeft meer dan twee decimalen."))
    if rij.status and rij.status not in (checks.GOEDGEKEURD, checks.AFGEKEURD):
        fouten.append(("status", "is 'goedgekeurd', 'afgekeurd' of leeg."))
    if fouten:
        raise RijFouten(fouten)
    try:
        prestatie = checks.Prestatie(
            referentienummer=rij.referentienummer or f"{rij.declaratienummer}-{volgnummer}",
            toewijzingsnummer=rij.toewijzingsnummer,
            bsn=rij.bsn,
            productcategorie=product.productcategorie,
            productcode=product.productcode,
            begindatum=rij.begindatum,
            einddatum=rij.einddatum,
            geleverd_volume=volume,
            eenheid=rij.eenheid or toewijzing.eenheid or product.eenheid,
            producttarief=rij.tarief,
            ingediend_bedrag=bedrag,
        )
    except ValueError as fout:  # a value no iWmo claim can carry (the checks name the field)
        raise RijFouten([("", f"geen geldige prestatie: {fout}")]) from None
    return Regel(rij.nummer, prestatie, gemeente, rij.status)


@dataclass
class Afronding:
    aangemaakt: int = 0
    ongewijzigd: int = 0
    fouten: list[tuple[int, str, str]] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


def afronden(context) -> Afronding:
    """Process every collected claim through the claims service; errors are given per row."""
    claims: Claims = context.claims
    uit = Afronding()
    for (agb, nummer), regels in claims.regels.items():
        if (agb, nummer) in claims.kapot:
            uit.fouten += [
                (r.rij, "declaratienummer", f"declaratie {nummer} is niet verwerkt: andere rijen ervan hebben fouten.")
                for r in regels
            ]
            continue
        uit_claim = _claim(context, agb, nummer, regels)
        uit.aangemaakt += uit_claim.aangemaakt
        uit.ongewijzigd += uit_claim.ongewijzigd
        uit.fouten += uit_claim.fouten
        uit.meldingen += uit_claim.meldingen
    claims.regels.clear()
    claims.kapot.clear()
    return uit


def _claim(context, agb: str, nummer: str, regels: list[Regel]) -> Afronding:
    uit = Afronding()
    gemeenten = {r.gemeente for r in regels}
    if len(gemeenten) > 1:
        uit.fouten += [(r.rij, "gemeente", f"declaratie {nummer} noemt meer dan één gemeente.") for r in regels]
        return uit
    prestaties = tuple(r.prestatie for r in regels)
    begin = month_start(min(p.begindatum for p in prestaties))
    totaal = sum((p.bedrag_met_teken for p in prestaties), Decimal("0.00"))
    try:
        d = checks.Declaratie(
            declaratienummer=nummer,
            aanbieder_agb=agb,
            gemeente_cbs=gemeenten.pop(),
            periode_begindatum=begin,
            periode_einddatum=month_end(begin),
            totaal_ingediend_bedrag=abs(totaal),
            totaal_debet_credit="D" if totaal >= 0 else "C",
            prestaties=prestaties,
        )
    except ValueError as fout:
        uit.fouten += [(r.rij, "", f"geen geldige declaratie: {fout}") for r in regels]
        return uit
    with transaction.atomic():
        uitkomst = declaratie_verwerken_regels(d, bron=Bron.CSV, user=context.user)
    if uitkomst.declaratie is None:
        code = uitkomst.retourcodes[0] if uitkomst.retourcodes else ""
        reden = "; ".join(uitkomst.meldingen) or "afgewezen"
        uit.fouten += [(r.rij, "declaratienummer", f"declaratie {nummer} afgewezen ({code}): {reden}.") for r in regels]
        return uit
    if uitkomst.herhaald:
        uit.ongewijzigd += len(regels)
    else:
        uit.aangemaakt += len(regels)
    statussen = dict(Prestatie.objects.filter(declaratie=uitkomst.declaratie).values_list("referentienummer", "status"))
    for r in regels:
        uitkomst_status = statussen.get(r.prestatie.referentienummer)
        if r.status and uitkomst_status and r.status != uitkomst_status:
            uit.meldingen.append(
                f"rij {r.rij}: het bestand zegt '{r.status}', de controle van Open Wmo keurt de prestatie "
                f"{'goed' if uitkomst_status == checks.GOEDGEKEURD else 'af'}; opgeslagen met de uitkomst van Open Wmo."
            )
    return uit


def rijen_voor_export(user, gemeente: str | None) -> list[dict[str, str]]:
    """The stored lines as declaraties.csv rows, in the order of claim and line."""
    from .export import _bedrag, _datum

    declaraties = declaraties_voor(user) if user is not None else None
    regels = Prestatie.objects.select_related("declaratie__aanbieder", "declaratie__gemeente")
    if declaraties is not None:
        regels = regels.filter(declaratie__in=declaraties)
    if gemeente:
        regels = regels.filter(declaratie__gemeente__cbs_code=gemeente)
    regels = regels.order_by("declaratie__aanbieder__agb_code", "declaratie__declaratienummer", "volgnummer")
    return [
        {
            "declaratienummer": p.declaratie.declaratienummer,
            "aanbieder": p.declaratie.aanbieder.agb_code,
            "gemeente": p.declaratie.gemeente.cbs_code,
            "toewijzingsnummer": p.toewijzingsnummer,
            "bsn": p.bsn,
            "productcode": p.productcode,
            "begindatum": _datum(p.begindatum),
            "einddatum": _datum(p.einddatum),
            "volume": str(p.volume),
            "eenheid": p.eenheid,
            "tarief": _bedrag(p.tarief),
            "bedrag": _bedrag(p.bedrag_met_teken),
            "status": p.status,
            "referentienummer": p.referentienummer,
        }
        for p in regels
    ]
