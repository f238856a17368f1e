"""Results of the claim checks and the payment batch built from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from openwmo.catalogus.codelijsten import RETOURCODE

from .feiten import AFGEKEURD, CREDIT, DEBET, GOEDGEKEURD, Declaratie, EerderePrestatie, Prestatie

NUL = Decimal("0.00")

# Non-blocking signals on a line (stored as their code; the Dutch text is for the municipality's staff).
# Started care (WMO305/307) is *not* a rejection ground: OP364 forbids rejecting a prestatie on the start or
# stop dates of a regiebericht or on a missing start/stop message, and WJ001 has no retourcode for it.
GEEN_STARTBERICHT = "geen_start"
BUITEN_GESTARTE_ZORG = "buiten_start"
SIGNALEN = {
    GEEN_STARTBERICHT: (
        "Voor deze toewijzing is geen start van de ondersteuning (WMO305) ontvangen. Geen afwijzing: start- en "
        "stopberichten mogen geen voorwaarde zijn voor het goedkeuren van een declaratie (OP364)."
    ),
    BUITEN_GESTARTE_ZORG: (
        "Prestatieperiode valt (deels) buiten de gestarte zorg uit WMO305/307. Geen afwijzing: start- en "
        "stopberichten mogen geen voorwaarde zijn voor het goedkeuren van een declaratie (OP364)."
    ),
}


def signaal_meldingen(codes: Iterable[str]) -> tuple[str, ...]:
    """The Dutch text of each signal code (unknown codes as themselves)."""
    return tuple(SIGNALEN.get(c, c) for c in codes)


def meldingen(codes: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(code, Dutch meaning) pairs from WJ001, in the given order."""
    return tuple((c, RETOURCODE[c]) for c in codes)


@dataclass(frozen=True, slots=True)
class PrestatieUitkomst:
    """Outcome of one line: approved (no retourcodes) or rejected with its retourcodes.

    `signalen` are codes of non-blocking remarks for the municipality (`SIGNALEN`: no start message, or
    delivery outside the started care of 305/307, which the standard forbids as a rejection reason: OP364).
    """

    prestatie: Prestatie
    retourcodes: tuple[str, ...] = ()
    signalen: tuple[str, ...] = ()

    @property
    def goedgekeurd(self) -> bool:
        return not self.retourcodes

    @property
    def meldingen(self) -> tuple[tuple[str, str], ...]:
        return meldingen(self.retourcodes)

    @property
    def signaal_meldingen(self) -> tuple[str, ...]:
        return signaal_meldingen(self.signalen)

    @property
    def toegekend_bedrag(self) -> Decimal:
        """Signed approved amount: + for an approved debet, − for an approved credit, 0 if rejected."""
        return self.prestatie.bedrag_met_teken if not self.retourcodes else NUL


_nieuw = object.__new__
_zet_prestatie = PrestatieUitkomst.prestatie.__set__  # type: ignore[attr-defined]
_zet_retourcodes = PrestatieUitkomst.retourcodes.__set__  # type: ignore[attr-defined]
_zet_signalen = PrestatieUitkomst.signalen.__set__  # type: ignore[attr-defined]


def prestatie_uitkomst(
    prestatie: Prestatie, retourcodes: tuple[str, ...] = (), signalen: tuple[str, ...] = ()
) -> PrestatieUitkomst:
    """The same object as `PrestatieUitkomst(prestatie, retourcodes, signalen)`, built for the per-line hot
    path: the frozen dataclass's `__init__` sets each field through `object.__setattr__` (about half of
    its cost); the slot descriptors set them directly. There is no validation to skip."""
    u = _nieuw(PrestatieUitkomst)
    _zet_prestatie(u, prestatie)
    _zet_retourcodes(u, retourcodes)
    _zet_signalen(u, signalen)
    return u


