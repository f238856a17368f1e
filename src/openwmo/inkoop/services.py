"""Writes of procurement data: each validates completely, writes in one transaction, and logs.

Procurement data is not personal data; the audit log still records who changed what (doel
"Contractbeheer"). Messages are Dutch and name the field they are about.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.bekostiging.engine import index_series
from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.periode import Periode, year_periode
from openwmo.core.periodes import overlap_q

from .models import (
    Aanbesteding,
    Aanbieder,
    Budgetafspraak,
    Contract,
    ContractProduct,
    Perceel,
    Prestatieafspraak,
    Samenwerkingsverband,
    Subsidie,
    Tarief,
)


def _log(user, actie, obj, activiteit, omschrijving=""):
    log_verwerking(
        user,
        actie,
        activiteit=activiteit,
        doel="Contractbeheer",
        object_type=type(obj).__name__,
        object_id=obj.pk,
        omschrijving=omschrijving,
    )


def _nieuw(model, user, activiteit, **velden):
    obj = model(**velden)
    obj.full_clean()
    obj.save()
    _log(user, Actie.AANMAKEN, obj, activiteit)
    return obj


def _datum(dag: datetime.date) -> str:
    return dag.strftime("%d-%m-%Y")


@transaction.atomic
def aanbieder_create(*, user, **velden) -> Aanbieder:
    return _nieuw(Aanbieder, user, "Aanbieder vastleggen", **velden)


@transaction.atomic
def samenwerkingsverband_create(*, user, aanbieder, penvoerder, leden=()) -> Samenwerkingsverband:
    """A consortium contracts as `aanbieder` (an Aanbieder of its own), led by `penvoerder`, one of its members."""
    leden = list(leden)
    if penvoerder not in leden:
        leden.append(penvoerder)
    if aanbieder in leden:
        raise ValidationError({"leden": _("Het samenwerkingsverband kan geen lid van zichzelf zijn.")})
    verband = Samenwerkingsverband(aanbieder=aanbieder, penvoerder=penvoerder)
    verband.full_clean()
    verband.save()
    verband.leden.set(leden)
    _log(user, Actie.AANMAKEN, verband, "Samenwerkingsverband vastleggen")
    return verband


@transaction.atomic
def aanbesteding_create(*, user, **velden) -> Aanbesteding:
    aanbesteding = Aanbesteding(**velden)
    aanbesteding.full_clean()
    if aanbesteding.publicatiedatum and aanbesteding.gunningsdatum:
        if aanbesteding.gunningsdatum < aanbesteding.publicatiedatum:
            raise ValidationError({"gunningsdatum": _("De gunningsdatum ligt vóór de publicatiedatum.")})
    aanbesteding.save()
    _log(user, Actie.AANMAKEN, aanbesteding, "Aanbesteding vastleggen")
    return aanbesteding


@transaction.atomic
def perceel_create(*, user, gemeenten=(), **velden) -> Perceel:
    """A lot of a tender and the municipalities taking part in it (at least one)."""
    gemeenten = list(gemeenten)
    perceel = Perceel(**velden)
    perceel.full_clean()
    if not gemeenten:
        raise ValidationError({"gemeenten": _("Kies minstens één deelnemende gemeente.")})
    perceel.save()
    perceel.gemeenten.set(gemeenten)
    _log(user, Actie.AANMAKEN, perceel, "Perceel vastleggen")
    return perceel


@transaction.atomic
def contract_create(*, user, gemeenten=(), producten=(), **velden) -> Contract:
    """Create a contract; `producten` is a list of (Product, bekostigingsvorm).

    With a lot, the contract's municipalities must take part in that lot; without municipalities
    it gets all of the lot's.
    """
    contract = Contract(**velden)
    contract.full_clean()
    gemeenten = list(gemeenten)
    if contract.perceel_id:
        deelnemers = set(contract.perceel.gemeenten.all())
        buiten = [g.naam for g in gemeenten if g not in deelnemers]
        if buiten:
            raise ValidationError(
                {
                    "gemeenten": _("%(gemeenten)s neemt niet deel aan perceel %(perceel)s.")
                    % {"gemeenten": ", ".join(buiten), "perceel": contract.perceel.naam}
                }
            )
        gemeenten = gemeenten or list(deelnemers)
    contract.save()
    contract.gemeenten.set(gemeenten)
    for product, bekostigingsvorm in producten:
        contractproduct_create(user=None, contract=contract, product=product, bekostigingsvorm=bekostigingsvorm)
    _log(user, Actie.AANMAKEN, contract, "Contract vastleggen")
    return contract


@transaction.atomic
def contractproduct_create(*, user, contract, product, bekostigingsvorm) -> ContractProduct:
    if ContractProduct.objects.filter(contract=contract, product=product).exists():
        raise ValidationError({"product": _("Dit product staat al in het contract.")})
    cp = ContractProduct(contract=contract, product=product, bekostigingsvorm=bekostigingsvorm)
    cp.full_clean()
    cp.save()
    if user is not None:
        _log(user, Actie.AANMAKEN, cp, "Product aan contract toevoegen")
    return cp


def _plus_jaren(dag: datetime.date, jaren: int) -> datetime.date:
    try:
        return dag.replace(year=dag.year + jaren)
    except ValueError:  # 29 February in a year that is not a leap year
        return dag.replace(year=dag.year + jaren, day=28)


@transaction.atomic
def contract_verlengen(*, user, contract: Contract) -> Contract:
    """Use one extension option: einddatum + verlenging_jaren. Refused when no option is left."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.einddatum is None:
        raise ValidationError({"einddatum": _("Een contract zonder einddatum kan niet worden verlengd.")})
    if contract.verlenging_jaren < 1 or contract.verlengingen_gebruikt >= contract.verlengingen_maximaal:
        raise ValidationError(
            {
                "verlengingen_gebruikt": _("Alle verlengingsopties van dit contract zijn gebruikt (%(g)s van %(m)s).")
                % {"g": contract.verlengingen_gebruikt, "m": contract.verlengingen_maximaal}
            }
        )
    oud = contract.einddatum
    contract.einddatum = _plus_jaren(oud, contract.verlenging_jaren)
    contract.verlengingen_gebruikt += 1
    contract.full_clean()
    contract.save(update_fields=["einddatum", "verlengingen_gebruikt"])
    _log(user, Actie.WIJZIGEN, contract, "Contract verlengen", f"einddatum {oud} → {contract.einddatum}")
    return contract


