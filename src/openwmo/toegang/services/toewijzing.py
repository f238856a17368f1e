"""Allocations (iWmo WMO301): create, change, end, and op-/afschalen within an arrangement."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.catalogus.codelijsten import OVERLAP_TOEGESTAAN_CATEGORIEEN
from openwmo.core.models import Nummerreeks
from openwmo.core.periode import Periode
from openwmo.core.periodes import overlap_q
from openwmo.inkoop.selectors import tarief_op

from ..models import Beschikking, Intensiteitswijziging, Overgangsregel, Toewijzing, Uitvoeringsvariant
from ._gemeen import Actie, datum_nl
from ._gemeen import log as _log
from ._gemeen import mag_werken_voor as _mag_werken_voor


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
                "aanbieder": contract_fout(
                    toewijzing.aanbieder, toewijzing.product, toewijzing.gemeente, toewijzing.ingangsdatum
                )
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
        raise ValidationError({"ingangsdatum": overlap_fout(bestaand.toewijzingsnummer, toewijzing.product)})


def contract_fout(aanbieder, product, gemeente, datum: date) -> str:
    """The message when the provider has no contract with a tariff for the product on the date (also bulk.py)."""
    return _("%(aanbieder)s heeft op %(datum)s geen contract met een tarief voor %(product)s in %(gemeente)s.") % {
        "aanbieder": aanbieder.naam,
        "datum": datum.strftime("%d-%m-%Y"),
        "product": product.naam,
        "gemeente": gemeente.naam,
    }


def overlap_fout(nummer: str, product) -> str:
    """The message when an allocation overlaps another of the same product for the client (also bulk.py)."""
    return _(
        "Deze cliënt heeft al toewijzing %(nummer)s voor %(product)s in deze periode; "
        "twee toewijzingen van hetzelfde product mogen niet overlappen."
    ) % {"nummer": nummer, "product": product.naam}


def _controleer_beschikking(toewijzing: Toewijzing) -> None:
    """An allocation under a decision follows it: granted, same client, and within what was granted."""
    beschikking = toewijzing.beschikking
    if beschikking is not None:
        if beschikking.besluit != Beschikking.Besluit.TOEGEKEND:
            raise ValidationError({"beschikking": _("Op een afgewezen beschikking kan niets worden toegewezen.")})
        if beschikking.client_id != toewijzing.client_id:
            raise ValidationError({"beschikking": _("De beschikking hoort bij een andere cliënt.")})
    bp = toewijzing.beschikt_product
    if bp is None:
        return
    if bp.beschikking_id != toewijzing.beschikking_id:
        raise ValidationError({"beschikt_product": _("Het toegekende product hoort niet bij deze beschikking.")})
    if bp.product_id != toewijzing.product_id:
        raise ValidationError({"product": _("Dit product is niet toegekend in de beschikking.")})
    if toewijzing.ingangsdatum and not Periode(bp.ingangsdatum, bp.einddatum).contains(
        Periode(toewijzing.ingangsdatum, toewijzing.einddatum or None)
    ):
        raise ValidationError(
            {
                "einddatum": _("De toewijzing moet binnen de toegekende periode %(van)s t/m %(tot)s vallen.")
                % {"van": datum_nl(bp.ingangsdatum), "tot": datum_nl(bp.einddatum)}
            }
        )


def _controleer_overgangsregel(toewijzing: Toewijzing, user) -> None:
    """Zoetermeer: after the rule's date a product is only newly allocated with a recorded approval."""
    regel = Overgangsregel.objects.filter(
        gemeente=toewijzing.gemeente, product=toewijzing.product, datum__lte=toewijzing.ingangsdatum
    ).first()
    if regel is None:
        return
    if not toewijzing.overgang_goedkeuring.strip():
        raise ValidationError(
            {
                "overgang_goedkeuring": _(
                    "Voor %(product)s geldt in %(gemeente)s een overgangsregel: vanaf %(datum)s mag dit product "
                    "alleen nieuw worden toegewezen met een vastgelegde goedkeuring."
                )
                % {
                    "product": toewijzing.product.naam,
                    "gemeente": toewijzing.gemeente.naam,
                    "datum": datum_nl(regel.datum),
                }
            }
        )
    toewijzing.overgang_goedgekeurd_door = user if getattr(user, "is_authenticated", False) else None


@transaction.atomic
def toewijzing_create(*, user, zonder_contractcontrole: bool = False, **velden) -> Toewijzing:
    """Allocate a product to a provider. Refused without contract and tariff, or when it overlaps.

    `zonder_contractcontrole`: only for historic imports, see `_controleer_toewijzing`.
    """
    toewijzing = Toewijzing(**velden)
    _mag_werken_voor(user, toewijzing.gemeente)
    _controleer_beschikking(toewijzing)
    _controleer_toewijzing(toewijzing, zonder_contractcontrole=zonder_contractcontrole)
    _controleer_overgangsregel(toewijzing, user)
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
            "beschikt_product",
            "intensiteit_uren_per_week",
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


@transaction.atomic
def toewijzing_intensiteit_wijzigen(
    *, user, toewijzing: Toewijzing, ingangsdatum: date, uren_per_week, reden: str
) -> Intensiteitswijziging:
    """Op- of afschalen within an arrangement without a new decision (Voorschoten); kept as history."""
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    _mag_werken_voor(user, toewijzing.gemeente)
    if toewijzing.uitvoeringsvariant != Uitvoeringsvariant.OUTPUTGERICHT:
        raise ValidationError(
            {
                "naar_uren_per_week": _(
                    "Op- en afschalen zonder nieuwe beschikking kan alleen binnen een arrangement (outputgericht); "
                    "wijzig deze toewijzing of neem een nieuwe beschikking."
                )
            }
        )
    if not Periode(toewijzing.ingangsdatum, toewijzing.einddatum).contains(ingangsdatum):
        raise ValidationError({"ingangsdatum": _("De ingangsdatum valt buiten de looptijd van de toewijzing.")})
    laatste = toewijzing.intensiteitswijzigingen.order_by("-ingangsdatum", "-id").first()
    if laatste is not None and ingangsdatum < laatste.ingangsdatum:
        raise ValidationError(
            {
                "ingangsdatum": _("Er is al een wijziging per %(datum)s vastgelegd.")
                % {"datum": datum_nl(laatste.ingangsdatum)}
            }
        )
    wijziging = Intensiteitswijziging(
        toewijzing=toewijzing,
        ingangsdatum=ingangsdatum,
        van_uren_per_week=toewijzing.intensiteit_uren_per_week,
        naar_uren_per_week=uren_per_week,
        reden=reden,
        door=user if getattr(user, "is_authenticated", False) else None,
    )
    wijziging.full_clean()
    wijziging.save()
    toewijzing.intensiteit_uren_per_week = uren_per_week
    toewijzing.save(update_fields=["intensiteit_uren_per_week"])
    _log(
        user,
        Actie.WIJZIGEN,
        toewijzing,
        "Intensiteit toewijzing wijzigen",
        f"{wijziging.richting} per {ingangsdatum}: {wijziging.van_uren_per_week} -> {uren_per_week} uur/week",
    )
    return wijziging
