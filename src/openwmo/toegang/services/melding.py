"""Melding and onderzoek (keukentafelgesprek) with its ZRM measurement."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.core.services import client_create

from ..codelijsten import ZRM_DOMEINEN
from ..models import Melding, Onderzoek, ZrmMeting, ZrmScore
from ._gemeen import Actie, log, mag_werken_voor


@transaction.atomic
def melding_create(*, user, client, meldingsdatum: date, kanaal: str, vraag: str, consulent=None) -> Melding:
    """Register a melding for a known client; starts the 6-week investigation period (art. 2.3.2)."""
    mag_werken_voor(user, client.gemeente)
    if consulent is None and getattr(user, "is_authenticated", False):
        consulent = user
    melding = Melding(
        client=client,
        gemeente=client.gemeente,
        meldingsdatum=meldingsdatum,
        kanaal=kanaal,
        vraag=vraag,
        consulent=consulent,
    )
    melding.full_clean()
    melding.save()
    log(user, Actie.AANMAKEN, melding, "Melding registreren", f"onderzoek uiterlijk {melding.onderzoek_uiterlijk}")
    return melding


@transaction.atomic
def melding_nieuwe_client_create(*, user, client_velden: dict, **melding_velden) -> Melding:
    """Register a new client and the melding together: both or neither."""
    client = client_create(user=user, **client_velden)
    return melding_create(user=user, client=client, **melding_velden)


def _controleer_zrm(scores: dict) -> dict[str, int]:
    ontbrekend = [naam for code, naam in ZRM_DOMEINEN.items() if scores.get(code) in (None, "")]
    if ontbrekend:
        raise ValidationError(
            {
                "zrm": _("Geef voor elk van de 13 domeinen van de ZRM een score van 1 tot 5; ontbreekt: %(domeinen)s.")
                % {"domeinen": ", ".join(ontbrekend)}
            }
        )
    onbekend = sorted(set(scores) - set(ZRM_DOMEINEN))
    if onbekend:
        raise ValidationError({"zrm": _("Onbekend ZRM-domein: %(domeinen)s.") % {"domeinen": ", ".join(onbekend)}})
    schoon = {}
    for code, waarde in scores.items():
        try:
            score = int(waarde)
        except (TypeError, ValueError):
            score = 0
        if not 1 <= score <= 5:
            raise ValidationError(
                {"zrm": _("De score voor %(domein)s moet 1 tot en met 5 zijn.") % {"domein": ZRM_DOMEINEN[code]}}
            )
        schoon[code] = score
    return schoon


def zrm_meting_opslaan(*, client, meetdatum: date, scores: dict, onderzoek=None) -> ZrmMeting:
    """Store a complete ZRM measurement (13 domains). Called inside the onderzoek and evaluatie services."""
    schoon = _controleer_zrm(scores)
    meting = ZrmMeting(client=client, gemeente=client.gemeente, meetdatum=meetdatum, onderzoek=onderzoek)
    meting.full_clean()
    meting.save()
    ZrmScore.objects.bulk_create([ZrmScore(meting=meting, domein=code, score=score) for code, score in schoon.items()])
    return meting


@transaction.atomic
def onderzoek_create(
    *, user, melding: Melding, datum: date, deelnemers: str, verslag: str, zrm_scores: dict
) -> Onderzoek:
    """Record the investigation (kitchen-table talk) of a melding, with its ZRM measurement."""
    mag_werken_voor(user, melding.gemeente)
    onderzoek = Onderzoek(
        melding=melding,
        client=melding.client,
        gemeente=melding.gemeente,
        datum=datum,
        deelnemers=deelnemers,
        verslag=verslag,
    )
    onderzoek.full_clean()
    if datum < melding.meldingsdatum:
        raise ValidationError({"datum": _("Het gesprek kan niet vóór de meldingsdatum plaatsvinden.")})
    _controleer_zrm(zrm_scores)
    onderzoek.save()
    meting = zrm_meting_opslaan(client=melding.client, meetdatum=datum, scores=zrm_scores, onderzoek=onderzoek)
    log(user, Actie.AANMAKEN, onderzoek, "Onderzoek vastleggen", f"ZRM gemiddeld {meting.gemiddelde}")
    return onderzoek
