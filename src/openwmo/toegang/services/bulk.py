"""Many access records at once: meldingen, aanvragen, beschikkingen and toewijzingen in one transaction.

The same rules as the single-record services (`melding_create`, `aanvraag_create`, `beschikking_create` with
`migratie=True`, `toewijzing_create`), applied set-wise so that 100,000 allocations are checked in seconds:

- the user may work for every municipality in the batch (`mag_werken_voor`);
- every field passes its model field's own validation (type, length, choices, required) — each distinct value
  of a column once, with the field's `clean`, as `full_clean` would;
- the models' `clean` rules (end before start, CD041/CD075/CD076, the client lives in the municipality), the
  services' rules (a melding/aanvraag/beschikking of the same client, one decision per application, decision
  not before the application, only granted decisions carry allocations), unique numbers, a contract with a
  tariff on the start date (unless the row says `zonder_contractcontrole`, for data from before the contract
  was recorded — the importer's `--historisch`), no overlap with the same product of the client (in the batch
  and in the database; categories 11–14 excepted), and the transition rules (Zoetermeer).

Input rows are dicts keyed by field name (`client`, `gemeente`, `product`, `aanbieder` as primary keys);
links inside the batch are indexes: an aanvraag's `melding`, a beschikking's `aanvraag`, a toewijzing's
`beschikking` point into the lists given. Either everything is written or nothing: `ValidationError` lists
every offending row as "toewijzingen[12] ingangsdatum: <the service's Dutch message>" (the first 50).
Rows are inserted with prepared statements (no model instance per row); the audit log gets one entry per
kind and municipality, naming the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from openwmo.catalogus.codelijsten import OVERLAP_TOEGESTAAN_CATEGORIEEN
from openwmo.catalogus.models import Product
from openwmo.core.audit import log_verwerking
from openwmo.core.invoegen import invoegen
from openwmo.core.models import Client, Gemeente, Nummerreeks
from openwmo.core.services_bulk import Fouten, per_deel, velden_controleren
from openwmo.inkoop.models import Aanbieder, Tarief

from ..models import Aanvraag, Beschikking, Melding, Overgangsregel, Toewijzing, Uitvoeringsvariant
from ._gemeen import DOEL, Actie, datum_nl, mag_werken_voor
from .toewijzing import contract_fout, overlap_fout

TOEGEKEND = Beschikking.Besluit.TOEGEKEND


@dataclass
class BulkResultaat:
    """The primary keys of the stored rows, in the order given."""

    meldingen: list[int] = field(default_factory=list)
    aanvragen: list[int] = field(default_factory=list)
    beschikkingen: list[int] = field(default_factory=list)
    toewijzingen: list[int] = field(default_factory=list)
    onderzoeken: list[int] = field(default_factory=list)
    plannen: list[int] = field(default_factory=list)
    doelen: list[int] = field(default_factory=list)
    evaluaties: list[int] = field(default_factory=list)


def _in_db(model, veld: str, waarden) -> set:
    gevonden: set = set()
    if not model.objects.exists():  # a first load: nothing to look up
        return gevonden
    lijst = sorted(waarden)
    for i in range(0, len(lijst), 5000):
        gevonden.update(model.objects.filter(**{f"{veld}__in": lijst[i : i + 5000]}).values_list(veld, flat=True))
    return gevonden


def _uniek(model, soort: str, veld: str, rijen: list[dict], fout: Fouten) -> None:
    gezien: dict = {}
    bestaand = _in_db(model, veld, {r[veld] for r in rijen if r.get(veld)})
    for i, rij in enumerate(rijen):
        waarde = rij.get(veld)
        if waarde in bestaand or waarde in gezien:
            fout(soort, i, veld, _("Het nummer %(nummer)s is al in gebruik.") % {"nummer": waarde})
        gezien[waarde] = i


def _controleer_toewijzingen(rijen: list[dict], beschikkingen: list[dict], clienten: dict, fout: Fouten) -> None:
    producten = {p.pk: p for p in Product.objects.filter(pk__in={r["product"] for r in rijen})}
    aanbieders = {a.pk: a for a in Aanbieder.objects.filter(pk__in={r["aanbieder"] for r in rijen})}
    gemeenten = {g.pk: g for g in Gemeente.objects.filter(pk__in={r["gemeente"] for r in rijen})}
    tarieven = _tarief_index({r["aanbieder"] for r in rijen}, set(producten))
    regels = defaultdict(list)
    for regel in Overgangsregel.objects.filter(product__in=producten.keys()):
        regels[(regel.gemeente_id, regel.product_id)].append(regel.datum)
    per_product: dict[tuple[int, int], list[tuple[date, date, int]]] = defaultdict(list)
    for i, r in enumerate(rijen):
        van, tot, product = r["ingangsdatum"], r.get("einddatum"), producten.get(r["product"])
        if product is None or r["gemeente"] not in gemeenten or r["aanbieder"] not in aanbieders:
            continue  # reported by the field check
        # Toewijzing.clean
        if tot and tot < van:
            fout("toewijzingen", i, "einddatum", _("De einddatum van de toewijzing ligt vóór de ingangsdatum."))
        if r.get("frequentie") == "2" and tot is None:
            fout("toewijzingen", i, "einddatum", _("Bij een volume per week is een einddatum verplicht (iWmo CD076)."))
        if r.get("budget") is not None and tot is None:
            fout("toewijzingen", i, "einddatum", _("Bij een budget is een einddatum verplicht (iWmo CD075)."))
        if r.get("budget") is not None and r.get("volume") is not None:
            tekst = _("Een toewijzing heeft een budget of een volume, niet allebei (iWmo CD077).")
            fout("toewijzingen", i, "budget", tekst)
        per_dag = r.get("eenheid") in ("14", "16", "83", "84") and r.get("frequentie") == "1"
        if per_dag and (tot is None or tot.year > 2020):
            fout(
                "toewijzingen",
                i,
                "frequentie",
                _(
                    "Etmalen, dagdelen, euro's en stuks worden per week, per maand of in totaal toegewezen, "
                    "niet per dag (iWmo CS338)."
                ),
            )
        if r.get("uitvoeringsvariant", Uitvoeringsvariant.INSPANNINGSGERICHT) != Uitvoeringsvariant.TAAKGERICHT and (
            r.get("budget") is None and any(r.get(v) in (None, "") for v in ("volume", "eenheid", "frequentie"))
        ):
            fout("toewijzingen", i, "volume", _("Vul volume, eenheid en frequentie in (iWmo CD041)."))
        if clienten.get(r["client"]) != r["gemeente"]:
            fout("toewijzingen", i, "gemeente", _("De cliënt woont niet in deze gemeente."))
        # toewijzing_create: the decision, the contract, the transition rule
        b = r.get("beschikking")
        if b is not None:
            if beschikkingen[b].get("besluit", TOEGEKEND) != TOEGEKEND:
                fout("toewijzingen", i, "beschikking", _("Op een afgewezen beschikking kan niets worden toegewezen."))
            if beschikkingen[b]["client"] != r["client"]:
                fout("toewijzingen", i, "beschikking", _("De beschikking hoort bij een andere cliënt."))
        if not r.get("zonder_contractcontrole") and not tarieven.heeft(
            r["aanbieder"], r["product"], r["gemeente"], van
        ):
            fout(
                "toewijzingen",
                i,
                "aanbieder",
                contract_fout(aanbieders[r["aanbieder"]], product, gemeenten[r["gemeente"]], van),
            )
        datums = [d for d in regels.get((r["gemeente"], r["product"]), ()) if d <= van]
        if datums and not (r.get("overgang_goedkeuring") or "").strip():
            fout(
                "toewijzingen",
                i,
                "overgang_goedkeuring",
                _(
                    "Voor %(product)s geldt in %(gemeente)s een overgangsregel: vanaf %(datum)s mag dit product "
                    "alleen nieuw worden toegewezen met een vastgelegde goedkeuring."
                )
                % {"product": product.naam, "gemeente": gemeenten[r["gemeente"]].naam, "datum": datum_nl(max(datums))},
            )
        if product.productcategorie not in OVERLAP_TOEGESTAAN_CATEGORIEEN:
            per_product[(r["client"], r["product"])].append((van, tot or date.max, i))
    _overlap(rijen, per_product, producten, fout)


def _overlap(rijen, per_product, producten, fout: Fouten) -> None:
    """No two allocations of one product for one client overlap: sorted per (client, product) in the batch,
    and against the allocations already stored for those clients."""
    bestaand = defaultdict(list)
    clienten = sorted({c for c, _p in per_product}) if Toewijzing.objects.exists() else []
    for i in range(0, len(clienten), 5000):
        for c, p, van, tot, nummer in Toewijzing.objects.filter(client__in=clienten[i : i + 5000]).values_list(
            "client", "product", "ingangsdatum", "einddatum", "toewijzingsnummer"
        ):
            if (c, p) in per_product:
                bestaand[(c, p)].append((van, tot or date.max, nummer))
    for sleutel, perioden in per_product.items():
        perioden.sort()
        verste = None  # the allocation reaching furthest so far: (einde, index)
        for van, tot, i in perioden:
            if verste is not None and van <= verste[0]:
                nummer = rijen[verste[1]].get("toewijzingsnummer", "")
                fout("toewijzingen", i, "ingangsdatum", overlap_fout(nummer, producten[sleutel[1]]))
            if verste is None or tot > verste[0]:
                verste = (tot, i)
        for van, tot, i in perioden:
            for van_d, tot_d, nummer in bestaand.get(sleutel, ()):
                if van <= tot_d and van_d <= tot:
                    fout("toewijzingen", i, "ingangsdatum", overlap_fout(nummer, producten[sleutel[1]]))


class _TariefIndex:
    """Which (provider, product, municipality) has a contract tariff on a day: the rule of `inkoop.selectors.
    tarief_op` (contract valid for the municipality from its accession date, tariff valid on the day)."""

    def __init__(self, rijen) -> None:
        self.perioden = defaultdict(list)
        for aanbieder, product, gemeente, t_van, t_tot, c_van, c_tot, toetreding in rijen:
            van = max(t_van, c_van, toetreding or c_van)
            tot = min(d for d in (t_tot, c_tot, date.max) if d is not None)
            self.perioden[(aanbieder, product, gemeente)].append((van, tot))

    def heeft(self, aanbieder: int, product: int, gemeente: int, dag: date) -> bool:
        return any(van <= dag <= tot for van, tot in self.perioden.get((aanbieder, product, gemeente), ()))


def _tarief_index(aanbieders: set[int], producten: set[int]) -> _TariefIndex:
    return _TariefIndex(
        Tarief.objects.filter(contract__aanbieder__in=aanbieders, product__in=producten)
        .values_list(
            "contract__aanbieder",
            "product",
            "contract__gemeenten",
            "ingangsdatum",
            "einddatum",
            "contract__ingangsdatum",
            "contract__einddatum",
            "contract__toetredingsdatum",
        )
        .order_by()
    )


def _controleer_keten(meldingen, aanvragen, beschikkingen, clienten: dict, fout: Fouten) -> None:
    for i, m in enumerate(meldingen):
        if clienten.get(m["client"]) != m["gemeente"]:
            fout("meldingen", i, "gemeente", _("De cliënt woont niet in deze gemeente."))
    for i, a in enumerate(aanvragen):
        if clienten.get(a["client"]) != a["gemeente"]:
            fout("aanvragen", i, "gemeente", _("De cliënt woont niet in deze gemeente."))
        m = a.get("melding")
        if m is not None and meldingen[m]["client"] != a["client"]:
            fout("aanvragen", i, "melding", _("Deze melding hoort bij een andere cliënt."))
    beslist: set[int] = set()
    for i, b in enumerate(beschikkingen):
        a = b.get("aanvraag")
        if a is not None:
            if aanvragen[a]["client"] != b["client"]:
                fout("beschikkingen", i, "aanvraag", _("Deze aanvraag hoort bij een andere cliënt."))
            if a in beslist:
                fout("beschikkingen", i, "aanvraag", _("Op deze aanvraag is al beslist."))
            beslist.add(a)
            if b["besluitdatum"] < aanvragen[a]["aanvraagdatum"]:
                fout("beschikkingen", i, "besluitdatum", _("De besluitdatum ligt vóór de aanvraagdatum."))
        if b.get("einddatum") and b["einddatum"] < b["ingangsdatum"]:
            fout("beschikkingen", i, "einddatum", _("De einddatum van de beschikking ligt vóór de ingangsdatum."))
        if b.get("besluit") == Beschikking.Besluit.AFGEWEZEN and not (b.get("motivering") or "").strip():
            fout("beschikkingen", i, "motivering", _("Geef de redenen van de afwijzing."))


def _koppelen(rijen: list[dict], veld: str, ids: list[int]) -> list[dict]:
    return [{**r, veld: ids[r[veld]]} if r.get(veld) is not None else r for r in rijen]


@transaction.atomic
def toegang_bulk_opslaan(
    *, user, meldingen=(), aanvragen=(), beschikkingen=(), toewijzingen=(), activiteit: str = "Bulk vastleggen"
) -> BulkResultaat:
    """Check every row against the rules of the single-record services; store all or raise ValidationError."""
    meldingen, aanvragen, beschikkingen = list(meldingen), list(aanvragen), list(beschikkingen)
    toewijzingen = [dict(r) for r in toewijzingen]
    alle = meldingen + aanvragen + beschikkingen + toewijzingen
    for gemeente in Gemeente.objects.filter(pk__in={r.get("gemeente") for r in alle}):
        mag_werken_voor(user, gemeente)
    fout = Fouten()
    # indexes into the batch (checked below) and a per-row switch that is no field
    koppelingen = {"aanvraag", "melding", "beschikking", "zonder_contractcontrole"}
    for model, soort, rijen in (
        (Melding, "meldingen", meldingen),
        (Aanvraag, "aanvragen", aanvragen),
        (Beschikking, "beschikkingen", beschikkingen),
        (Toewijzing, "toewijzingen", toewijzingen),
    ):
        velden_controleren(model, soort, rijen, fout, overslaan=koppelingen, relaties_controleren=True)
    for soort, rijen, veld, doel in (
        ("aanvragen", aanvragen, "melding", meldingen),
        ("beschikkingen", beschikkingen, "aanvraag", aanvragen),
        ("toewijzingen", toewijzingen, "beschikking", beschikkingen),
    ):
        for i, r in enumerate(rijen):
            if r.get(veld) is not None and not (isinstance(r[veld], int) and 0 <= r[veld] < len(doel)):
                fout(soort, i, veld, _("Verwijst naar een %(veld)s die niet in deze levering zit.") % {"veld": veld})
    fout.raise_if_any()
    clienten = dict(per_deel(Client, {r["client"] for r in alle}, "pk", "gemeente"))
    _controleer_keten(meldingen, aanvragen, beschikkingen, clienten, fout)
    _uniek(Beschikking, "beschikkingen", "beschikkingsnummer", beschikkingen, fout)
    _uniek(Toewijzing, "toewijzingen", "toewijzingsnummer", toewijzingen, fout)
    _controleer_toewijzingen(toewijzingen, beschikkingen, clienten, fout)
    fout.raise_if_any()

    for r in toewijzingen:
        r.pop("zonder_contractcontrole", None)
    resultaat = BulkResultaat()
    resultaat.meldingen = invoegen(Melding, meldingen)
    resultaat.aanvragen = invoegen(Aanvraag, _koppelen(aanvragen, "melding", resultaat.meldingen))
    resultaat.beschikkingen = invoegen(Beschikking, _koppelen(beschikkingen, "aanvraag", resultaat.aanvragen))
    resultaat.toewijzingen = invoegen(Toewijzing, _koppelen(toewijzingen, "beschikking", resultaat.beschikkingen))
    for soort, veld, rijen in (
        ("beschikking", "beschikkingsnummer", beschikkingen),
        ("toewijzing", "toewijzingsnummer", toewijzingen),
    ):
        nummers = [int(r[veld]) for r in rijen if str(r.get(veld, "")).isdigit()]
        if nummers:
            reeks, _c = Nummerreeks.objects.select_for_update().get_or_create(soort=soort, defaults={"laatste": 0})
            if max(nummers) > reeks.laatste:
                reeks.laatste = max(nummers)
                reeks.save(update_fields=["laatste"])
    _loggen(
        user,
        activiteit,
        (Melding, meldingen),
        (Aanvraag, aanvragen),
        (Beschikking, beschikkingen),
        (Toewijzing, toewijzingen),
    )
    return resultaat


def _loggen(user, activiteit, *soorten) -> None:
    """One audit entry per kind and municipality: "<n> <kind>" (the rows themselves are in the tables)."""
    gemeenten = {g.pk: g for g in Gemeente.objects.filter(pk__in={r["gemeente"] for _m, s in soorten for r in s})}
    for model, rijen in soorten:
        per_gemeente = defaultdict(int)
        for r in rijen:
            per_gemeente[r["gemeente"]] += 1
        for gemeente, aantal in sorted(per_gemeente.items()):
            log_verwerking(
                user,
                Actie.AANMAKEN,
                activiteit=activiteit,
                doel=DOEL,
                object_type=model.__name__,
                gemeente=gemeenten[gemeente],
                omschrijving=f"{aantal} {model._meta.verbose_name_plural}",
            )
