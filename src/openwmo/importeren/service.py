"""Importing rows with the same services as live input, one transaction per file.

`importeer(bladen, opties, user)` processes clienten → beschikkingen → toewijzingen → declaraties. Each row
goes through the domain service (client_create/client_update, beschikking_create, toewijzing_create,
toewijzing_beeindigen) inside a savepoint, so one bad row never half-writes. A file with errors is rolled
back as a whole unless `partial`; a dry run rolls everything back and reports what would happen.
Re-running the same import changes nothing: rows are matched on their natural key (BSN,
beschikkingsnummer, toewijzingsnummer) and identical rows are left alone.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from . import declaraties, verwerkers
from .bestanden import BESTANDEN, Blad
from .rijen import PARSERS, Fout, RijFouten


@dataclass(frozen=True)
class ImportOpties:
    gemeente: str | None = None  # CBS code: fills an empty gemeente column, refuses rows of other municipalities
    dry_run: bool = False
    partial: bool = False  # write the valid rows of a file that has errors
    historisch: bool = False  # skip only the contract/tariff check of toewijzingen
    aanbieders_aanmaken: bool = False  # create unknown providers (AGB code) instead of refusing the row
    producten_aanmaken: bool = False  # create unknown products instead of refusing the row


@dataclass
class BestandResultaat:
    naam: str
    bron: str
    rijen: int = 0
    aangemaakt: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    gecontroleerd: int = 0
    fouten: list[Fout] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    opgeslagen: bool = False

    @property
    def rijen_met_fouten(self) -> int:
        return len({f.rij for f in self.fouten})


@dataclass
class ImportResultaat:
    dry_run: bool
    bestanden: list[BestandResultaat] = field(default_factory=list)
    algemene_fouten: list[Fout] = field(default_factory=list)

    @property
    def fouten(self) -> list[Fout]:
        return self.algemene_fouten + [f for b in self.bestanden for f in b.fouten]

    @property
    def geslaagd(self) -> bool:
        return not self.fouten

    def samenvatting(self) -> str:
        regels = ["Proefimport: er is niets opgeslagen." if self.dry_run else "Import uitgevoerd."]
        for b in self.bestanden:
            tellingen = f"{b.aangemaakt} nieuw, {b.bijgewerkt} bijgewerkt, {b.ongewijzigd} ongewijzigd"
            if self.dry_run:
                status = "zou worden opgeslagen" if not b.fouten else "heeft fouten"
            else:
                status = "opgeslagen" if b.opgeslagen else "NIET opgeslagen"
            regels.append(f"{b.bron}: {b.rijen} rijen; {tellingen}; {b.rijen_met_fouten} rijen met fouten — {status}.")
            regels += [f"  {m}" for m in b.meldingen]
        for fout in self.fouten:
            plek = f"rij {fout.rij}" if fout.rij else "bestand"
            kolom = f", kolom {fout.kolom}" if fout.kolom else ""
            regels.append(f"FOUT {fout.bestand} {plek}{kolom}: {fout.melding}")
        return "\n".join(regels)


class _Terugdraaien(Exception):
    pass


def _fouten_uit(exc: Exception, naam: str) -> list[tuple[str, str]]:
    if isinstance(exc, RijFouten):
        return exc.fouten
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return [
                (verwerkers.kolom_voor(naam, veld), melding)
                for veld, meldingen in exc.message_dict.items()
                for melding in meldingen
            ]
        return [("", melding) for melding in exc.messages]
    return [("gemeente", str(exc))]  # PermissionDenied: the user does not work for that municipality


def _claims_verwerken(context, blad: Blad, uitkomst: BestandResultaat) -> None:
    afronding = declaraties.afronden(context)
    uitkomst.gecontroleerd -= afronding.aangemaakt + afronding.ongewijzigd
    uitkomst.aangemaakt += afronding.aangemaakt
    uitkomst.ongewijzigd += afronding.ongewijzigd
    uitkomst.fouten += [Fout(blad.bron, rij, kolom, melding) for rij, kolom, melding in afronding.fouten]
    uitkomst.meldingen += afronding.meldingen


def importeer(
    bladen: dict[str, Blad],
    opties: ImportOpties = ImportOpties(),
    user=None,
    voortgang: Callable[[int], None] | None = None,
) -> ImportResultaat:
    """Import the files; `user` None is the command line (a system process acting for all municipalities)."""
    resultaat = ImportResultaat(dry_run=opties.dry_run)
    context = verwerkers.Context(opties=opties, user=user)
    with transaction.atomic():
        for naam in BESTANDEN:
            if naam not in bladen:
                continue
            blad = bladen[naam]
            uitkomst = BestandResultaat(naam=naam, bron=blad.bron, rijen=len(blad.rijen))
            resultaat.bestanden.append(uitkomst)
            verwerk = verwerkers.VERWERKERS[naam]
            try:
                with transaction.atomic():
                    for rij in blad.rijen:
                        try:
                            with transaction.atomic():
                                gedaan = verwerk(context, PARSERS[naam](rij), set(blad.kolommen))
                        except (RijFouten, ValidationError, PermissionDenied) as exc:
                            uitkomst.fouten += [
                                Fout(blad.bron, rij.nummer, kolom, melding) for kolom, melding in _fouten_uit(exc, naam)
                            ]
                        else:
                            setattr(uitkomst, gedaan, getattr(uitkomst, gedaan) + 1)
                        if voortgang:
                            voortgang(1)
                    if naam == "declaraties":  # the rows are lines; each claim goes through the claims service
                        _claims_verwerken(context, blad, uitkomst)
                    if uitkomst.fouten and not opties.partial:
                        raise _Terugdraaien
            except _Terugdraaien:
                uitkomst.meldingen.append(
                    "Niets van dit bestand is opgeslagen omdat het fouten bevat (kies 'Goede rijen opslaan', "
                    "of --partial, om de goede rijen wel op te slaan)."
                )
            else:
                uitkomst.opgeslagen = not opties.dry_run
                if opties.partial and uitkomst.fouten and uitkomst.opgeslagen:
                    uitkomst.meldingen.append("Alleen de rijen zonder fouten zijn opgeslagen (--partial).")
        if opties.dry_run:
            transaction.set_rollback(True)
    return resultaat
