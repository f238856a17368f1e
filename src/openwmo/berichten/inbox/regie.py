"""WMO305 (start) and WMO307 (stop): the rules of reference §11 "Start/stop" and their retourcodes.

Linking (TR019 → 9019): the ToewijzingNummer must be an allocation of this provider (afzender AGB), of
this municipality (ontvanger), for this BSN; a Product, when given, must be the allocated one; a
ToewijzingIngangsdatum, when given, must equal the allocation's; Begindatum (and a stop's Einddatum)
must lie inside the allocation period. A start/stop without ToewijzingNummer (taakgericht) cannot be
linked here and gets 9019 too. Levering rows are written inside the caller's savepoint and undone when
any class is rejected (a level-3 error rejects the whole message, §8.1).
"""

from __future__ import annotations

from datetime import date

from openwmo.core.periode import Periode
from openwmo.toegang.models import Levering, Toewijzing

from ..regels import regels_regie
from ..werkdagen import werkdagen_tussen
from .kern import Oordeel, productcode_ongeldig

TERMIJN_REGIE = 5  # working days after the fact (OP271, OP272)


def _toewijzing(product, bsn: str, bericht) -> Toewijzing | None:
    if product.toewijzing_nummer is None or bericht.aanbieder is None or bericht.gemeente is None:
        return None
    toewijzing = (
        Toewijzing.objects.select_related("product", "client")
        .filter(
            toewijzingsnummer=str(product.toewijzing_nummer),
            aanbieder=bericht.aanbieder,
            gemeente=bericht.gemeente,
            client__bsn=bsn,
        )
        .first()
    )
    if toewijzing is None or (toewijzing.reden_wijziging == "13" and toewijzing.einddatum == toewijzing.ingangsdatum):
        return None  # a deleted allocation (RedenWijziging 13) counts as never sent
    if product.product is not None:
        if product.product.categorie != toewijzing.product.productcategorie:
            return None
        if product.product.code and product.product.code != toewijzing.product.productcode:
            return None
    if product.toewijzing_ingangsdatum and product.toewijzing_ingangsdatum != toewijzing.ingangsdatum:
        return None
    return toewijzing


def _binnen(toewijzing: Toewijzing, *dagen: date) -> bool:
    periode = Periode(toewijzing.ingangsdatum, toewijzing.einddatum)
    return all(periode.contains(dag) for dag in dagen)


def technische_regels_regie(model, code: str) -> list[str]:
    """XSLT-level rules inside the message (retourcode 0001): CS058, TR018, TR101, TR134, and the birth date
    rules TR002/TR134/CS139 (`regels.regels_regie`)."""
    fouten = regels_regie(model, code)
    dagtekening = model.header.bericht_identificatie.dagtekening
    producten = model.client.start_producten if code == "305" else model.client.stop_producten
    sleutels = set()
    for p in producten:
        if p.status_aanlevering not in ("1", "3"):
            fouten.append(f"CS058: StatusAanlevering {p.status_aanlevering} is niet toegestaan (alleen 1 of 3)")
        if p.begindatum > dagtekening:
            fouten.append("TR134: Begindatum ligt na de dagtekening van het bericht")
        sleutel = (p.toewijzing_nummer, p.product, p.begindatum, getattr(p, "reden_beeindiging", None))
        if sleutel in sleutels:
            fouten.append("TR101: hetzelfde product met dezelfde sleutel komt twee keer voor")
        sleutels.add(sleutel)
        if code == "307":
            if p.einddatum < p.begindatum:
                fouten.append("TR018: Einddatum ligt vóór de Begindatum")
            if p.einddatum > dagtekening:
                fouten.append("TR134: Einddatum ligt na de dagtekening van het bericht")
    return fouten


