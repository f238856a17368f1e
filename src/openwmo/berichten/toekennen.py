"""Granting a provider's request (315/317) from the UI.

The allocation is made by toegang's own services (`toewijzing_create`, `toewijzing_wijzigen`,
`toewijzing_beeindigen`) with all their checks, then `outbox.verzoek_toekennen` links the request to it: the
next outbox run sends the 301 with the request's ReferentieAanbieder and closes the request. Everything runs in
one transaction, so a refusal by any check writes nothing.

A granted request needs a decision: a 315 (and a NieuwProduct of a 317) is only allocated under a granted
product line (`BeschiktProduct`) of a granted `Beschikking` of the client that covers the product and the
period; without it the consultant must record an aanvraag and a beschikking first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from openwmo.toegang import services as toegang
from openwmo.toegang.models import Beschikking, BeschiktProduct, Toewijzing

from .inbox.verzoeken import huidige_toewijzingen
from .models import Verzoek
from .outbox import verzoek_toekennen

REDEN_WIJZIGING_OP_VERZOEK = "12"  # WMO002 Geïnitieerd door de aanbieder
REDEN_EINDE_OP_VERZOEK = "37"  # WMO588 In verband met wijzigingsverzoek


def _datum(waarde: str | None) -> date | None:
    return date.fromisoformat(waarde) if waarde else None


def geen_client(verzoek: Verzoek) -> ValidationError:
    return ValidationError(
        _(
            "Er is geen cliënt met BSN %(bsn)s bekend in Open Wmo. Leg eerst een melding vast voor deze cliënt, "
            "en een aanvraag en beschikking voor het gevraagde product; ken het verzoek daarna toe."
        )
        % {"bsn": verzoek.bsn}
    )


def gevraagd_product(verzoek: Verzoek) -> dict:
    """The requested product of a 315 as stored from the message (dates as ISO strings, amounts in cents)."""
    return verzoek.producten[0] if verzoek.producten else {}


def toegekende_regels(verzoek: Verzoek, product: dict | None = None) -> QuerySet[BeschiktProduct]:
    """Granted product lines of the client's granted decisions in the request's municipality that match the
    requested product (by code, else by category; no product in the request: every line)."""
    if verzoek.client_id is None:
        return BeschiktProduct.objects.none()
    regels = BeschiktProduct.objects.filter(
        beschikking__client_id=verzoek.client_id,
        beschikking__gemeente_id=verzoek.gemeente_id,
        beschikking__besluit=Beschikking.Besluit.TOEGEKEND,
    ).select_related("beschikking", "product")
    product = product if product is not None else gevraagd_product(verzoek).get("product") or {}
    if product.get("categorie"):
        regels = regels.filter(product__productcategorie=product["categorie"])
    if product.get("code"):
        regels = regels.filter(product__productcode=product["code"])
    return regels.order_by("-ingangsdatum", "pk")


def geen_beschikking(verzoek: Verzoek, product: dict | None = None) -> ValidationError:
    product = product if product is not None else gevraagd_product(verzoek).get("product") or {}
    omschrijving = " ".join(filter(None, (product.get("categorie"), product.get("code")))) or _("het gevraagde product")
    return ValidationError(
        _(
            "Er is geen toegekende beschikking voor %(product)s voor deze cliënt. Leg eerst een aanvraag en een "
            "beschikking vast waarin dit product wordt toegekend (dossier van de cliënt); ken het verzoek daarna "
            "toe, of wijs het af."
        )
        % {"product": omschrijving}
    )


def voorstel_315(verzoek: Verzoek) -> dict:
    """Initial form values from the request: dates, volume, unit, frequency, budget (in euros)."""
    p = gevraagd_product(verzoek)
    omvang = p.get("omvang") or {}
    return {
        "ingangsdatum": _datum(p.get("toewijzing_ingangsdatum")),
        "einddatum": _datum(p.get("toewijzing_einddatum")),
        "volume": omvang.get("volume"),
        "eenheid": omvang.get("eenheid", ""),
        "frequentie": omvang.get("frequentie", ""),
        "budget": Decimal(p["budget"]) / 100 if p.get("budget") is not None else None,
    }


def _nieuwe_toewijzing(verzoek: Verzoek, regel: BeschiktProduct, user, **velden) -> Toewijzing:
    return toegang.toewijzing_create(
        user=user,
        beschikking=regel.beschikking,
        beschikt_product=regel,
        client=verzoek.client,
        gemeente=verzoek.gemeente,
        product=regel.product,
        aanbieder=verzoek.aanbieder,
        uitvoeringsvariant=regel.uitvoeringsvariant,
        intensiteit_uren_per_week=regel.trajecttype.uren_per_week if regel.trajecttype_id else None,
        **velden,
    )


@transaction.atomic
def verzoek_315_toekennen(
    verzoek: Verzoek,
    *,
    user,
    beschikt_product: BeschiktProduct,
    ingangsdatum: date,
    einddatum: date | None,
    volume=None,
    eenheid: str = "",
    frequentie: str = "",
    budget=None,
) -> Toewijzing:
    """Grant a 315: allocate under `beschikt_product` to the requesting provider, then link the request."""
    if verzoek.soort != Verzoek.Soort.TOEWIJZING:
        raise ValidationError(_("Dit is geen verzoek om toewijzing (315)."))
    if verzoek.client_id is None:
        raise geen_client(verzoek)
    if not toegekende_regels(verzoek).filter(pk=beschikt_product.pk).exists():
        raise geen_beschikking(verzoek)
    toewijzing = _nieuwe_toewijzing(
        verzoek,
        beschikt_product,
        user,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        volume=volume,
        eenheid=eenheid or "",
        frequentie=frequentie or "",
        budget=budget,
    )
    verzoek_toekennen(verzoek, toewijzing, user)
    return toewijzing


# --- 317 ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stap:
    """One change a 317 asks for: `soort` is behouden | beeindigen | wijzigen | nieuw."""

    soort: str
    omschrijving: str
    toewijzing: Toewijzing | None = None
    gegevens: dict | None = None
    regel: BeschiktProduct | None = None


def _omvang_velden(product: dict) -> dict:
    velden = {}
    omvang = product.get("omvang")
    if omvang:
        velden.update(volume=Decimal(omvang["volume"]), eenheid=omvang["eenheid"], frequentie=omvang["frequentie"])
    if product.get("budget") is not None:
        velden["budget"] = Decimal(product["budget"]) / 100
    return velden


def _zelfde_omvang(t: Toewijzing, velden: dict) -> bool:
    return all(getattr(t, veld) == waarde for veld, waarde in velden.items())


def plan_317(verzoek: Verzoek) -> list[Stap]:
    """What granting this 317 does, allocation by allocation, as the request lists it (OP348: completely as
    asked). Raises ValidationError (Dutch) when a part cannot be carried out; nothing is written here."""
    if verzoek.soort != Verzoek.Soort.WIJZIGING:
        raise ValidationError(_("Dit is geen verzoek om wijziging (317)."))
    if verzoek.client_id is None:
        raise geen_client(verzoek)
    data = verzoek.producten or {}
    huidig = {
        t.toewijzingsnummer: t
        for t in huidige_toewijzingen(verzoek, verzoek.bsn, verzoek.bron.dagtekening or date.min).select_related(
            "product"
        )
    }

    def zoek(nummer) -> Toewijzing:
        t = huidig.get(str(nummer))
        if t is None:
            raise ValidationError(
                _("Toewijzing %(nummer)s is niet (meer) actueel; het verzoek kan niet zo worden toegekend.")
                % {"nummer": nummer}
            )
        return t

    stappen = []
    for p in data.get("ongewijzigde_producten", []):
        t = zoek(p["toewijzing_nummer"])
        omschrijving = _("%(t)s %(p)s blijft ongewijzigd") % {"t": t.toewijzingsnummer, "p": t.product.naam}
        stappen.append(Stap("behouden", omschrijving, t))
    for p in data.get("te_wijzigen_producten", []):
        t = zoek(p["toewijzing_nummer"])
        ingang, einde, velden = _datum(p["gewenste_ingangsdatum"]), _datum(p.get("einddatum")), _omvang_velden(p)
        naam = f"{t.toewijzingsnummer} {t.product.naam}"
        if _zelfde_omvang(t, velden) and einde is not None and einde != t.einddatum:
            if t.einddatum is not None and einde > t.einddatum:
                raise ValidationError(
                    _(
                        "Toewijzing %(t)s verlengen tot %(datum)s kan niet vanuit het verzoek; verleng de toewijzing "
                        "via het dossier (nieuwe beschikking) of wijs het verzoek af."
                    )
                    % {"t": t.toewijzingsnummer, "datum": einde.strftime("%d-%m-%Y")}
                )
            omschrijving = _("%(t)s eindigt op %(datum)s") % {"t": naam, "datum": einde.strftime("%d-%m-%Y")}
            stappen.append(Stap("beeindigen", omschrijving, t, {"einddatum": einde}))
            continue
        if einde is not None:
            velden["einddatum"] = einde
        omschrijving = _("%(t)s wijzigt per %(datum)s (nieuwe toewijzing)") % {
            "t": naam,
            "datum": ingang.strftime("%d-%m-%Y"),
        }
        stappen.append(Stap("wijzigen", omschrijving, t, {"ingangsdatum": ingang, **velden}))
    for p in data.get("nieuwe_producten", []):
        ingang, einde = _datum(p["gewenste_ingangsdatum"]), _datum(p.get("einddatum"))
        product = p.get("product") or {}
        regels = toegekende_regels(verzoek, product).filter(ingangsdatum__lte=ingang)
        regels = regels.filter(Q(einddatum__gte=einde) if einde else Q(einddatum__gte=ingang))
        regel = regels.first()
        if regel is None:
            raise geen_beschikking(verzoek, product)
        gegevens = {"ingangsdatum": ingang, "einddatum": einde or regel.einddatum, **_omvang_velden(p)}
        gegevens.setdefault("volume", regel.volume)
        gegevens.setdefault("eenheid", regel.eenheid or regel.product.eenheid)
        gegevens.setdefault("frequentie", regel.frequentie or regel.product.frequentie)
        omschrijving = _("Nieuw: %(p)s per %(datum)s") % {"p": regel.product.naam, "datum": ingang.strftime("%d-%m-%Y")}
        stappen.append(Stap("nieuw", omschrijving, None, gegevens, regel))
    return stappen


@transaction.atomic
def verzoek_317_toekennen(verzoek: Verzoek, *, user) -> list[Toewijzing]:
    """Carry out a 317 as asked through toegang's change/end/create services, then link the request to the
    first allocation that answers it. Returns the changed/new allocations."""
    resultaat = []
    for stap in plan_317(verzoek):
        if stap.soort == "beeindigen":
            resultaat.append(
                toegang.toewijzing_beeindigen(
                    user=user,
                    toewijzing=stap.toewijzing,
                    einddatum=stap.gegevens["einddatum"],
                    reden_beeindiging=REDEN_EINDE_OP_VERZOEK,
                )
            )
        elif stap.soort == "wijzigen":
            resultaat.append(
                toegang.toewijzing_wijzigen(
                    user=user, toewijzing=stap.toewijzing, reden_wijziging=REDEN_WIJZIGING_OP_VERZOEK, **stap.gegevens
                )
            )
        elif stap.soort == "nieuw":
            resultaat.append(_nieuwe_toewijzing(verzoek, stap.regel, user, **stap.gegevens))
    if not resultaat:
        raise ValidationError(_("Het verzoek vraagt geen wijziging."))
    verzoek_toekennen(verzoek, resultaat[0], user)
    return resultaat
