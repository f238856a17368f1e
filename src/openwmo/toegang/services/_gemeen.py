"""Shared guards and the audit-log call of the toegang services."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.rollen import mag_persoonsgegevens_zien
from openwmo.core.selectors import gemeenten_voor

DOEL = "Uitvoering Wmo 2015"

__all__ = ["Actie", "DOEL", "mag_werken_voor", "log", "datum_nl"]


def mag_werken_voor(user, gemeente) -> None:
    """Refuse unless the user (None = a system process) is a consulent/beheerder/superuser of `gemeente`."""
    if user is None:
        return
    if not (mag_persoonsgegevens_zien(user) or (user.is_authenticated and user.is_superuser)):
        raise PermissionDenied(_("Uw rol mag geen toegangsgegevens vastleggen."))
    if not gemeenten_voor(user).filter(pk=gemeente.pk).exists():
        raise PermissionDenied(_("U werkt niet voor gemeente %(gemeente)s.") % {"gemeente": gemeente.naam})


def log(user, actie, obj, activiteit, omschrijving=""):
    log_verwerking(
        user,
        actie,
        activiteit=activiteit,
        doel=DOEL,
        object_type=type(obj).__name__,
        object_id=obj.pk,
        betrokkene=obj.client,
        gemeente=obj.gemeente,
        omschrijving=omschrijving,
    )


def datum_nl(dag) -> str:
    return dag.strftime("%d-%m-%Y")
