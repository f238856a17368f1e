"""Reads of toegang data, scoped to the user's municipalities (and to its own provider for providers)."""

from datetime import date

from django.db.models import QuerySet

from openwmo.core.periodes import actief_op_q
from openwmo.core.rollen import Rol
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.selectors import aanbieder_van

from .models import Beschikking, Toewijzing


def toewijzingen_voor(user) -> QuerySet[Toewijzing]:
    """Allocations the user may see: own municipalities; a provider's employee only its own provider's."""
    toewijzingen = Toewijzing.objects.select_related("product", "aanbieder", "client", "gemeente")
    if user.is_authenticated and user.rol == Rol.AANBIEDER and not user.is_superuser:
        aanbieder = aanbieder_van(user)
        return toewijzingen.filter(aanbieder=aanbieder) if aanbieder else toewijzingen.none()
    return toewijzingen.filter(gemeente__in=gemeenten_voor(user))


def beschikkingen_voor(user) -> QuerySet[Beschikking]:
    """Decisions the user may see: municipal staff of the decision's municipality; never a provider."""
    if not user.is_authenticated or (user.rol == Rol.AANBIEDER and not user.is_superuser):
        return Beschikking.objects.none()
    return Beschikking.objects.select_related("client", "gemeente").filter(gemeente__in=gemeenten_voor(user))


def toewijzingen_active_on(dag: date, queryset: QuerySet[Toewijzing] | None = None) -> QuerySet[Toewijzing]:
    return (queryset if queryset is not None else Toewijzing.objects.all()).filter(actief_op_q(dag))
