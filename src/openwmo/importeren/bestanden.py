"""Reading import files into plain rows: CSV (UTF-8, with or without BOM), one XLSX, a ZIP or a folder.

No Django here. Hostile input is bounded: a size limit per file and for a ZIP's unpacked content
(zip bombs), a row limit, UTF-8 only (other encodings are refused with a clear message instead of
being misread), and XLSX formulas are read as their cached values, never evaluated.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath

# The files of an import, in the order they are processed (a toewijzing needs its client first).
BESTANDEN = ("clienten", "beschikkingen", "toewijzingen", "declaraties")

KOLOMMEN: dict[str, tuple[str, ...]] = {
    "clienten": (
        "bsn",
        "geboortedatum",
        "geslacht",
        "achternaam",
        "voorvoegsel",
        "voorletters",
        "straat",
        "postcode",
        "huisnummer",
        "huisnummer_toevoeging",
        "woonplaats",
        "gemeente",
        "wijk",
    ),
    "beschikkingen": (
        "beschikkingsnummer",
        "bsn",
        "gemeente",
        "besluitdatum",
        "ingangsdatum",
        "einddatum",
        "besluit",
        "producten",
    ),
    "toewijzingen": (
        "toewijzingsnummer",
        "beschikkingsnummer",
        "bsn",
        "gemeente",
        "productcategorie",
        "productcode",
        "aanbieder",
        "ingangsdatum",
        "einddatum",
        "volume",
        "eenheid",
        "frequentie",
        "bedrag",
        "uitvoeringsvariant",
        "leveringsvorm",
        "reden_beeindiging",
    ),
    "declaraties": (
        "declaratienummer",
        "aanbieder",
        "gemeente",
        "toewijzingsnummer",
        "bsn",
        "productcode",
        "begindatum",
        "einddatum",
        "volume",
        "eenheid",
        "tarief",
        "bedrag",
        "status",
        "referentienummer",
    ),
}
# Columns a file must have (the others may be left out entirely).
VERPLICHTE_KOLOMMEN: dict[str, tuple[str, ...]] = {
    "clienten": ("bsn", "geboortedatum", "achternaam", "gemeente"),
    "beschikkingen": ("beschikkingsnummer", "bsn", "besluitdatum", "ingangsdatum"),
    "toewijzingen": ("toewijzingsnummer", "bsn", "productcode", "aanbieder", "ingangsdatum"),
    "declaraties": ("declaratienummer", "aanbieder", "toewijzingsnummer", "bsn", "begindatum", "einddatum"),
}

MAX_BYTES = 50 * 1024 * 1024
MAX_RIJEN = 500_000
MAX_ZIP_BESTANDEN = 100
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


class BestandFout(Exception):
    """A file that cannot be read at all (wrong encoding, too large, not a ZIP/XLSX). Message in Dutch."""

    def __init__(self, bestand: str, melding: str):
        super().__init__(f"{bestand}: {melding}")
        self.bestand = bestand
        self.melding = melding


@dataclass(frozen=True)
class Rij:
    """One data row: its number as the user sees it (header = row 1) and its values by column name."""

    nummer: int
    waarden: dict[str, str]

    def get(self, kolom: str) -> str:
        return self.waarden.get(kolom, "")


@dataclass
class Blad:
    """The rows of one file (`clienten.csv` or the sheet `clienten` of a workbook)."""

    naam: str
    bron: str
    kolommen: list[str]
    rijen: list[Rij] = field(default_factory=list)


@dataclass(frozen=True)
class Grenzen:
    max_bytes: int = MAX_BYTES
    max_rijen: int = MAX_RIJEN

    @classmethod
    def uit_instellingen(cls, settings) -> "Grenzen":
        """The limits from settings OPENWMO_IMPORT_MAX_BYTES / OPENWMO_IMPORT_MAX_ROWS."""
        return cls(
            max_bytes=getattr(settings, "OPENWMO_IMPORT_MAX_BYTES", MAX_BYTES),
            max_rijen=getattr(settings, "OPENWMO_IMPORT_MAX_ROWS", MAX_RIJEN),
        )


def _schoon(waarde: str) -> str:
    """Trim, and undo the quote our own export puts before a cell that starts like a formula."""
    waarde = waarde.strip()
    if len(waarde) > 1 and waarde[0] == "'" and waarde[1] in FORMULE_TEKENS:
        return waarde[1:]
    return waarde


def _kolomnaam(kop: str) -> str:
    return kop.strip().lstrip("\ufeff").lower().replace(" ", "_")


def _controleer_kolommen(naam: str, bron: str, kolommen: list[str]) -> None:
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN[naam] if k not in kolommen]
    if ontbrekend:
        raise BestandFout(bron, "verplichte kolom(men) ontbreken: " + ", ".join(ontbrekend) + ".")
    onbekend = [k for k in kolommen if k and k not in KOLOMMEN[naam]]
    if onbekend:
        raise BestandFout(
            bron, "onbekende kolom(men): " + ", ".join(onbekend) + ". Zie docs/import.md voor de kolommen."
        )
    dubbel = sorted({k for k in kolommen if k and kolommen.count(k) > 1})
    if dubbel:
        raise BestandFout(bron, "kolom(men) komen dubbel voor: " + ", ".join(dubbel) + ".")


def lees_csv(naam: str, inhoud: bytes, bron: str | None = None, grenzen: Grenzen = Grenzen()) -> Blad:
    """One CSV file; separator `;` or `,` (taken from the header line)."""
    bron = bron or f"{naam}.csv"
    if len(inhoud) > grenzen.max_bytes:
        raise BestandFout(bron, f"het bestand is groter dan {grenzen.max_bytes // (1024 * 1024)} MB.")
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise BestandFout(
            bron,
            f"het bestand is geen UTF-8 (onleesbaar teken op positie {fout.start}). "
            "Sla het op als 'CSV UTF-8' en importeer opnieuw.",
        ) from fout
    if "\x00" in tekst:
        raise BestandFout(bron, "het bestand bevat nul-tekens; is het wel een CSV-bestand in UTF-8?")
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        kop = next(lezer)
    except StopIteration:
        raise BestandFout(bron, "het bestand is leeg.") from None
    kolommen = [_kolomnaam(k) for k in kop]
    _controleer_kolommen(naam, bron, kolommen)
    blad = Blad(naam=naam, bron=bron, kolommen=kolommen)
    try:
        for cellen in lezer:
            if not any(c.strip() for c in cellen):
                continue
            if len(blad.rijen) >= grenzen.max_rijen:
                raise BestandFout(bron, f"meer dan {grenzen.max_rijen} rijen; splits het bestand.")
            blad.rijen.append(_rij(lezer.line_num, kolommen, cellen, bron))
    except csv.Error as fout:
        raise BestandFout(bron, f"rij {lezer.line_num}: het CSV-bestand is niet goed opgebouwd ({fout}).") from fout
    return blad


def _rij(nummer: int, kolommen: list[str], cellen: list[str], bron: str) -> Rij:
    if len(cellen) > len(kolommen) and any(c.strip() for c in cellen[len(kolommen) :]):
        raise BestandFout(bron, f"rij {nummer} heeft meer cellen ({len(cellen)}) dan kolommen ({len(kolommen)}).")
    return Rij(nummer=nummer, waarden={k: _schoon(c) for k, c in zip(kolommen, cellen, strict=False) if k})


def _cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.date().isoformat() if waarde.time() == time(0) else waarde.isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, bool):
        return "1" if waarde else "0"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def _controleer_zip(bron: str, archief: zipfile.ZipFile, grenzen: Grenzen) -> None:
    leden = archief.infolist()
    if len(leden) > MAX_ZIP_BESTANDEN * 20:
        raise BestandFout(bron, "het archief bevat te veel bestanden.")
    if sum(lid.file_size for lid in leden) > grenzen.max_bytes * 4:
        raise BestandFout(bron, "het uitgepakte archief is te groot.")


# A damaged or hostile workbook makes openpyxl, zipfile and the XML parser fail in many ways (zlib.error,
# BadZipFile on a CRC error, KeyError for a missing part, ParseError, TypeError/AttributeError on unexpected
# structure, ...). None of them may escape as a server error: every one means "this file is unreadable". The
# fuzz suite (tests/fuzz/test_import_fuzz.py) found zlib.error escaping while a sheet was being read.


def lees_xlsx(inhoud: bytes, bron: str = "import.xlsx", grenzen: Grenzen = Grenzen()) -> dict[str, Blad]:
    """A workbook with one sheet per file (`clienten`, `beschikkingen`, …); other sheets are ignored."""
    from openpyxl import load_workbook

    if len(inhoud) > grenzen.max_bytes:
        raise BestandFout(bron, f"het bestand is groter dan {grenzen.max_bytes // (1024 * 1024)} MB.")
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            _controleer_zip(bron, archief, grenzen)
        werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except BestandFout:
        raise
    except Exception as fout:  # noqa: BLE001 - see the comment above
        raise BestandFout(bron, "dit is geen leesbaar Excel-bestand (.xlsx).") from fout
    try:
        return _lees_werkboek(werkboek, bron, grenzen)
    except BestandFout:
        raise
    except Exception as fout:  # noqa: BLE001 - a sheet is only unpacked and parsed while its rows are read
        raise BestandFout(bron, "dit Excel-bestand is beschadigd en kan niet worden gelezen.") from fout
    finally:
        werkboek.close()


def _lees_werkboek(werkboek, bron: str, grenzen: Grenzen) -> dict[str, Blad]:
    bladen = {}
    for naam in BESTANDEN:
        if naam not in werkboek.sheetnames:
            continue
        rijen = werkboek[naam].iter_rows(values_only=True)
        kop = next(rijen, None)
        if kop is None:
            continue
        kolommen = [_kolomnaam(_cel(k)) for k in kop]
        while kolommen and not kolommen[-1]:
            kolommen.pop()
        blad_bron = f"{bron} (blad {naam})"
        _controleer_kolommen(naam, blad_bron, kolommen)
        blad = Blad(naam=naam, bron=blad_bron, kolommen=kolommen)
        for nummer, cellen in enumerate(rijen, start=2):
            tekst = [_cel(c) for c in cellen]
            if not any(t.strip() for t in tekst):
                continue
            if len(blad.rijen) >= grenzen.max_rijen:
                raise BestandFout(blad_bron, f"meer dan {grenzen.max_rijen} rijen; splits het bestand.")
            blad.rijen.append(_rij(nummer, kolommen, tekst, blad_bron))
        bladen[naam] = blad
    if not bladen:
        raise BestandFout(bron, "geen blad met een bekende naam gevonden (" + ", ".join(BESTANDEN) + ").")
    return bladen


def lees_zip(inhoud: bytes, bron: str = "import.zip", grenzen: Grenzen = Grenzen()) -> dict[str, Blad]:
    """A ZIP with the CSV files (in any folder inside it) or one XLSX."""
    if len(inhoud) > grenzen.max_bytes:
        raise BestandFout(bron, f"het bestand is groter dan {grenzen.max_bytes // (1024 * 1024)} MB.")
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except zipfile.BadZipFile as fout:
        raise BestandFout(bron, "dit is geen leesbaar ZIP-bestand.") from fout
    with archief:
        _controleer_zip(bron, archief, grenzen)
        bladen: dict[str, Blad] = {}
        for lid in archief.infolist():
            pad = PurePosixPath(lid.filename)
            if lid.is_dir() or pad.name.startswith((".", "__")):
                continue
            if pad.suffix.lower() == ".xlsx":
                bladen.update(lees_xlsx(_lid_lezen(archief, lid, bron), f"{bron}/{pad.name}", grenzen))
            elif pad.suffix.lower() == ".csv" and pad.stem.lower() in BESTANDEN:
                if lid.file_size > grenzen.max_bytes:
                    raise BestandFout(f"{bron}/{pad.name}", "het bestand is te groot.")
                inhoud_lid = _lid_lezen(archief, lid, bron)
                bladen[pad.stem.lower()] = lees_csv(pad.stem.lower(), inhoud_lid, pad.name, grenzen)
    if not bladen:
        raise BestandFout(bron, "geen importbestanden gevonden (" + ", ".join(f"{b}.csv" for b in BESTANDEN) + ").")
    return bladen


def _lid_lezen(archief: zipfile.ZipFile, lid: zipfile.ZipInfo, bron: str) -> bytes:
    """One member of a ZIP; a damaged (CRC, deflate), encrypted or otherwise unreadable member is a BestandFout."""
    try:
        return archief.read(lid)
    except Exception as fout:  # noqa: BLE001 - zlib.error, BadZipFile, RuntimeError (encrypted), NotImplementedError
        raise BestandFout(f"{bron}/{lid.filename}", "dit deel van het ZIP-bestand is beschadigd.") from fout


def lees_map(map_: Path, grenzen: Grenzen = Grenzen()) -> dict[str, Blad]:
    """A folder with the CSV files and/or one XLSX workbook."""
    map_ = Path(map_)
    if not map_.is_dir():
        raise BestandFout(str(map_), "deze map bestaat niet.")
    bladen: dict[str, Blad] = {}
    for pad in sorted(map_.iterdir()):
        if pad.suffix.lower() == ".xlsx" and not pad.name.startswith("~$"):
            bladen.update(lees_xlsx(_lees_bytes(pad, grenzen), pad.name, grenzen))
    for naam in BESTANDEN:
        pad = map_ / f"{naam}.csv"
        if pad.exists():
            bladen[naam] = lees_csv(naam, _lees_bytes(pad, grenzen), pad.name, grenzen)
    if not bladen:
        raise BestandFout(
            str(map_), "geen importbestanden gevonden (" + ", ".join(f"{b}.csv" for b in BESTANDEN) + ")."
        )
    return bladen


def lees_upload(naam: str, inhoud: bytes, grenzen: Grenzen = Grenzen()) -> dict[str, Blad]:
    """An uploaded file: a ZIP, an XLSX, or a single CSV named after its file."""
    achtervoegsel = PurePosixPath(naam).suffix.lower()
    if achtervoegsel == ".zip":
        return lees_zip(inhoud, naam, grenzen)
    if achtervoegsel == ".xlsx":
        return lees_xlsx(inhoud, naam, grenzen)
    stam = PurePosixPath(naam).stem.lower()
    if achtervoegsel == ".csv" and stam in BESTANDEN:
        return {stam: lees_csv(stam, inhoud, naam, grenzen)}
    raise BestandFout(
        naam, "upload een ZIP met de CSV-bestanden, één Excel-bestand (.xlsx) of een van de CSV-bestanden."
    )


def _lees_bytes(pad: Path, grenzen: Grenzen) -> bytes:
    if pad.stat().st_size > grenzen.max_bytes:
        raise BestandFout(pad.name, f"het bestand is groter dan {grenzen.max_bytes // (1024 * 1024)} MB.")
    return pad.read_bytes()
