"""Toegang write workflows. Every function validates, writes in one transaction and logs.

The web UI, the API, the iWmo inbox, imports and the demo generator all call these.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.catalogus.codelijsten import OVERLAP_TOEGESTAAN_CATEGORIEEN
from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Nummerreeks
from openwmo.core.periodes import overlap_q
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.selectors import tarief_op

from .models import Beschikking, Toewijzing


def _mag_werken_voor(user, gemeente) -> None:
    if user is not None and not gemeenten_voor(user).filter(pk=gemeente.pk).exists():
        raise PermissionDenied(_("U werkt niet voor gemeente %(gemeente)s.") % {"gemeente": gemeente.naam})


def _log(user, actie, obj, activiteit, omschrijving=""):
    log_verwerking(
        user,
        actie,
        activiteit=activiteit,
        doel="Uitvoering Wmo 2015",
        object_type=type(obj).__name__,
        object_id=obj.pk,
        betrokkene=obj.client,
        gemeente=obj.gemeente,
        omschrijving=omschrijving,
    )


def _controleer_toewijzing(
    toewijzing: Toewijzing, vervangt: Toewijzing | None = None, zonder_contractcontrole: bool = False
) -> None:
    """The allocation rules: contract and tariff on the start date; no overlap for the same product.

    `zonder_contractcontrole` skips only the contract/tariff rule, for importing allocations that started
    before their contract was recorded in Open Wmo (`openwmo import --historisch`); never the others.
    """
    toewijzing.full_clean(exclude=["toewijzingsnummer"])
    if (
        not zonder_contractcontrole
        and tarief_op(toewijzing.aanbieder, toewijzing.product, toewijzing.gemeente, toewijzing.ingangsdatum) is None
    ):
        raise ValidationError(
            {
                "aanbieder": _(
                    "%(aanbieder)s heeft op %(datum)s geen contract met een tarief voor %(product)s in %(gemeente)s."
                )
                % {
                    "aanbieder": toewijzing.aanbieder.naam,
                    "datum": toewijzing.ingangsdatum.strftime("%d-%m-%Y"),
                    "product": toewijzing.product.naam,
                    "gemeente": toewijzing.gemeente.naam,
                }
            }
        )
    if toewijzing.product.productcategorie in OVERLAP_TOEGESTAAN_CATEGORIEEN:
        return
    overlappend = Toewijzing.objects.filter(client=toewijzing.client, product=toewijzing.product).filter(
        overlap_q(toewijzing.ingangsdatum, toewijzing.einddatum)
    )
    for uitgezonderd in (toewijzing.pk, vervangt.pk if vervangt else None):
        if uitgezonderd:
            overlappend = overlappend.exclude(pk=uitgezonderd)
    bestaand = overlappend.first()
    if bestaand is not None:
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "Deze cliënt heeft al toewijzing %(nummer)s voor %(product)s in deze periode; "
                    "twee toewijzingen van hetzelfde product mogen niet overlappen."
                )
                % {"nummer": bestaand.toewijzingsnummer, "product": toewijzing.product.naam}
            }
        )


@transaction.atomic
def beschikking_create(*, user, **velden) -> Beschikking:
    beschikking = Beschikking(**velden)
    _mag_werken_voor(user, beschikking.gemeente)
    if not beschikking.beschikkingsnummer:
        beschikking.beschikkingsnummer = str(Nummerreeks.volgende("beschikking"))
    beschikking.full_clean()
    beschikking.save()
    _log(user, Actie.AANMAKEN, beschikking, "Beschikking vastleggen")
    return beschikking


@transaction.atomic
def toewijzing_create(*, user, zonder_contractcontrole: bool = False, **velden) -> Toewijzing:
    """Allocate a product to a provider. Refused without contract and tariff, or when it overlaps.

    `zonder_contractcontrole`: only for historic imports, see `_controleer_toewijzing`.
    """
    toewijzing = Toewijzing(**velden)
    _mag_werken_voor(user, toewijzing.gemeente)
    _controleer_toewijzing(toewijzing, zonder_contractcontrole=zonder_contractcontrole)
    if not toewijzing.toewijzingsnummer:
        toewijzing.toewijzingsnummer = str(Nummerreeks.volgende("toewijzing"))
    toewijzing.full_clean()
    toewijzing.save()
    _log(user, Actie.AANMAKEN, toewijzing, "Toewijzing vastleggen")
    return toewijzing


@transaction.atomic
def toewijzing_beeindigen(*, user, toewijzing: Toewijzing, einddatum: date, reden_beeindiging: str) -> Toewijzing:
    """End an allocation on `einddatum` (inclusive) with a reden beëindiging (WMO588)."""
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    _mag_werken_voor(user, toewijzing.gemeente)
    if toewijzing.einddatum is not None and einddatum > toewijzing.einddatum:
        raise ValidationError({"einddatum": _("Een toewijzing kan niet later eindigen dan haar huidige einddatum.")})
    toewijzing.einddatum = einddatum
    toewijzing.reden_beeindiging = reden_beeindiging
    toewijzing.full_clean()
    toewijzing.save(update_fields=["einddatum", "reden_beeindiging"])
    _log(user, Actie.WIJZIGEN, toewijzing, "Toewijzing beëindigen", f"einddatum {einddatum}, reden {reden_beeindiging}")
    return toewijzing


@transaction.atomic
def toewijzing_wijzigen(
    *, user, toewijzing: Toewijzing, ingangsdatum: date, reden_wijziging: str, **nieuw
) -> Toewijzing:
    """Change an allocation from `ingangsdatum`: the old one ends the day before, a new one starts.

    The new allocation records the reden wijziging (WMO002) and points back to the one it replaces.
    """
    oud = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    _mag_werken_voor(user, oud.gemeente)
    if ingangsdatum <= oud.ingangsdatum:
        raise ValidationError({"ingangsdatum": _("Een wijziging gaat in na de ingangsdatum van de toewijzing.")})
    velden = {
        veld: getattr(oud, veld)
        for veld in (
            "beschikking",
            "client",
            "gemeente",
            "product",
            "aanbieder",
            "einddatum",
            "volume",
            "eenheid",
            "frequentie",
            "budget",
            "uitvoeringsvariant",
            "leveringsvorm",
        )
    }
    velden.update(nieuw, ingangsdatum=ingangsdatum, reden_wijziging=reden_wijziging, vorige=oud)
    opvolger = Toewijzing(**velden)
    _controleer_toewijzing(opvolger, vervangt=oud)
    oud.einddatum = ingangsdatum - timedelta(days=1)
    oud.save(update_fields=["einddatum"])
    opvolger.toewijzingsnummer = str(Nummerreeks.volgende("toewijzing"))
    opvolger.full_clean()
    opvolger.save()
    _log(user, Actie.WIJZIGEN, oud, "Toewijzing wijzigen", f"vervangen door {opvolger.toewijzingsnummer}")
    _log(user, Actie.AANMAKEN, opvolger, "Toewijzing wijzigen", f"reden wijziging {reden_wijziging}")
    return opvolger
