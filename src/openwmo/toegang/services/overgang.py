"""Transition rules per municipality and product (Zoetermeer)."""

from datetime import date

from django.db import transaction

from openwmo.core.audit import log_verwerking

from ..models import Overgangsregel
from ._gemeen import DOEL, Actie, mag_werken_voor


@transaction.atomic
def overgangsregel_create(*, user, gemeente, product, datum: date, toelichting: str = "") -> Overgangsregel:
    mag_werken_voor(user, gemeente)
    regel = Overgangsregel(gemeente=gemeente, product=product, datum=datum, toelichting=toelichting)
    regel.full_clean()
    regel.save()
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit="Overgangsregel vastleggen",
        doel=DOEL,
        object_type="Overgangsregel",
        object_id=regel.pk,
        gemeente=gemeente,
        omschrijving=f"{product.productcode} vanaf {datum}",
    )
    return regel
