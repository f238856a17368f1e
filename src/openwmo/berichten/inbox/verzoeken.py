"""WMO315 (verzoek om toewijzing) and WMO317 (verzoek om wijziging): stored as `Verzoek` for the worklist.

Rules: TR347 (9347, ReferentieAanbieder unique per provider), TR374 (9374, another request of this provider
for this client is still open), TR381 (S329, product code not in the catalogue for its category), and for 317
TR349/TR350/TR351 (the request must list exactly the current allocations), TR304 (8187, the number is another
client's allocation), TR357/TR373 (start date of a change), TR411/TR412 (Omvang follows the allocation's product
code), TR361 (no product twice with overlapping periods). XSLT-level: TR383 (reference unique in the 315),
CD043, TR352/TR353 (317 lists something to keep or change, and something to change or add), and the CD/CS rules
of `regels.regels_315` / `regels.regels_317`.
"""

from __future__ import annotations

from django.db.models import F, Q

from openwmo.core.models import Client
from openwmo.toegang.models import Toewijzing

from ..models import Verzoek
from ..regels import OVERGANG, Periodeproduct, overlappingen, regels_315, regels_317
from .kern import TERMIJN_VERZOEK, Oordeel, deadline_na, naar_json, productcode_ongeldig, vandaag

OPEN = (Verzoek.VerzoekStatus.OPEN, Verzoek.VerzoekStatus.IN_ONDERZOEK)


def technische_regels_verzoek(model, code: str) -> list[str]:
    fouten = []
    if code == "315":
        referenties = [p.referentie_aanbieder for p in model.client.aangevraagde_producten]
        if len(referenties) != len(set(referenties)):
            fouten.append("TR383: ReferentieAanbieder komt meer dan eens voor in het bericht")
        for p in model.client.aangevraagde_producten:
            if (p.beschikking_nummer is None) != (p.beschikking_ingangsdatum is None):
                fouten.append("CD043: BeschikkingIngangsdatum hoort bij een BeschikkingNummer")
        fouten += regels_315(model)
    else:
        verzoek = model.client.verzoek
        if not (verzoek.ongewijzigde_producten or verzoek.te_wijzigen_producten):
            fouten.append("TR352: het verzoek bevat geen ongewijzigd of te wijzigen product")
        if not (verzoek.te_wijzigen_producten or verzoek.nieuwe_producten):
            fouten.append("TR353: het verzoek bevat geen te wijzigen of nieuw product")
        fouten += regels_317(model)
    return fouten


def _open_verzoek(bericht, bsn: str) -> bool:
    return Verzoek.objects.filter(
        aanbieder=bericht.aanbieder, gemeente=bericht.gemeente, bsn=bsn, status__in=OPEN
    ).exists()


def _referentie_bestaat(bericht, referentie: str) -> bool:
    return Verzoek.objects.filter(aanbieder=bericht.aanbieder, referentie_aanbieder=referentie).exists()


def _nieuw(bericht, soort, bsn, referentie, producten) -> Verzoek:
    return Verzoek.objects.create(
        soort=soort,
        bsn=bsn,
        # Only a client of the addressed municipality: one who lives elsewhere must not show up (name, dossier
        # link) on this municipality's worklist; granting then asks for a melding first.
        client=Client.objects.filter(bsn=bsn, gemeente=bericht.gemeente).first(),
        aanbieder=bericht.aanbieder,
        gemeente=bericht.gemeente,
        producten=producten,
        referentie_aanbieder=referentie,
        bron=bericht,
        ontvangen_op=bericht.ontvangen_op,
        deadline=deadline_na(vandaag(), TERMIJN_VERZOEK),
    )


def verwerk_315(bericht, model, oordeel: Oordeel) -> None:
    client = model.client
    if bericht.aanbieder is None:
        oordeel.fout(client, "9374", "onbekende aanbieder")  # never reached: unknown senders are refused earlier
        return
    if _open_verzoek(bericht, client.bsn):
        oordeel.fout(client, "9374", "er staat nog een ander verzoek van deze aanbieder open voor deze cliënt")
        return
    for p in client.aangevraagde_producten:
        if productcode_ongeldig(p.product):
            oordeel.fout(p, "S329", f"productcode {p.product.code} bestaat niet in categorie {p.product.categorie}")
            continue
        if _referentie_bestaat(bericht, p.referentie_aanbieder):
            oordeel.fout(p, "9347", f"ReferentieAanbieder {p.referentie_aanbieder} is al eerder gebruikt")
            continue
        _nieuw(bericht, Verzoek.Soort.TOEWIJZING, client.bsn, p.referentie_aanbieder, [naar_json(p)])


def huidige_toewijzingen(bericht, bsn: str, peildatum):
    """The provider's current allocations for this client (deleted ones, code 13, do not count)."""
    return (
        Toewijzing.objects.filter(client__bsn=bsn, aanbieder=bericht.aanbieder, gemeente=bericht.gemeente)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=peildatum))
        .exclude(reden_wijziging="13", einddatum=F("ingangsdatum"))
    )


