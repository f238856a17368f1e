"""Scoped reads of messages and requests: municipal staff see their municipalities, providers their own AGB."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from openwmo.core.rollen import Rol, mag_persoonsgegevens_zien
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.selectors import aanbieder_van

from .models import Bericht, Richting, Status, Verzoek


def is_aanbieder(user) -> bool:
    return user.is_authenticated and user.rol == Rol.AANBIEDER and not user.is_superuser


def mag_berichten_zien(user) -> bool:
    return user.is_authenticated and (user.is_superuser or mag_persoonsgegevens_zien(user) or is_aanbieder(user))


def berichten_voor(user) -> QuerySet[Bericht]:
    berichten = Bericht.objects.select_related("gemeente", "aanbieder", "antwoord").defer("inhoud")
    if not mag_berichten_zien(user):
        return berichten.none()
    if user.is_superuser:
        return berichten
    if is_aanbieder(user):
        aanbieder = aanbieder_van(user)
        if aanbieder is None:
            return berichten.none()
        return berichten.filter(Q(afzender=aanbieder.agb_code) | Q(ontvanger=aanbieder.agb_code))
    gemeenten = gemeenten_voor(user)
    codes = list(gemeenten.values_list("cbs_code", flat=True))
    return berichten.filter(Q(gemeente__in=gemeenten) | Q(ontvanger__in=codes) | Q(afzender__in=codes))


def achterstallig_q(vandaag: date | None = None) -> Q:
    """Messages past their deadline: a retour/325 we still owe (not yet sent), or a retour a provider owes us."""
    vandaag = vandaag or timezone.localdate()
    wij_moeten = Q(richting=Richting.IN, deadline__lt=vandaag) & (
        Q(status=Status.WACHT) | Q(antwoord__status=Status.AANGEMAAKT)
    )
    zij_moeten = Q(
        richting=Richting.UIT,
        berichtcode__in=("301", "319"),
        deadline__lt=vandaag,
        status__in=(Status.AANGEMAAKT, Status.VERZONDEN),
    )
    return wij_moeten | zij_moeten


def verzoeken_voor(user) -> QuerySet[Verzoek]:
    verzoeken = Verzoek.objects.select_related("gemeente", "aanbieder", "client", "bron")
    if user.is_superuser:
        return verzoeken
    if not mag_persoonsgegevens_zien(user):
        return verzoeken.none()
    return verzoeken.filter(gemeente__in=gemeenten_voor(user))


def open_verzoeken_voor(user) -> QuerySet[Verzoek]:
    return verzoeken_voor(user).filter(status__in=(Verzoek.VerzoekStatus.OPEN, Verzoek.VerzoekStatus.IN_ONDERZOEK))
