"""Payment batches: the approved, not yet paid claim lines of one provider for one municipality.

`betaalbatch_maken` claims the lines in one UPDATE (so two runs never pay a line twice), then sums them in
Python: exact Decimals, Σ debet − Σ credit. Exports: CSV (UTF-8, `;`, decimal point) and XLSX, one
row per line with its signed amount, and a total row equal to the batch's amount.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Nummerreeks

from .models import Betaalbatch, Declaratie, Prestatie, PrestatieStatus

NUL = Decimal("0.00")
KOLOMMEN = [
    "batchnummer",
    "aanbieder_agb",
    "gemeente_cbs",
    "declaratienummer",
    "referentienummer",
    "toewijzingsnummer",
    "productcode",
    "begindatum",
    "einddatum",
    "volume",
    "eenheid",
    "tarief",
    "debet_credit",
    "bedrag",
]


def te_betalen(aanbieder, gemeente, tot_datum: date):
    """Approved lines of the provider for the municipality, received up to `tot_datum`, not yet paid."""
    # "Received on or before the day" as a plain comparison with the start of the next day: the same rows as
    # `ontvangen_op__date__lte`, but SQLite needs no Python date cast per row. The claims are selected first, in
    # a subquery: joined per line, SQLite walks each claim's stored 323 (a blob of up to megabytes, before
    # these columns in the row) once per line — 1.3 s instead of 0.01 s for 4,000 lines.
    volgende_dag = timezone.make_aware(datetime.combine(tot_datum + timedelta(days=1), time.min))
    declaraties = Declaratie.objects.filter(aanbieder=aanbieder, gemeente=gemeente, ontvangen_op__lt=volgende_dag)
    return Prestatie.objects.filter(
        aanbieder=aanbieder,
        declaratie__in=declaraties.values("pk"),
        status=PrestatieStatus.GOEDGEKEURD,
        betaalbatch__isnull=True,
    )


@transaction.atomic
def betaalbatch_maken(aanbieder, gemeente, tot_datum: date, *, user=None) -> Betaalbatch:
    """Put every approved, unpaid line (received up to `tot_datum`) in a new payment batch."""
    if not te_betalen(aanbieder, gemeente, tot_datum).exists():
        raise ValidationError(
            {
                "tot_datum": _(
                    "Er zijn geen goedgekeurde, nog niet betaalde prestaties van %(aanbieder)s voor %(gemeente)s "
                    "ontvangen tot en met %(datum)s."
                )
                % {"aanbieder": aanbieder.naam, "gemeente": gemeente.naam, "datum": tot_datum.strftime("%d-%m-%Y")}
            }
        )
    batch = Betaalbatch.objects.create(
        nummer=f"B{Nummerreeks.volgende('betaalbatch'):06d}",
        aanbieder=aanbieder,
        gemeente=gemeente,
        tot_datum=tot_datum,
        aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
        aantal_regels=0,
        debet=NUL,
        credit=NUL,
        bedrag=NUL,
    )
    ids = te_betalen(aanbieder, gemeente, tot_datum).values("pk")
    Prestatie.objects.filter(pk__in=ids).update(betaalbatch=batch)
    # Summed here, not with SUM() in SQL: SQLite keeps decimals as floating point, Python's Decimal is exact.
    aantal, debet, credit = 0, NUL, NUL
    for dc, bedrag in batch.prestaties.values_list("debet_credit", "bedrag").iterator(chunk_size=5000):
        aantal += 1
        if dc == "D":
            debet += bedrag
        else:
            credit += bedrag
    batch.aantal_regels = aantal
    batch.debet = debet
    batch.credit = credit
    batch.bedrag = batch.debet - batch.credit
    batch.save(update_fields=["aantal_regels", "debet", "credit", "bedrag"])
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit="Betaalbatch maken",
        doel="Uitvoering Wmo 2015: declaraties betalen",
        object_type="Betaalbatch",
        object_id=batch.pk,
        gemeente=gemeente,
        omschrijving=f"{batch.nummer}: {batch.aantal_regels} prestaties, € {batch.bedrag}",
    )
    return batch


def _rijen(batch: Betaalbatch):
    velden = (
        "declaratie__declaratienummer",
        "referentienummer",
        "toewijzingsnummer",
        "productcode",
        "begindatum",
        "einddatum",
        "volume",
        "eenheid",
        "tarief",
        "debet_credit",
        "bedrag",
    )
    kop = (batch.nummer, batch.aanbieder.agb_code, batch.gemeente.cbs_code)
    for nummer, ref, tnr, code, van, tot, volume, eenheid, tarief, dc, bedrag in (
        batch.prestaties.order_by("declaratie_id", "volgnummer").values_list(*velden).iterator(chunk_size=5000)
    ):
        yield (*kop, nummer, ref, tnr, code, van, tot, volume, eenheid, tarief, dc, bedrag if dc == "D" else -bedrag)


def _log_export(batch, user, formaat):
    log_verwerking(
        user,
        Actie.EXPORTEREN,
        activiteit=f"Betaalbatch exporteren ({formaat})",
        doel="Uitvoering Wmo 2015: declaraties betalen",
        object_type="Betaalbatch",
        object_id=batch.pk,
        gemeente=batch.gemeente,
    )


def betaalbatch_csv(batch: Betaalbatch, *, user=None) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\n")
    schrijver.writerow(KOLOMMEN)
    for rij in _rijen(batch):
        schrijver.writerow(["" if v is None else (v.isoformat() if isinstance(v, date) else v) for v in rij])
    schrijver.writerow(["totaal", "", "", "", "", "", "", "", "", batch.aantal_regels, "", "", "", batch.bedrag])
    _log_export(batch, user, "CSV")
    return uit.getvalue()


def betaalbatch_xlsx(batch: Betaalbatch, *, user=None) -> bytes:
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = batch.nummer
    blad.append(KOLOMMEN)
    for rij in _rijen(batch):
        blad.append(list(rij))
    blad.append(
        ["totaal", None, None, None, None, None, None, None, None, batch.aantal_regels, None, None, None, batch.bedrag]
    )
    for kolom in ("L", "N"):
        for cel in blad[kolom][1:]:
            cel.number_format = "#,##0.00"
    for cel in blad["H"][1:] + blad["I"][1:]:
        cel.number_format = "dd-mm-yyyy"
    uit = io.BytesIO()
    werkboek.save(uit)
    _log_export(batch, user, "XLSX")
    return uit.getvalue()
