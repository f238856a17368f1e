"""WMO315 (verzoek om toewijzing) and WMO317 (verzoek om wijziging): stored as `Verzoek` for the worklist.

Rules: TR347 (9347, ReferentieAanbieder unique per provider), TR374 (9374, another request of this provider
for this client is still open), and for 317 TR349/TR350/TR351 (the request must list exactly the current
allocations). XSLT-level: TR383 (reference unique in the 315), TR352/TR353 (317 lists something to keep or
change, and something to change or add).
"""

from __future__ import annotations

from django.db.models import F, Q

from openwmo.core.models import Client
from openwmo.toegang.models import Toewijzing

from ..models import Verzoek
from .kern import TERMIJN_VERZOEK, Oordeel, deadline_na, naar_json, vandaag

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
    else:
        verzoek = model.client.verzoek
        if not (verzoek.ongewijzigde_producten or verzoek.te_wijzigen_producten):
            fouten.append("TR352: het verzoek bevat geen ongewijzigd of te wijzigen product")
        if not (verzoek.te_wijzigen_producten or verzoek.nieuwe_producten):
            fouten.append("TR353: het verzoek bevat geen te wijzigen of nieuw product")
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
    if _referentie_bestaat(bericht, verzoek.referentie_aanbieder):
        oordeel.fout(verzoek, "9347", f"ReferentieAanbieder {verzoek.referentie_aanbieder} is al eerder gebruikt")
        return
    if _open_verzoek(bericht, client.bsn):
        oordeel.fout(verzoek, "9374", "er staat nog een ander verzoek van deze aanbieder open voor deze cliënt")
        return
    huidig = {
        int(n)
        for n in huidige_toewijzingen(bericht, client.bsn, model.header.bericht_identificatie.dagtekening).values_list(
            "toewijzingsnummer", flat=True
        )
        if n.isdigit()
    }
    genoemd = set()
    for p in verzoek.ongewijzigde_producten:
        genoemd.add(p.toewijzing_nummer)
        if p.toewijzing_nummer not in huidig:
            oordeel.fout(p, "9350", f"{p.toewijzing_nummer} is geen actuele toewijzing")
    for p in verzoek.te_wijzigen_producten:
        genoemd.add(p.toewijzing_nummer)
        if p.toewijzing_nummer not in huidig:
            oordeel.fout(p, "9351", f"{p.toewijzing_nummer} is geen actuele toewijzing")
    if huidig - genoemd:
        oordeel.fout(verzoek, "9349", "het verzoek noemt niet alle actuele toewijzingen")
    if oordeel.afgekeurd:
        return
    _nieuw(bericht, Verzoek.Soort.WIJZIGING, client.bsn, verzoek.referentie_aanbieder, naar_json(verzoek))
