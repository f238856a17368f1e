"""Reads of procurement data: which contract and tariff apply to a provider, product and date."""

from datetime import date

from django.db.models import Q, QuerySet

from openwmo.core.periodes import actief_op_q

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