@transaction.atomic
def toetreden(
    *, user, contract: Contract, aanbieder: Aanbieder, toetredingsdatum: datetime.date, nummer: str = ""
) -> Contract:
    """Open-house accession: `aanbieder` joins the lot of `contract` during its term, on the same terms.

    A new Contract with the same lot, municipalities, term, extension options and products, and the
    tariffs that still apply on or after the accession date. The accession date lies inside the term.
    """
    procedure = contract.perceel.aanbesteding.procedure if contract.perceel_id else None
    if procedure == Aanbesteding.Procedure.EUROPEES:
        raise ValidationError(
            {"aanbieder": _("Toetreden kan niet bij een Europese aanbesteding, alleen bij open house.")}
        )
    if aanbieder.pk == contract.aanbieder_id:
        raise ValidationError({"aanbieder": _("Deze aanbieder heeft dit contract al.")})
    if contract.perceel_id:
        bestaand = (
            Contract.objects.filter(perceel=contract.perceel, aanbieder=aanbieder)
            .filter(overlap_q(toetredingsdatum, contract.einddatum))
            .first()
        )
        if bestaand is not None:
            raise ValidationError(
                {
                    "aanbieder": _("%(aanbieder)s heeft in dit perceel al contract %(nummer)s.")
                    % {"aanbieder": aanbieder.naam, "nummer": bestaand.nummer}
                }
            )
    nieuw = Contract(
        nummer=nummer or f"{contract.nummer}-{aanbieder.agb_code}",
        aanbieder=aanbieder,
        perceel=contract.perceel,
        ingangsdatum=contract.ingangsdatum,
        einddatum=contract.einddatum,
        verlenging_jaren=contract.verlenging_jaren,
        verlengingen_maximaal=contract.verlengingen_maximaal,
        verlengingen_gebruikt=contract.verlengingen_gebruikt,
        toetredingsdatum=toetredingsdatum,
    )
    if toetredingsdatum == contract.ingangsdatum:
        raise ValidationError(
            {"toetredingsdatum": _("Toetreden gebeurt tijdens de looptijd, na de ingangsdatum van het contract.")}
        )
    nieuw.full_clean()
    nieuw.save()
    nieuw.gemeenten.set(contract.gemeenten.all())
    for cp in contract.producten.all():
        ContractProduct.objects.create(contract=nieuw, product=cp.product, bekostigingsvorm=cp.bekostigingsvorm)
    for tarief in contract.tarieven.filter(overlap_q(toetredingsdatum, None)):
        Tarief.objects.create(
            contract=nieuw,
            product=tarief.product,
            ingangsdatum=tarief.ingangsdatum,
            einddatum=tarief.einddatum,
            bedrag=tarief.bedrag,
            indexatie_pct=tarief.indexatie_pct,
        )
    _log(user, Actie.AANMAKEN, nieuw, "Toetreden tot contract", f"toetreding tot {contract.nummer}")
    return nieuw


