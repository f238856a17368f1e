"""Reading import files (no database): encodings, separators, limits, formula quotes."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from openwmo.importeren.bestanden import BestandFout, Grenzen, lees_csv, lees_upload, lees_xlsx

KOP = "bsn;geboortedatum;achternaam;gemeente\n"


def test_utf8_with_and_without_bom_is_read_the_same():
    tekst = KOP + "999990020;1938-11-02;Hoëvenaar;0603\n"
    zonder = lees_csv("clienten", tekst.encode("utf-8"))
    met = lees_csv("clienten", tekst.encode("utf-8-sig"))
    assert zonder.rijen == met.rijen
    assert met.rijen[0].get("achternaam") == "Hoëvenaar" and met.rijen[0].nummer == 2


def test_other_encodings_are_refused_with_a_clear_message():
    tekst = KOP + "999990020;1938-11-02;Hoëvenaar;0603\n"
    with pytest.raises(BestandFout) as fout:
        lees_csv("clienten", tekst.encode("cp1252"))
    assert "geen UTF-8" in fout.value.melding and "CSV UTF-8" in fout.value.melding


def test_comma_separated_files_and_missing_columns():
    blad = lees_csv("clienten", b"bsn,geboortedatum,achternaam,gemeente\n999990020,1938-11-02,Jansen,603\n")
    assert blad.rijen[0].get("gemeente") == "603"
    with pytest.raises(BestandFout, match="verplichte kolom.*geboortedatum"):
        lees_csv("clienten", b"bsn;achternaam;gemeente\n")
    with pytest.raises(BestandFout, match="onbekende kolom.*iban"):
        lees_csv("clienten", (KOP.strip() + ";iban\n").encode())


def test_size_and_row_limits():
    with pytest.raises(BestandFout, match="groter dan"):
        lees_csv("clienten", (KOP + "x" * 2_000_000).encode(), grenzen=Grenzen(max_bytes=1024 * 1024))
    regels = KOP + "".join(f"99999{i:04d};1950-01-01;Jansen;0603\n" for i in range(11))
    with pytest.raises(BestandFout, match="meer dan 10 rijen"):
        lees_csv("clienten", regels.encode(), grenzen=Grenzen(max_rijen=10))


def test_a_zip_bomb_is_refused_before_unpacking():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("clienten.csv", KOP + "0" * 5_000_000)
    with pytest.raises(BestandFout, match="te groot"):
        lees_upload("import.zip", data.getvalue(), Grenzen(max_bytes=1024 * 1024))


def test_xlsx_formulas_are_not_evaluated_and_leading_zeros_kept():
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = "clienten"
    blad.append(["bsn", "geboortedatum", "achternaam", "gemeente"])
    blad.append(["999990020", "1938-11-02", '=HYPERLINK("http://x")', "0603"])
    uit = io.BytesIO()
    werkboek.save(uit)
    rij = lees_xlsx(uit.getvalue())["clienten"].rijen[0]
    assert rij.get("gemeente") == "0603"
    assert rij.get("achternaam") == ""  # the cached value: a formula is never run or passed on


def test_not_an_xlsx_or_zip():
    with pytest.raises(BestandFout, match="geen leesbaar Excel"):
        lees_upload("import.xlsx", b"dit is tekst")
    with pytest.raises(BestandFout, match="upload een ZIP"):
        lees_upload("import.pdf", b"%PDF")


def _beschadigd(inhoud: bytes, lidnaam: str) -> bytes:
    """The archive with the compressed data of one member garbled; its directory stays intact."""
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        info = archief.getinfo(lidnaam)
    data = bytearray(inhoud)
    begin = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(begin + 2, begin + info.compress_size - 2, 3):
        data[i] ^= 0x5A
    return bytes(data)


def test_a_damaged_workbook_or_archive_member_is_refused_not_a_crash():
    """Found by tests/fuzz: zlib.error escaped while a sheet was read; now it is a clear Dutch refusal."""
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = "clienten"
    blad.append(["bsn", "geboortedatum", "achternaam", "gemeente"])
    blad.append(["999990007", "1941-03-12", "Bakker", "0603"])
    uit = io.BytesIO()
    werkboek.save(uit)
    kapot = _beschadigd(uit.getvalue(), "xl/worksheets/sheet1.xml")
    with pytest.raises(BestandFout, match="beschadigd|geen leesbaar"):
        lees_upload("import.xlsx", kapot)

    archief = io.BytesIO()
    with zipfile.ZipFile(archief, "w", zipfile.ZIP_DEFLATED) as z:
        rijen = "999990007;1941-03-12;Bakker;0603\n" * 50
        z.writestr("clienten.csv", "bsn;geboortedatum;achternaam;gemeente\n" + rijen)
    with pytest.raises(BestandFout, match="beschadigd"):
        lees_upload("import.zip", _beschadigd(archief.getvalue(), "clienten.csv"))
