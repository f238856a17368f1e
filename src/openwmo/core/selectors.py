"""Reads of core data, always scoped to what the user may see."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from .audit import Actie, log_verwerking
from .models import Client, Gemeente
from .rollen import mag_persoonsgegevens_zien


def gemeenten_voor(user) -> QuerySet[Gemeente]:
    """The municipalities a user may act for (all of them for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return Gemeente.objects.none()
    if user.is_superuser:
        return Gemeente.objects.all()
    return user.gemeenten.all()


def clienten_voor(user) -> QuerySet[Client]:
    """Clients whose personal data the user may see: right role, own municipalities only."""
    if not mag_persoonsgegevens_zien(user) and not (user.is_authenticated and user.is_superuser):
        return Client.objects.none()
    return Client.objects.filter(gemeente__in=gemeenten_voor(user)).select_related("gemeente", "wijk")


def clienten_zoeken(user, zoekterm: str = "") -> QuerySet[Client]:
    """Client list for the user, optionally filtered by (part of) a name or an exact BSN. Logged."""
    clienten = clienten_voor(user)
    zoekterm = zoekterm.strip()
    if zoekterm:
        if zoekterm.isdigit():
            clienten = clienten.filter(bsn=zoekterm)
        else:
            clienten = clienten.filter(Q(achternaam__icontains=zoekterm) | Q(voorletters__iexact=zoekterm))
    log_verwerking(
        user,
        Actie.LEZEN,
        activiteit="Cliëntenlijst raadplegen",
        doel="Uitvoering Wmo 2015",
        object_type="Client",
        omschrijving=f"zoekterm: {zoekterm}" if zoekterm else "",
    )
    return clienten


def client_ophalen(user, pk: int, doel: str = "Uitvoering Wmo 2015") -> Client:
    """One client for the user (404 when not theirs). Logged."""
    client = get_object_or_404(clienten_voor(user), pk=pk)
    log_verwerking(
        user,
        Actie.LEZEN,
        activiteit="Cliëntdossier raadplegen",
        doel=doel,
        object_type="Client",
        object_id=client.pk,
        betrokkene=client,
    )
    return client
