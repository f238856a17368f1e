"""Many households and clients at once, with the rules of `client_create` applied set-wise.

The same rules as the single-record service and the model's `clean`, for whole lists:

- the user may register clients (role with personal data) and works for every municipality in the batch;
- every given field passes its model field's own validation (type, length, choices, required, the BSN's
  elfproef, the postcode) — each distinct value of a column once, with the field's `clean`, as `full_clean`
  would;
- the district and the household belong to the client's municipality (`Client.clean`);
- the BSN is unique per municipality (constraint `client_bsn_uniek_per_gemeente`), in the batch and in the
  database.

Input rows are dicts keyed by field name (`gemeente`, `wijk` as primary keys); a client's `huishouden` is an
index into the households given. Either everything is written or nothing: `ValidationError` lists every offending
row as "clienten[12] bsn: <the service's Dutch message>" (the first 50). Rows are inserted with prepared
statements (no model instance per row); the audit log gets one entry per kind and municipality.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .audit import Actie, log_verwerking
from .invoegen import invoegen
from .models import Client, Gemeente, Huishouden, Wijk
from .rollen import mag_persoonsgegevens_zien
from .selectors import gemeenten_voor

MAX_FOUTEN = 50
_DEEL = 5000  # SQLite limits the parameters of one query


@dataclass
class ClientenBulkResultaat:
    """The primary keys of the stored rows, in the order given."""

    huishoudens: list[int] = field(default_factory=list)
    clienten: list[int] = field(default_factory=list)


class Fouten:
    """Collects "soort[rij] veld: melding" for a bulk service (the first MAX_FOUTEN)."""

    def __init__(self) -> None:
        self.lijst: list[str] = []

    def __call__(self, soort: str, index: int, veld: str, melding) -> None:
        if len(self.lijst) < MAX_FOUTEN:
            self.lijst.append(f"{soort}[{index}] {veld}: {melding}")

    def raise_if_any(self) -> None:
        if self.lijst:
            raise ValidationError(self.lijst)


def velden_controleren(
    model, soort: str, rijen: list[dict], fout: Fouten, overslaan=(), relaties_controleren: bool = False
) -> None:
    """Every given column through its model field's `clean` (type, length, choices, blank/null), once per
    distinct value; required fields present; unknown fields refused. With `relaties_controleren`, foreign keys
    are checked for existence, one query per column (otherwise the caller checks them with its own rules)."""
    velden = {f.name: f for f in model._meta.concrete_fields if not f.primary_key and f.name not in overslaan}
    namen = {naam for rij in rijen for naam in rij}
    onbekend = sorted(namen - set(velden) - set(overslaan))
    if onbekend:
        raise ValidationError(_("Onbekende velden: %(velden)s.") % {"velden": ", ".join(onbekend)})
    for naam in sorted(namen & set(velden)):
        veld = velden[naam]
        if veld.is_relation:
            if relaties_controleren:
                gegeven = {r[naam] for r in rijen if r.get(naam) is not None}
                bestaand = {pk for (pk,) in per_deel(veld.related_model, gegeven, "pk")}
                for i, rij in enumerate(rijen):
                    if rij.get(naam) is not None and rij[naam] not in bestaand:
                        fout(soort, i, naam, _("Onbekende waarde %(waarde)s.") % {"waarde": rij[naam]})
            continue
        uitkomst: dict = {}
        for i, rij in enumerate(rijen):
            if naam not in rij:
                continue
            waarde = rij[naam]
            sleutel = (type(waarde), waarde)
            if sleutel not in uitkomst:
                try:
                    veld.clean(waarde, None)
                    uitkomst[sleutel] = None
                except ValidationError as exc:
                    uitkomst[sleutel] = " ".join(exc.messages)
            if uitkomst[sleutel]:
                fout(soort, i, naam, uitkomst[sleutel])
    verplicht = [n for n, v in velden.items() if not (v.has_default() or v.null or v.blank or _automatisch(v))]
    for i, rij in enumerate(rijen):
        for naam in verplicht:
            if rij.get(naam) is None:
                fout(soort, i, naam, _("Dit veld is verplicht."))


def _automatisch(veld) -> bool:
    return bool(getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False))


def per_deel(model, waarden, *velden, veld: str = "pk") -> list[tuple]:
    """`values_list(*velden)` of the rows whose `veld` is in `waarden`, in chunks (SQLite limits parameters)."""
    lijst, rijen = sorted(waarden), []
    for i in range(0, len(lijst), _DEEL):
        rijen += model.objects.filter(**{f"{veld}__in": lijst[i : i + _DEEL]}).order_by().values_list(*velden)
    return rijen


def _bestaande_bsns(clienten: list[dict]) -> set[tuple[int, str]]:
    """(gemeente, bsn) of the stored clients with a BSN of the batch."""
    bestaand: set[tuple[int, str]] = set()
    if not Client.objects.exists():  # a first load: nothing to look up
        return bestaand
    lijst = sorted({r["bsn"] for r in clienten if r.get("bsn")})
    for i in range(0, len(lijst), _DEEL):
        bestaand.update(
            Client.objects.filter(bsn__in=lijst[i : i + _DEEL]).order_by().values_list("gemeente_id", "bsn")
        )
    return bestaand


def _controleer_clienten(clienten: list[dict], huishoudens: list[dict], fout: Fouten) -> None:
    wijken = dict(per_deel(Wijk, {r["wijk"] for r in clienten if r.get("wijk") is not None}, "pk", "gemeente_id"))
    gezien = _bestaande_bsns(clienten)
    for i, r in enumerate(clienten):
        gemeente = r.get("gemeente")
        if r.get("wijk") is not None:
            if r["wijk"] not in wijken:
                fout("clienten", i, "wijk", _("Onbekende waarde %(waarde)s.") % {"waarde": r["wijk"]})
            elif wijken[r["wijk"]] != gemeente:
                fout("clienten", i, "wijk", _("Deze wijk hoort niet bij de gemeente van de cliënt."))
        h = r.get("huishouden")
        if h is not None:
            if not (isinstance(h, int) and 0 <= h < len(huishoudens)):
                fout("clienten", i, "huishouden", _("Verwijst naar een huishouden dat niet in deze levering zit."))
            elif huishoudens[h].get("gemeente") != gemeente:
                fout("clienten", i, "huishouden", _("Dit huishouden hoort bij een andere gemeente."))
        sleutel = (gemeente, r.get("bsn"))
        if sleutel in gezien:  # stored, or earlier in the batch
            fout("clienten", i, "bsn", _("Deze gemeente heeft al een cliënt met dit BSN."))
        gezien.add(sleutel)


def _mag(user, gemeente_ids: set) -> dict[int, Gemeente]:
    if user is not None and not (mag_persoonsgegevens_zien(user) or user.is_superuser):
        raise PermissionDenied(_("Uw rol mag geen cliënten registreren."))
    gemeenten = Gemeente.objects.in_bulk(gemeente_ids - {None})
    if user is not None:
        eigen = set(gemeenten_voor(user).filter(pk__in=gemeenten).values_list("pk", flat=True))
        for pk, gemeente in sorted(gemeenten.items()):
            if pk not in eigen:
                raise PermissionDenied(_("U werkt niet voor gemeente %(gemeente)s.") % {"gemeente": gemeente.naam})
    return gemeenten


@transaction.atomic
def clienten_bulk_opslaan(
    *, user, huishoudens=(), clienten=(), doel: str = "Uitvoering Wmo 2015", activiteit: str = "Bulk vastleggen"
) -> ClientenBulkResultaat:
    """Check every row against the rules of `client_create`; store all or raise ValidationError.

    `user` None means a system process (import, demo) without a person behind it.
    """
    huishoudens, clienten = [dict(r) for r in huishoudens], [dict(r) for r in clienten]
    gemeenten = _mag(user, {r.get("gemeente") for r in huishoudens + clienten})
    fout = Fouten()
    for soort, rijen in (("huishoudens", huishoudens), ("clienten", clienten)):
        for i, r in enumerate(rijen):
            if r.get("gemeente") is not None and r["gemeente"] not in gemeenten:
                fout(soort, i, "gemeente", _("Onbekende waarde %(waarde)s.") % {"waarde": r["gemeente"]})
    velden_controleren(Huishouden, "huishoudens", huishoudens, fout)
    velden_controleren(Client, "clienten", clienten, fout)
    fout.raise_if_any()
    _controleer_clienten(clienten, huishoudens, fout)
    fout.raise_if_any()
    resultaat = ClientenBulkResultaat(huishoudens=invoegen(Huishouden, huishoudens))
    for r in clienten:
        if r.get("huishouden") is not None:
            r["huishouden"] = resultaat.huishoudens[r["huishouden"]]
    resultaat.clienten = invoegen(Client, clienten)
    for model, rijen in ((Huishouden, huishoudens), (Client, clienten)):
        per_gemeente: dict[int, int] = {}
        for r in rijen:
            per_gemeente[r["gemeente"]] = per_gemeente.get(r["gemeente"], 0) + 1
        for gemeente, aantal in sorted(per_gemeente.items()):
            log_verwerking(
                user,
                Actie.AANMAKEN,
                activiteit=activiteit,
                doel=doel,
                object_type=model.__name__,
                gemeente=gemeenten[gemeente],
                omschrijving=f"{aantal} {model._meta.verbose_name_plural}",
            )
    return resultaat
