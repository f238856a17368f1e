"""Writes of core data: each validates, writes in one transaction and logs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .audit import Actie, log_verwerking
from .models import Client
from .rollen import mag_persoonsgegevens_zien
from .selectors import gemeenten_voor


def _controleer_gemeente(user, gemeente) -> None:
    if user is not None and not gemeenten_voor(user).filter(pk=gemeente.pk).exists():
        raise PermissionDenied(_("U werkt niet voor gemeente %(gemeente)s.") % {"gemeente": gemeente.naam})


@transaction.atomic
def client_create(*, user, doel: str = "Uitvoering Wmo 2015", **velden) -> Client:
    """Register a client. `user` None means a system process (import, demo) without a person behind it."""
    if user is not None and not (mag_persoonsgegevens_zien(user) or user.is_superuser):
        raise PermissionDenied(_("Uw rol mag geen cliënten registreren."))
    client = Client(**velden)
    if client.gemeente_id is None:
        raise ValidationError({"gemeente": _("Kies de gemeente van de cliënt.")})
    _controleer_gemeente(user, client.gemeente)
    client.full_clean()
    client.save()
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit="Cliënt registreren",
        doel=doel,
        object_type="Client",
        object_id=client.pk,
        betrokkene=client,
    )
    return client


@transaction.atomic
def client_update(*, user, client: Client, doel: str = "Uitvoering Wmo 2015", **velden) -> Client:
    if user is not None and not (mag_persoonsgegevens_zien(user) or user.is_superuser):
        raise PermissionDenied(_("Uw rol mag geen cliënten wijzigen."))
    _controleer_gemeente(user, client.gemeente)
    gewijzigd = sorted(naam for naam, waarde in velden.items() if getattr(client, naam) != waarde)
    for naam, waarde in velden.items():
        setattr(client, naam, waarde)
    client.full_clean()
    _controleer_gemeente(user, client.gemeente)
    client.save()
    log_verwerking(
        user,
        Actie.WIJZIGEN,
        activiteit="Cliëntgegevens wijzigen",
        doel=doel,
        object_type="Client",
        object_id=client.pk,
        betrokkene=client,
        omschrijving=", ".join(gewijzigd),
    )
    return client


from .services_bulk import ClientenBulkResultaat, clienten_bulk_opslaan  # noqa: E402

__all__ = ["ClientenBulkResultaat", "client_create", "client_update", "clienten_bulk_opslaan"]
