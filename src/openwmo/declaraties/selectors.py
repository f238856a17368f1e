"""Reads of claims, scoped: a provider sees only its own claims; municipal controllers (and administrators)
only those of their own municipalities. Other roles see none."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from openwmo.core.rollen import Rol
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.selectors import aanbieder_van

from .models import Betaalbatch, Declaratie

ROLLEN_GEMEENTE = frozenset({Rol.CONTROLLER, Rol.BEHEERDER})


def mag_declaraties_beheren(user) -> bool:
    """Controllers and administrators of a municipality: all claims of it, payment batches, exports."""
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or user.rol in ROLLEN_GEMEENTE))


def declaraties_voor(user) -> QuerySet[Declaratie]:
    basis = Declaratie.objects.select_related("aanbieder", "gemeente").defer("bericht_323", "antwoord_325")
    if not user.is_authenticated or not user.is_active:
        return basis.none()
    if user.rol == Rol.AANBIEDER and not user.is_superuser:
        aanbieder = aanbieder_van(user)
        return basis.filter(aanbieder=aanbieder) if aanbieder else basis.none()
    if mag_declaraties_beheren(user):
        return basis.filter(gemeente__in=gemeenten_voor(user))
    return basis.none()


def declaratie_ophalen(user, pk: int) -> Declaratie:
    return get_object_or_404(declaraties_voor(user), pk=pk)


def betaalbatches_voor(user) -> QuerySet[Betaalbatch]:
    if not mag_declaraties_beheren(user):
        return Betaalbatch.objects.none()
    return Betaalbatch.objects.filter(gemeente__in=gemeenten_voor(user)).select_related("aanbieder", "gemeente")
