"""Hostile input for the CSV/XLSX/ZIP import: reading refuses with `BestandFout`, importing never raises, and a
file with errors writes nothing.

Random bytes, wrong encodings, truncated and oversized files, ZIP bombs, broken workbooks, and mutated rows of
the example file set (SQL, HTML, formulas, control characters, wrong codes and dates in any cell).
Invariant per input: `lees_upload` raises nothing but `BestandFout`; `importeer` raises nothing; per file the
table grows by exactly the rows reported as created when the file was stored, and by nothing otherwise; no
other domain table changes; a dry run changes nothing at all.
"""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from openwmo.importeren.bestanden import BestandFout, Grenzen, lees_upload
from openwmo.importeren.service import ImportOpties, importeer
from tests.factories import AanbiederFactory

from .helpers import fuzz_settings, tel, tellingen, uitkomst, verschil, vijandige_tekst

pytestmark = pytest.mark.django_db
VOORBEELD = Path(__file__).resolve().parents[2] / "docs" / "voorbeeld-import"
GRENZEN = Grenzen(max_bytes=32 * 1024, max_rijen=12)  # small limits: "too large" is cheap to generate
TABEL = {"clienten": "core.client", "beschikkingen": "toegang.beschikking", "toewijzingen": "toegang.toewijzing"}
TABEL["declaraties"] = "declaraties.prestatie"  # a claims row is one line; lines of one claim share a declaratie
BESTANDEN = ("clienten", "beschikkingen", "toewijzingen", "declaraties")
FOUTE_CODES = ["9", "99", "9999", "0000", "99Z99", "XX", "onbekend", "1000000000", "999999999", "000000000"]
RIJEN = {
    naam: list(csv.reader(io.StringIO((VOORBEELD / f"{naam}.csv").read_text("utf-8-sig")), delimiter=";"))
    for naam in BESTANDEN
}


@pytest.fixture
def basis(referentie):
    for agb in ("98000011", "98000012", "98000013"):
        AanbiederFactory(agb_code=agb)


def _csv(rijen: list[list[str]], scheiding: str) -> bytes:
    uit = io.StringIO()
    csv.writer(uit, delimiter=scheiding, lineterminator="\r\n").writerows(rijen)
    return uit.getvalue().encode("utf-8")


@st.composite
def rijen_van(draw, naam: str) -> list[list[str]]:
    rijen = [list(r) for r in RIJEN[naam]]
    for _ in range(draw(st.integers(0, 4))):
        rij = draw(st.integers(0, len(rijen) - 1))
        kolom = draw(st.integers(0, len(rijen[rij]) - 1))
        waarde = draw(st.one_of(vijandige_tekst, st.sampled_from(FOUTE_CODES)))
        rijen[rij][kolom] = waarde
    if draw(st.integers(0, 9)) == 0:  # a ragged row: cells missing or extra
        rij = draw(st.integers(1, len(rijen) - 1))
        rijen[rij] = rijen[rij][: draw(st.integers(0, len(rijen[rij]) + 3))] + draw(
            st.lists(vijandige_tekst, max_size=3)
        )
    return rijen


