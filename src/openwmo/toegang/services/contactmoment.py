"""Contact moments on an allocation (for the eigen bijdrage's "fewer than 5 contacts" rule)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Contactmoment, Toewijzing
from ._gemeen import Actie, datum_nl
from ._gemeen import log as _log
from ._gemeen import mag_werken_voor as _mag_werken_voor


@transaction.atomic
def contactmoment_vastleggen(*, user, toewijzing: Toewijzing, datum: date, omschrijving: str = "") -> Contactmoment:
    """Record one contact with the client within `toewijzing`, on a day inside the allocation and not in
    the future."""
    toewijzing = Toewijzing.objects.select_related("client", "gemeente").get(pk=toewijzing.pk)
    _mag_werken_voor(user, toewijzing.gemeente)
    if datum < toewijzing.ingangsdatum or (toewijzing.einddatum is not None and datum > toewijzing.einddatum):
        raise ValidationError(
            {"datum": _("Een contactmoment ligt binnen de toewijzing (%(van)s t/m %(tot)s).")
             % {"van": datum_nl(toewijzing.ingangsdatum),
                "tot": datum_nl(toewijzing.einddatum) if toewijzing.einddatum else "…"}}
        )  # fmt: skip
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Een contactmoment kan niet in de toekomst liggen.")})
    contactmoment = Contactmoment(
        toewijzing=toewijzing,
        datum=datum,
        omschrijving=omschrijving.strip(),
        vastgelegd_door=user if getattr(user, "is_authenticated", False) else None,
    )
    contactmoment.full_clean()
    contactmoment.save()
    _log(user, Actie.AANMAKEN, contactmoment, "Contactmoment vastleggen", f"toewijzing {toewijzing.toewijzingsnummer}")
    return contactmoment