def verwerk_305(bericht, model, oordeel: Oordeel) -> None:
    bsn = model.client.bsn
    for p in model.client.start_producten:
        if productcode_ongeldig(p.product):
            oordeel.fout(p, "S329", f"productcode {p.product.code} bestaat niet in categorie {p.product.categorie}")
            continue
        toewijzing = _toewijzing(p, bsn, bericht)
        if toewijzing is None or not _binnen(toewijzing, p.begindatum):
            oordeel.fout(p, "9019", f"start {p.toewijzing_nummer} hoort niet bij een toewijzing op {p.begindatum}")
            continue
        bericht.toewijzing = toewijzing
        sleutel = Levering.objects.filter(toewijzing=toewijzing, begindatum=p.begindatum, status_aanlevering="1")
        if p.status_aanlevering == "3":
            levering = sleutel.first()
            if levering is None:
                oordeel.fout(p, "9063", "geen eerdere start met deze sleutel om te verwijderen")
            elif levering.einddatum is not None:
                oordeel.fout(p, "9071", "de start is al gestopt en kan niet meer verwijderd worden")
            else:
                levering.status_aanlevering = "3"
                levering.bron_bericht_id = bericht.pk
                levering.save()
            continue
        if sleutel.exists():
            oordeel.fout(p, "9074", "deze start is al eerder ontvangen")
            continue
        lopend = Levering.objects.filter(toewijzing=toewijzing, status_aanlevering="1")
        if lopend.filter(einddatum__isnull=True).exists():
            oordeel.fout(p, "9326", "de lopende levering op deze toewijzing is nog niet gestopt")
            continue
        if lopend.filter(begindatum__lte=p.begindatum, einddatum__gte=p.begindatum).exists():
            oordeel.fout(p, "9326", "er is al een levering in deze periode")
            continue
        Levering.objects.create(
            toewijzing=toewijzing, begindatum=p.begindatum, status_aanlevering="1", bron_bericht_id=bericht.pk
        )
        if werkdagen_tussen(p.begindatum, model.header.bericht_identificatie.dagtekening) > TERMIJN_REGIE:
            bericht.te_laat = True


def verwerk_307(bericht, model, oordeel: Oordeel) -> None:
    bsn = model.client.bsn
    for p in model.client.stop_producten:
        if productcode_ongeldig(p.product):
            oordeel.fout(p, "S329", f"productcode {p.product.code} bestaat niet in categorie {p.product.categorie}")
            continue
        toewijzing = _toewijzing(p, bsn, bericht)
        if toewijzing is None or not _binnen(toewijzing, p.begindatum, p.einddatum):
            oordeel.fout(p, "9019", f"stop {p.toewijzing_nummer} hoort niet bij een toewijzing in deze periode")
            continue
        bericht.toewijzing = toewijzing
        levering = Levering.objects.filter(
            toewijzing=toewijzing, begindatum=p.begindatum, status_aanlevering="1"
        ).first()
        if p.status_aanlevering == "3":
            if levering is None or levering.einddatum is None or levering.reden_beeindiging != p.reden_beeindiging:
                oordeel.fout(p, "9063", "geen eerdere stop met deze sleutel om te verwijderen")
                continue
            levering.einddatum, levering.reden_beeindiging = None, ""
            levering.bron_bericht_id = bericht.pk
            levering.save()
            continue
        if levering is None:
            oordeel.fout(p, "9069", "er is geen actuele start met deze sleutel")
            continue
        if levering.einddatum is not None:
            tijdelijk = levering.reden_beeindiging == "20"
            if tijdelijk and p.reden_beeindiging == "20":
                oordeel.fout(p, "9413", "er is al een tijdelijke stop voor deze start")
                continue
            if not tijdelijk and levering.reden_beeindiging == p.reden_beeindiging:
                oordeel.fout(p, "9074", "deze stop is al eerder ontvangen")
                continue
            if not tijdelijk:
                oordeel.fout(p, "9415", "deze start is al definitief gestopt")
                continue
            if p.einddatum < levering.einddatum:
                oordeel.fout(p, "9414", "de einddatum ligt vóór die van de tijdelijke stop")
                continue
        levering.einddatum, levering.reden_beeindiging = p.einddatum, p.reden_beeindiging
        levering.bron_bericht_id = bericht.pk
        levering.save()
        if werkdagen_tussen(p.einddatum, model.header.bericht_identificatie.dagtekening) > TERMIJN_REGIE:
            bericht.te_laat = True