@st.composite
def csv_bestand(draw, naam: str) -> bytes:
    soort = draw(st.sampled_from(["rijen", "rijen", "rijen", "bytes", "codering", "afgekapt", "groot", "rauw"]))
    if soort == "bytes":
        return draw(st.binary(max_size=300))
    goed = _csv(draw(rijen_van(naam)), draw(st.sampled_from([";", ","])))
    if soort == "codering":
        tekst = goed.decode().replace("Bakker", "Bäkker Ø 𝕏")
        return tekst.encode(draw(st.sampled_from(["utf-16", "latin-1", "cp1252", "utf-32"])), errors="replace")
    if soort == "afgekapt":
        return goed[: draw(st.integers(0, len(goed)))]
    if soort == "groot":
        kop, rest = goed.split(b"\r\n", 1)
        keer = draw(st.integers(GRENZEN.max_rijen, max(GRENZEN.max_rijen, GRENZEN.max_bytes // max(len(rest), 1) + 2)))
        return kop + b"\r\n" + rest * keer
    if soort == "rauw":  # cells glued together without quoting: separators and quotes inside values break the CSV
        return "\n".join(";".join(r) for r in draw(rijen_van(naam))).encode("utf-8", errors="replace")
    return goed


def _xlsx(bladen: dict[str, list[list[str]]]) -> bytes:
    werkboek = Workbook()
    werkboek.remove(werkboek.active)
    for naam, rijen in bladen.items():
        blad = werkboek.create_sheet(naam)
        for rij in rijen:
            # openpyxl refuses control characters in cells; such a file cannot exist, so leave them out.
            blad.append(["".join(ch for ch in c if ch in "\t\n" or ord(ch) >= 32) for c in rij])
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()


def _zip(leden: dict[str, bytes]) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, inhoud in leden.items():
            archief.writestr(naam, inhoud)
    return uit.getvalue()


# Built once: a workbook carries its creation time, so its length would differ between Hypothesis's runs.
GELDIGE_XLSX = _xlsx({"clienten": RIJEN["clienten"]})


@st.composite
def upload(draw) -> tuple[str, bytes]:
    soort = draw(st.sampled_from(["csv", "csv", "csv", "zip", "xlsx", "bom", "kapot", "naam"]))
    namen = draw(st.lists(st.sampled_from(BESTANDEN), min_size=1, max_size=4, unique=True))
    if soort == "csv":
        naam = namen[0]
        return f"{naam}.csv", draw(csv_bestand(naam))
    if soort == "zip":
        leden = {f"{draw(st.sampled_from(['', 'map/', '../']))}{n}.csv": draw(csv_bestand(n)) for n in namen}
        return "import.zip", _zip(leden)
    if soort == "xlsx":
        return "import.xlsx", _xlsx({n: draw(rijen_van(n)) for n in namen})
    if soort == "bom":  # unpacks to far more than the limit
        grootte = GRENZEN.max_bytes * draw(st.integers(5, 20))
        naam = draw(st.sampled_from(["import.zip", "import.xlsx"]))
        inhoud = RIJEN["clienten"][0]
        return naam, _zip({"clienten.csv": ";".join(inhoud).encode() + b"\n" + b"0" * grootte})
    if soort == "kapot":  # a workbook or archive cut short or with flipped bytes
        inhoud = bytearray(GELDIGE_XLSX)
        if draw(st.booleans()):
            inhoud = inhoud[: draw(st.integers(0, len(inhoud)))]
        else:
            for _ in range(draw(st.integers(1, 20))):
                inhoud[draw(st.integers(0, len(inhoud) - 1))] = draw(st.integers(0, 255))
        return draw(st.sampled_from(["import.xlsx", "import.zip"])), bytes(inhoud)
    return draw(vijandige_tekst) + draw(st.sampled_from([".csv", ".txt", ".xml", ".xls", ""])), draw(
        st.binary(max_size=100)
    )


def _controleer(naam: str, inhoud: bytes, opties: ImportOpties) -> None:
    voor = tellingen()
    try:
        bladen = lees_upload(naam, inhoud, GRENZEN)
    except BestandFout as fout:
        assert fout.melding
        uitkomst("import onleesbaar")
        assert verschil(voor, tellingen()) == {}
        return
    resultaat = importeer(bladen, opties)  # must never raise
    assert resultaat.samenvatting()
    delta = verschil(voor, tellingen())
    uitkomst(f"import {'geslaagd' if resultaat.geslaagd else 'met fouten'}{' (proef)' if opties.dry_run else ''}")
    if opties.dry_run:
        assert delta == {}, delta
        return
    for bestand in resultaat.bestanden:
        if bestand.naam in TABEL:
            verwacht = bestand.aangemaakt if bestand.opgeslagen else 0
            assert delta.pop(TABEL[bestand.naam], 0) == verwacht, (bestand, resultaat.samenvatting())
            if bestand.fouten and not opties.partial:
                assert not bestand.opgeslagen
    regels = next((b.aangemaakt for b in resultaat.bestanden if b.naam == "declaraties" and b.opgeslagen), 0)
    assert 0 <= delta.pop("declaraties.declaratie", 0) <= regels, delta
    assert delta == {}, delta


@fuzz_settings(max_examples=3000, naam="import")
@given(bestand=upload(), dry_run=st.booleans(), partial=st.booleans())
def test_import_weerstaat_vijandige_bestanden(basis, bestand, dry_run, partial):
    tel("import")
    _controleer(*bestand, ImportOpties(dry_run=dry_run, partial=partial, historisch=True))