@transaction.atomic
def tarief_create(*, user, **velden) -> Tarief:
    """Create a tariff; refused when its period overlaps another tariff of the same product and contract."""
    tarief = Tarief(**velden)
    tarief.full_clean()
    if tarief.contract.einddatum and tarief.ingangsdatum > tarief.contract.einddatum:
        raise ValidationError({"ingangsdatum": _("Het tarief begint na de einddatum van het contract.")})
    tarief.save()
    _log(user, Actie.AANMAKEN, tarief, "Tarief vastleggen")
    return tarief


@transaction.atomic
def tarieven_indexeren(*, user, contract: Contract, jaar: int, percentage: Decimal) -> list[Tarief]:
    """Next year's tariffs: each product's tariff on 31 December of `jaar` − 1, indexed by `percentage`.

    The new tariffs run from 1 January to 31 December of `jaar` (or the contract's end, if earlier),
    rounded half-up to the cent (engine.index_series). All or nothing: an overlap with an existing
    tariff refuses the whole indexation.
    """
    if contract.einddatum and contract.einddatum < datetime.date(jaar, 1, 1):
        raise ValidationError({"jaar": _("Het contract loopt in %(jaar)s niet meer.") % {"jaar": jaar}})
    peildag = datetime.date(jaar - 1, 12, 31)
    bron = [
        t for t in contract.tarieven.select_related("product") if Periode(t.ingangsdatum, t.einddatum).contains(peildag)
    ]
    if not bron:
        raise ValidationError(
            {"jaar": _("Er zijn geen tarieven op %(datum)s om te indexeren.") % {"datum": _datum(peildag)}}
        )
    periode = year_periode(jaar)
    einde = min(periode.eind, contract.einddatum) if contract.einddatum else periode.eind
    nieuw = []
    for oud in bron:
        try:
            bedrag = index_series(oud.bedrag, jaar - 1, jaar, {jaar: percentage})[-1].bedrag
        except ValueError as fout:
            raise ValidationError(
                {"percentage": _("Ongeldig indexatiepercentage: %(fout)s") % {"fout": fout}}
            ) from None
        tarief = Tarief(
            contract=contract,
            product=oud.product,
            ingangsdatum=periode.start,
            einddatum=einde,
            bedrag=bedrag,
            indexatie_pct=percentage,
        )
        try:
            tarief.full_clean()
        except ValidationError:
            raise ValidationError(
                {
                    "jaar": _(
                        "Het tarief van %(product)s op %(datum)s loopt door in %(jaar)s; er is al een tarief in "
                        "%(jaar)s. Geef het bestaande tarief eerst een einddatum."
                    )
                    % {"product": oud.product.naam, "datum": _datum(oud.ingangsdatum), "jaar": jaar}
                }
            ) from None
        tarief.save()
        nieuw.append(tarief)
        _log(user, Actie.AANMAKEN, tarief, "Tarieven indexeren", f"{oud.bedrag} + {percentage}% → {bedrag}")
    return nieuw


@transaction.atomic
def prestatieafspraak_create(*, user, **velden) -> Prestatieafspraak:
    return _nieuw(Prestatieafspraak, user, "Prestatieafspraak vastleggen", **velden)


@transaction.atomic
def budgetafspraak_create(*, user, **velden) -> Budgetafspraak:
    afspraak = Budgetafspraak(**velden)
    afspraak.full_clean()
    if afspraak.perceel_id and not afspraak.perceel.gemeenten.filter(pk=afspraak.gemeente_id).exists():
        raise ValidationError({"gemeente": _("Deze gemeente neemt niet deel aan het gekozen perceel.")})
    dubbel = Budgetafspraak.objects.filter(
        aanbieder=afspraak.aanbieder, gemeente=afspraak.gemeente, perceel=afspraak.perceel, jaar=afspraak.jaar
    )
    if dubbel.exists():
        raise ValidationError({"jaar": _("Er is al een budgetafspraak voor deze aanbieder, gemeente en dit jaar.")})
    afspraak.save()
    _log(user, Actie.AANMAKEN, afspraak, "Budgetafspraak vastleggen")
    return afspraak


@transaction.atomic
def subsidie_create(*, user, **velden) -> Subsidie:
    return _nieuw(Subsidie, user, "Subsidie vastleggen", **velden)
