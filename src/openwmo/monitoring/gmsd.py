"""GMSD export: the Wmo records a municipality delivers to CBS for the Gemeentelijke Monitor Sociaal Domein.

One line per allocation (toewijzing) with at least one day in the reporting year. Layout: docs/gmsd.md.
This file holds BSNs: only `gmsd_csv` reads them, and its caller logs the export (Actie.EXPORTEREN).
"""

import csv
import io
from datetime import date

from openwmo.core.periodes import overlap_q
from openwmo.toegang.models import Toewijzing

KOLOMMEN = (
    "gemeentecode",
    "verslagjaar",
    "bsn",
    "toewijzingsnummer",
    "productcategorie",
    "productcode",
    "soort_voorziening",
    "begindatum",
    "einddatum",
    "leveringsvorm",
    "reden_beeindiging",
)
LEVERINGSVORM = {"zin": "1", "pgb": "2"}
SOORT = {"maatwerk": "1", "vrij_inzetbaar": "2", "algemeen": "3"}


def _datum(dag: date | None) -> str:
    return dag.strftime("%Y%m%d") if dag else ""


def gmsd_regels(gemeente, jaar: int):
    """The records of one municipality for one year, as tuples in KOLOMMEN order."""
    rijen = (
        Toewijzing.objects.filter(gemeente=gemeente)
        .filter(overlap_q(date(jaar, 1, 1), date(jaar, 12, 31)))
        .order_by("client__bsn", "ingangsdatum", "toewijzingsnummer")
        .values_list(
            "client__bsn",
            "toewijzingsnummer",
            "product__productcategorie",
            "product__productcode",
            "product__voorzieningsoort__soort",
            "ingangsdatum",
            "einddatum",
            "leveringsvorm",
            "reden_beeindiging",
        )
    )
    for bsn, nummer, categorie, code, soort, start, eind, vorm, reden in rijen.iterator(chunk_size=5000):
        einde_in_jaar = eind is not None and eind.year == jaar
        yield (
            gemeente.cbs_code,
            str(jaar),
            bsn,
            nummer,
            categorie,
            code,
            SOORT.get(soort, ""),
            _datum(start),
            _datum(eind),
            LEVERINGSVORM.get(vorm, ""),
            reden if einde_in_jaar else "",
        )


def gmsd_csv(gemeente, jaar: int) -> tuple[str, int]:
    """(CSV text, number of records)."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    aantal = 0
    for regel in gmsd_regels(gemeente, jaar):
        schrijver.writerow(regel)
        aantal += 1
    return uit.getvalue(), aantal
