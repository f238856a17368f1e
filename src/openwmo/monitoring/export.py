"""Writing a report table as text, CSV, JSON or XLSX. Values stay numbers; empty cells are blank."""

import csv
import io
import json

from openpyxl import Workbook

from .tabellen import Tabel


def als_tekst(tabel: Tabel) -> str:
    cellen = [tabel.kolommen] + [["" if v is None else str(v) for v in rij] for rij in tabel.rijen]
    breedtes = [max(len(rij[i]) for rij in cellen) for i in range(len(tabel.kolommen))]
    regels = [tabel.titel, ""]
    for n, rij in enumerate(cellen):
        regels.append(
            "  ".join(c.ljust(b) if i == 0 else c.rjust(b) for i, (c, b) in enumerate(zip(rij, breedtes, strict=True)))
        )
        if n == 0:
            regels.append("  ".join("-" * b for b in breedtes))
    if tabel.toelichting:
        regels += ["", tabel.toelichting]
    return "\n".join(regels) + "\n"


def als_csv(tabel: Tabel) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\n")
    schrijver.writerow(tabel.kolommen)
    schrijver.writerows([["" if v is None else v for v in rij] for rij in tabel.rijen])
    return uit.getvalue()


def als_json(tabel: Tabel) -> str:
    return json.dumps(
        {
            "titel": tabel.titel,
            "kolommen": tabel.kolommen,
            "rijen": tabel.als_dicts(),
            "toelichting": tabel.toelichting,
        },
        ensure_ascii=False,
        indent=2,
        default=str,
    )


def als_xlsx(tabel: Tabel) -> bytes:
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = tabel.titel[:31].replace("/", "-").replace(":", "")
    blad.append([tabel.titel])
    blad.append(tabel.kolommen)
    for rij in tabel.rijen:
        blad.append(rij)
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()