@dataclass(frozen=True, slots=True)
class DeclaratieUitkomst:
    """Outcome of one 323, shaped after the 325 (IV087/IV088).

    - `header_retourcodes`: ("0001",) when the message breaks an XSLT-level rule; the message counts as
      not sent, every line gets 0233 and `technische_fouten` names the rules.
    - `declaratie_retourcodes`: ("8001",) fully approved, ("0200",) partly approved, ("9333",) when the
      DeclaratieNummer was used before (whole declaration not sent, lines 0233), () when technically
      rejected.
    """

    declaratie: Declaratie
    prestaties: tuple[PrestatieUitkomst, ...]
    header_retourcodes: tuple[str, ...] = ()
    declaratie_retourcodes: tuple[str, ...] = ()
    technische_fouten: tuple[str, ...] = ()

    @property
    def aanbieder_agb(self) -> str:
        return self.declaratie.aanbieder_agb

    @property
    def is_verwerkt(self) -> bool:
        """False when the whole message counts as not sent (0001 or 9333)."""
        return not self.header_retourcodes and "9333" not in self.declaratie_retourcodes

    @property
    def volledig_goedgekeurd(self) -> bool:
        return self.declaratie_retourcodes == ("8001",)

    @property
    def goedgekeurde(self) -> tuple[PrestatieUitkomst, ...]:
        return tuple(u for u in self.prestaties if u.goedgekeurd)

    @property
    def afgekeurde(self) -> tuple[PrestatieUitkomst, ...]:
        """The lines a 325 reports (TR342: only rejected prestaties)."""
        return tuple(u for u in self.prestaties if not u.goedgekeurd)

    @property
    def totaal_ingediend(self) -> Decimal:
        return self.declaratie.totaal_met_teken

    @property
    def totaal_toegekend(self) -> Decimal:
        """Signed TotaalToegekendBedrag: Σ approved debet − Σ approved credit."""
        return sum((u.toegekend_bedrag for u in self.prestaties), NUL)

    def als_eerdere(self) -> tuple[EerderePrestatie, ...]:
        """The lines of this declaration as `EerderePrestatie`, to add to the index of later checks.

        Nothing when the message counts as not sent (its reference numbers are then not "used"); a line
        rejected with 8021 is left out too, because its ReferentieNummer belongs to the earlier line.
        """
        if not self.is_verwerkt:
            return ()
        agb = self.declaratie.aanbieder_agb
        return tuple(
            EerderePrestatie(
                referentienummer=p.referentienummer,
                toewijzingsnummer=p.toewijzingsnummer,
                productcode=p.productcode,
                begindatum=p.begindatum,
                einddatum=p.einddatum,
                volume=p.geleverd_volume,
                bedrag=p.ingediend_bedrag,
                debet_credit=p.debet_credit,
                status=GOEDGEKEURD if u.goedgekeurd else AFGEKEURD,
                aanbieder_agb=agb,
                productcategorie=p.productcategorie,
                eenheid=p.eenheid,
                vorige_referentienummer=p.vorige_referentienummer,
            )
            for u in self.prestaties
            if "8021" not in u.retourcodes
            for p in (u.prestatie,)
        )


@dataclass(frozen=True, slots=True)
class Betaalpost:
    """What to pay one provider: approved lines, Σ debet, Σ credit and the net amount (exact Decimals)."""

    aanbieder_agb: str
    aantal_regels: int
    debet: Decimal
    credit: Decimal

    @property
    def bedrag(self) -> Decimal:
        return self.debet - self.credit


def betaalbatch(uitkomsten: Iterable[DeclaratieUitkomst]) -> dict[str, Betaalpost]:
    """Sum the approved lines per provider (AGB), sorted by AGB.

    Rejected lines and messages that count as not sent (0001, 9333) add nothing.
    """
    tellers: dict[str, list] = {}
    for uitkomst in uitkomsten:
        if not uitkomst.is_verwerkt:
            continue
        t = tellers.setdefault(uitkomst.aanbieder_agb, [0, NUL, NUL])
        for u in uitkomst.prestaties:
            if u.retourcodes:
                continue
            p = u.prestatie
            t[0] += 1
            if p.debet_credit == DEBET:
                t[1] += p.ingediend_bedrag
            elif p.debet_credit == CREDIT:
                t[2] += p.ingediend_bedrag
    return {
        agb: Betaalpost(aanbieder_agb=agb, aantal_regels=n, debet=d, credit=c)
        for agb, (n, d, c) in sorted(tellers.items())
    }
