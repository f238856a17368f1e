"""Exporting clienten, beschikkingen, toewijzingen and declaraties as the same files the import reads.

An import followed by an export gives the same rows. Cells that a spreadsheet would run as a formula
(starting with = + - @, tab or carriage return) get a leading quote, in CSV and in XLSX; the import
removes that quote again.
"""

import csv
import io
from decimal import Decimal
from pathlib import Path

from django.db.models import QuerySet
from openpyxl import Workbook

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Client
from openwmo.core.selectors import clienten_voor
from openwmo.toegang.models import Beschikking, Toewijzing

from . import declaraties
from .bestanden import BESTANDEN, FORMULE_TEKENS, KOLOMMEN


def veilig(waarde) -> str:
    """The cell as text, defused against formula injection."""
    tekst = "" if waarde is None else str(waarde)
    return "'" + tekst if tekst.startswith(FORMULE_TEKENS) else tekst


def _getal(waarde: Decimal | None) -> str:
    if waarde is None:
        return ""
    tekst = f"{waarde:f}"
    return tekst.rstrip("0").rstrip(".") if "." in tekst else tekst


def _bedrag(waarde: Decimal | None) -> str:
    return "" if waarde is None else f"{waarde:.2f}"


def _datum(waarde) -> str:
    return waarde.isoformat() if waarde else ""


def _clienten(user, gemeente: str | None) -> QuerySet[Client]:
    clienten = Client.objects.all() if user is None else clienten_voor(user)
    if gemeente:
        clienten = clienten.filter(gemeente__cbs_code=gemeente)
    return clienten


def rijen_voor_export(user=None, gemeente: str | None = None) -> dict[str, list[dict[str, str]]]:
    """The rows of every file, sorted on their natural key. `user` None: the command line (everything)."""
    clienten = _clienten(user, gemeente).select_related("gemeente", "wijk").order_by("bsn")
    beschikkingen = (
        Beschikking.objects.filter(client__in=clienten)
        .select_related("client", "gemeente")
        .prefetch_related("toewijzingen__product")
        .order_by("beschikkingsnummer")
    )
    toewijzingen = (
        Toewijzing.objects.filter(client__in=clienten)
        .select_related("client", "gemeente", "product", "aanbieder", "beschikking")
        .order_by("toewijzingsnummer")
    )
    return {
        "clienten": [
            {
                "bsn": c.bsn,
                "geboortedatum": _datum(c.geboortedatum),
                "geslacht": c.geslacht,
                "achternaam": c.achternaam,
                "voorvoegsel": c.voorvoegsel,
                "voorletters": c.voorletters,
                "straat": c.straat,
                "postcode": c.postcode,
                "huisnummer": "" if c.huisnummer is None else str(c.huisnummer),
                "huisnummer_toevoeging": c.huisnummer_toevoeging,
                "woonplaats": c.woonplaats,
                "gemeente": c.gemeente.cbs_code,
                "wijk": c.wijk.code if c.wijk else "",
            }
            for c in clienten
        ],
        "beschikkingen": [
            {
                "beschikkingsnummer": b.beschikkingsnummer,
                "bsn": b.client.bsn,
                "gemeente": b.gemeente.cbs_code,
                "besluitdatum": _datum(b.besluitdatum),
                "ingangsdatum": _datum(b.ingangsdatum),
                "einddatum": _datum(b.einddatum),
                "besluit": b.besluit,
                # Beschikking has no product list of its own yet: the products are those allocated under it.
                "producten": ",".join(sorted({t.product.productcode for t in b.toewijzingen.all()})),
            }
            for b in beschikkingen
        ],
        "toewijzingen": [
            {
                "toewijzingsnummer": t.toewijzingsnummer,
                "beschikkingsnummer": t.beschikking.beschikkingsnummer if t.beschikking else "",
                "bsn": t.client.bsn,
                "gemeente": t.gemeente.cbs_code,
                "productcategorie": t.product.productcategorie,
                "productcode": t.product.productcode,
                "aanbieder": t.aanbieder.agb_code,
                "ingangsdatum": _datum(t.ingangsdatum),
                "einddatum": _datum(t.einddatum),
                "volume": _getal(t.volume),
                "eenheid": t.eenheid,
                "frequentie": t.frequentie,
                "bedrag": _bedrag(t.budget),
                "uitvoeringsvariant": t.uitvoeringsvariant,
                "leveringsvorm": t.leveringsvorm,
                "reden_beeindiging": t.reden_beeindiging,
            }
            for t in toewijzingen
        ],
        "declaraties": declaraties.rijen_voor_export(user, gemeente),
    }


def als_csv(naam: str, rijen: list[dict[str, str]]) -> bytes:
    """One file as CSV: UTF-8 with BOM (so Excel shows é and ë), `;` as separator."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN[naam])
    for rij in rijen:
        schrijver.writerow([veilig(rij.get(k, "")) for k in KOLOMMEN[naam]])
    return uit.getvalue().encode("utf-8-sig")


def als_xlsx(alle_rijen: dict[str, list[dict[str, str]]]) -> bytes:
    """All files as one workbook, one sheet per file; every cell is text (no formulas, no lost zeros)."""
    werkboek = Workbook()
    werkboek.remove(werkboek.active)
    for naam in BESTANDEN:
        blad = werkboek.create_sheet(naam)
        blad.append(list(KOLOMMEN[naam]))
        for rij in alle_rijen.get(naam, []):
            blad.append([veilig(rij.get(k, "")) for k in KOLOMMEN[naam]])
        for kolom in blad.iter_cols():
            for cel in kolom:
                cel.data_type = "s"
                cel.number_format = "@"
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()


def exporteer(map_: Path, user=None, gemeente: str | None = None, xlsx: bool = False) -> dict[str, int]:
    """Write the files into `map_` (CSV files, or `export.xlsx`); log the export. Returns rows per file."""
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    alle_rijen = rijen_voor_export(user, gemeente)
    if xlsx:
        (map_ / "export.xlsx").write_bytes(als_xlsx(alle_rijen))
    else:
        for naam in BESTANDEN:
            (map_ / f"{naam}.csv").write_bytes(als_csv(naam, alle_rijen[naam]))
    aantallen = {naam: len(rijen) for naam, rijen in alle_rijen.items()}
    log_verwerking(
        user,
        Actie.EXPORTEREN,
        activiteit="Gegevens exporteren",
        doel="Gegevensoverdracht",
        object_type="Client",
        omschrijving=f"gemeente {gemeente or 'alle'}: " + ", ".join(f"{n} {a}" for n, a in aantallen.items()),
    )
    return aantallen
