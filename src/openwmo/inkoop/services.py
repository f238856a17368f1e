"""Writes of procurement data: each validates completely, writes in one transaction, and logs."""

from django.db import transaction

from openwmo.core.audit import Actie, log_verwerking

from .models import Contract, Tarief


def _log(user, actie, obj, activiteit):
    log_verwerking(
        user,
        actie,
        activiteit=activiteit,
        doel="Contractbeheer",
        object_type=type(obj).__name__,
        object_id=obj.pk,
    )


@transaction.atomic
def contract_create(*, user, gemeenten=(), producten=(), **velden) -> Contract:
    """Create a contract; `producten` is a list of (Product, bekostigingsvorm)."""
    contract = Contract(**velden)
    contract.full_clean()
    contract.save()
    contract.gemeenten.set(gemeenten)
    for product, bekostigingsvorm in producten:
        contract.producten.create(product=product, bekostigingsvorm=bekostigingsvorm)
    _log(user, Actie.AANMAKEN, contract, "Contract vastleggen")
    return contract


@transaction.atomic
def tarief_create(*, user, **velden) -> Tarief:
    """Create a tariff; refused when its period overlaps another tariff of the same product and contract."""
    tarief = Tarief(**velden)
    tarief.full_clean()
    tarief.save()
    _log(user, Actie.AANMAKEN, tarief, "Tarief vastleggen")
    return tarief
