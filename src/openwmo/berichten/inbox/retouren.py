"""WMO302 / WMO320: a provider's retour on our 301 / 319 updates that message's status and codes."""

from __future__ import annotations

from django.utils import timezone

from ..models import Bericht, Richting, Status
from ..retour import RETOUR_VAN
from .kern import alle_retourcodes


def verwerk_retour(bericht: Bericht, model) -> None:
    heen = (
        Bericht.objects.select_for_update()
        .filter(
            richting=Richting.UIT,
            berichtcode=RETOUR_VAN[bericht.berichtcode],
            afzender=model.header.afzender,
            identificatie=model.header.bericht_identificatie.identificatie,
        )
        .first()
    )
    codes = alle_retourcodes(model)
    bericht.retourcodes = ",".join(codes)
    if heen is None:
        bericht.status = Status.AFGEKEURD
        bericht.meldingen = f"Er is geen verstuurd WMO{RETOUR_VAN[bericht.berichtcode]} met deze identificatie."
        return
    if heen.antwoord_id is not None:
        bericht.status = Status.AFGEKEURD
        bericht.meldingen = f"Op dit bericht is al een retour ontvangen ({heen.antwoord.identificatie})."
        return
    bericht.status = Status.VERWERKT
    bericht.toewijzing = heen.toewijzing
    bericht.save()
    heen.antwoord = bericht
    heen.status = Status.RETOUR_ONTVANGEN
    heen.retourcodes = ",".join(codes)
    heen.verwerkt_op = timezone.now()
    heen.save(update_fields=["antwoord", "status", "retourcodes", "verwerkt_op"])
