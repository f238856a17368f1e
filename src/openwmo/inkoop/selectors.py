"""Reads of procurement data: which contract and tariff apply to a provider, product and date."""

from datetime import date

from django.db.models import Q, QuerySet

from openwmo.core.periodes import actief_op_q
from openwmo.core.rollen import Rol
from openwmo.core.selectors import gemeenten_voor

from .models import Aanbieder, AanbiederGebruiker, Contract, Tarief


def contracten_geldig_op(aanbieder: Aanbieder, gemeente, datum: date) -> QuerySet[Contract]:
    """Contracts of the provider valid for the municipality on `datum` (from accession date if any)."""
    return (
        Contract.objects.filter(aanbieder=aanbieder, gemeenten=gemeente)
        .filter(actief_op_q(datum))
        .filter(Q(toetredingsdatum__isnull=True) | Q(toetredingsdatum__lte=datum))
    )


def tarief_op(aanbieder: Aanbieder, product, gemeente, datum: date) -> Tarief | None:
    """The tariff for the product under a contract of the provider valid for the municipality on `datum`."""
    return (
        Tarief.objects.filter(contract__in=contracten_geldig_op(aanbieder, gemeente, datum), product=product)
        .filter(actief_op_q(datum))
        .select_related("contract")
        .order_by("-ingangsdatum")
        .first()
    )


def aanbieder_van(user) -> Aanbieder | None:
    """The provider a provider employee works for (None for municipal staff)."""
    koppeling = AanbiederGebruiker.objects.filter(user=user).select_related("aanbieder").first()
    return koppeling.aanbieder if koppeling else None


def _is_aanbieder(user) -> bool:
    return bool(user.is_authenticated and user.rol == Rol.AANBIEDER and not user.is_superuser)


def aanbieders_voor(user) -> QuerySet[Aanbieder]:
    """Providers the user may see: all for municipal staff; a provider's employee only its own."""
    if not user.is_authenticated or not user.is_active:
        return Aanbieder.objects.none()
    if _is_aanbieder(user):
        eigen = aanbieder_van(user)
        return Aanbieder.objects.filter(pk=eigen.pk) if eigen else Aanbieder.objects.none()
    return Aanbieder.objects.all()


def contracten_voor(user) -> QuerySet[Contract]:
    """Contracts the user may see: those covering the user's municipalities; a provider only its own."""
    contracten = Contract.objects.select_related("aanbieder", "perceel").prefetch_related("gemeenten")
    if _is_aanbieder(user):
        return contracten.filter(aanbieder__in=aanbieders_voor(user))
    return contracten.filter(gemeenten__in=gemeenten_voor(user)).distinct()


def tarieven_voor(user) -> QuerySet[Tarief]:
    """Tariffs under the contracts the user may see."""
    return Tarief.objects.filter(contract__in=contracten_voor(user)).select_related("contract", "product")