def verwerk_317(bericht, model, oordeel: Oordeel) -> None:
    client, verzoek = model.client, model.client.verzoek
    dagtekening = model.header.bericht_identificatie.dagtekening
    if _referentie_bestaat(bericht, verzoek.referentie_aanbieder):
        oordeel.fout(verzoek, "9347", f"ReferentieAanbieder {verzoek.referentie_aanbieder} is al eerder gebruikt")
        return
    if _open_verzoek(bericht, client.bsn):
        oordeel.fout(verzoek, "9374", "er staat nog een ander verzoek van deze aanbieder open voor deze cliënt")
        return
    huidig = {
        int(t.toewijzingsnummer): t
        for t in huidige_toewijzingen(bericht, client.bsn, dagtekening).select_related("product")
        if t.toewijzingsnummer.isdigit()
    }
    van_ander = _van_andere_client(bericht, client.bsn, verzoek)
    genoemd = set()
    perioden: list[tuple[object, Periodeproduct]] = []
    for p in verzoek.ongewijzigde_producten:
        genoemd.add(p.toewijzing_nummer)
        if p.toewijzing_nummer in van_ander:
            oordeel.fout(p, "8187", f"{p.toewijzing_nummer} is een toewijzing van een andere cliënt")
        elif p.toewijzing_nummer not in huidig:
            oordeel.fout(p, "9350", f"{p.toewijzing_nummer} is geen actuele toewijzing")
        else:
            t = huidig[p.toewijzing_nummer]
            perioden.append((p, _periode(t, t.ingangsdatum, t.einddatum)))
    for p in verzoek.te_wijzigen_producten:
        genoemd.add(p.toewijzing_nummer)
        if p.toewijzing_nummer in van_ander:
            oordeel.fout(p, "8187", f"{p.toewijzing_nummer} is een toewijzing van een andere cliënt")
        elif p.toewijzing_nummer not in huidig:
            oordeel.fout(p, "9351", f"{p.toewijzing_nummer} is geen actuele toewijzing")
        else:
            t = huidig[p.toewijzing_nummer]
            _te_wijzigen_product(p, t, dagtekening, oordeel)
            perioden.append((p, _periode(t, t.ingangsdatum, p.einddatum)))
    if huidig.keys() - genoemd:
        oordeel.fout(verzoek, "9349", "het verzoek noemt niet alle actuele toewijzingen")
    for i, p in enumerate(verzoek.nieuwe_producten, start=1):
        if productcode_ongeldig(p.product):
            oordeel.fout(p, "S329", f"productcode {p.product.code} bestaat niet in categorie {p.product.categorie}")
        categorie = p.product.categorie if p.product else None
        code = p.product.code if p.product else None
        periode = Periodeproduct(categorie, code, p.gewenste_ingangsdatum, p.einddatum, f"nieuw product {i}")
        perioden.append((p, periode))
    _overlap_9361(perioden, oordeel)
    if oordeel.afgekeurd:
        return
    _nieuw(bericht, Verzoek.Soort.WIJZIGING, client.bsn, verzoek.referentie_aanbieder, naar_json(verzoek))


def _van_andere_client(bericht, bsn: str, verzoek) -> set[int]:
    """TR304 (8187): numbers in the request that are this provider's allocations for another client."""
    nummers = {str(p.toewijzing_nummer) for p in verzoek.ongewijzigde_producten + verzoek.te_wijzigen_producten}
    andere = (
        Toewijzing.objects.filter(toewijzingsnummer__in=nummers, aanbieder=bericht.aanbieder, gemeente=bericht.gemeente)
        .exclude(client__bsn=bsn)
        .values_list("toewijzingsnummer", flat=True)
    )
    return {int(n) for n in andere}


def _periode(t: Toewijzing, begin, einde) -> Periodeproduct:
    return Periodeproduct(
        t.product.productcategorie, t.product.productcode or None, begin, einde, f"toewijzing {t.toewijzingsnummer}"
    )


def _centen(bedrag) -> int | None:
    return None if bedrag is None else int(round(bedrag * 100))


def _te_wijzigen_product(p, t: Toewijzing, dagtekening, oordeel: Oordeel) -> None:
    """TR357 (9357), TR373 (9373), TR411 (9411), TR412 (9412) for one TeWijzigenProduct against allocation `t`."""
    if p.gewenste_ingangsdatum <= dagtekening and p.gewenste_ingangsdatum != t.ingangsdatum:
        oordeel.fout(
            p,
            "9357",
            f"een wijziging die niet in de toekomst ingaat, gaat in op de ingangsdatum van de toewijzing "
            f"({t.ingangsdatum.isoformat()})",
        )
    budget_anders = p.budget is not None and p.budget != _centen(t.budget)
    tbgt_anders = (
        p.omvang is not None
        and p.omvang.frequentie == "6"
        and t.frequentie == "6"
        and (t.volume is None or p.omvang.volume != t.volume)
    )
    if (budget_anders or tbgt_anders) and p.gewenste_ingangsdatum != t.ingangsdatum:
        oordeel.fout(p, "9373", "een wijziging van budget of totaalvolume gaat in op de ingangsdatum van de toewijzing")
    heeft_code = bool(t.product.productcode)
    if heeft_code and p.omvang is None and p.budget is None:
        oordeel.fout(p, "9411", "de toewijzing heeft een productcode, dus de omvang moet gevuld zijn")
    if not heeft_code and p.omvang is not None and (p.einddatum is None or p.einddatum > OVERGANG):
        oordeel.fout(p, "9412", "de toewijzing heeft geen productcode, dus de omvang blijft leeg")


def _overlap_9361(perioden, oordeel: Oordeel) -> None:
    """TR361 (9361): the request as a whole holds no product twice with overlapping periods (hulpmiddelen may)."""
    klasse = {id(periode): k for k, periode in perioden}
    for _a, b in overlappingen(periode for _k, periode in perioden):
        oordeel.fout(klasse[id(b)], "9361", f"{b.naam} overlapt met {_a.naam}: hetzelfde product in dezelfde periode")
