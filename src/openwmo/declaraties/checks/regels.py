"""Line checks of a WMO323 against allocations, tariffs and earlier lines: set-based, no I/O, O(lines).

`check_declaratie` first applies the XSLT-level rules (`technisch.py`, 0001 for the whole message),
then DeclaratieNummer uniqueness (9333), then every line. Credits are checked before debets so that a
credit and its replacing debet may travel in one message (IV086). Each line collects *all* codes that
apply, in the order of the checks below, except that an unlinked line (9338) gets only 9338.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from openwmo.core.periode import covered_by, day_count, month_count, month_start
from openwmo.core.periode import iso_week_count as _iso_week_count
from openwmo.core.periode import month_end as _month_end

from .feiten import DEBET, GOEDGEKEURD, Declaratie, EerderePrestatie, Prestatie, ToewijzingFeit
from .indexen import EerdereIndex, Sleutel, TariefIndex
from .technisch import technische_fouten
from .uitkomst import BUITEN_GESTARTE_ZORG, GEEN_STARTBERICHT, DeclaratieUitkomst, PrestatieUitkomst

UUR, MINUUT, EUROS = "04", "01", "83"
PER_DAG, PER_WEEK, PER_MAAND, TBGT = "1", "2", "4", "6"
HULP_BIJ_HET_HUISHOUDEN = "01"
HH_WEKEN_PER_MAAND = 6  # IV077: category 01 with a weekly allocation may claim 6 × the weekly volume
_CENT = Decimal("0.01")
# A claim repeats a handful of months and periods: remember the calendar arithmetic.
month_end = lru_cache(maxsize=4096)(_month_end)
iso_week_count = lru_cache(maxsize=4096)(_iso_week_count)
_ZESTIG = Decimal(60)



def _factor(toewijzing_eenheid: str, prestatie_eenheid: str) -> int:
    """Scale factor to compare a line's volume with the allocation's: hours are compared in minutes."""
    if toewijzing_eenheid == UUR:
        return 60 if prestatie_eenheid == UUR else (1 if prestatie_eenheid == MINUUT else 0)
    return 1 if prestatie_eenheid == toewijzing_eenheid else 0


def _per_regel_maximum(t: ToewijzingFeit, p: Prestatie, volume: int) -> int | None:
    """TR321: the most one ProductPeriode may hold for the allocation's frequency (None: no limit)."""
    f = t.frequentie
    if f == PER_MAAND:
        return volume  # IV078: a partial month may be claimed up to the full monthly volume
    if f == PER_WEEK:
        if t.productcategorie == HULP_BIJ_HET_HUISHOUDEN or p.productcategorie == HULP_BIJ_HET_HUISHOUDEN:
            return HH_WEKEN_PER_MAAND * volume
        return iso_week_count(p.begindatum, p.einddatum) * volume
    if f == PER_DAG:
        return day_count(p.begindatum, p.einddatum) * volume
    return None


def _toewijzing_maximum(t: ToewijzingFeit, volume: int) -> int | None:
    """TR322: the most the whole allocation may hold (None: open end, so no bound)."""
    f = t.frequentie
    if f == TBGT:
        return volume
    if t.einddatum is None:
        return None
    if f == PER_WEEK:
        return iso_week_count(t.ingangsdatum, t.einddatum) * volume
    if f == PER_MAAND:
        return month_count(t.ingangsdatum, t.einddatum) * volume
    if f == PER_DAG:
        return day_count(t.ingangsdatum, t.einddatum) * volume
    return None


def verwacht_bedrag(p: Prestatie, uurtarief: Decimal | None) -> Decimal:
    """TR346: GeleverdVolume × ProductTarief.

    Minutes on an hour tariff (IV081): round half-up(hour tariff × minutes / 60) to cents.
    """
    if uurtarief is not None:
        return (uurtarief * p.geleverd_volume / _ZESTIG).quantize(_CENT, rounding=ROUND_HALF_UP)
    return p.geleverd_volume * p.producttarief


class _Controle:
    """State of one declaration's check: the read-only indexes plus what this message changed."""

    def __init__(
        self,
        d: Declaratie,
        toewijzingen: Mapping[str, ToewijzingFeit],
        tarieven: TariefIndex,
        eerdere: EerdereIndex,
    ) -> None:
        self.agb = d.aanbieder_agb
        self.cbs = d.gemeente_cbs
        self.periode_einde = d.periode_einddatum
        self.toewijzingen = toewijzingen
        self.tarieven = tarieven
        self.eerdere = eerdere
        self.vrijgegeven: set[Sleutel] = set()  # TR389 keys whose open debet a credit here cancelled
        self.volume: dict[str, dict[str, int]] = {}
        self.bedrag: dict[str, Decimal] = {}

    def _tel(self, toewijzingsnummer: str, eenheid: str, volume: int, bedrag: Decimal) -> None:
        per_eenheid = self.volume.setdefault(toewijzingsnummer, {})
        per_eenheid[eenheid] = per_eenheid.get(eenheid, 0) + volume
        self.bedrag[toewijzingsnummer] = self.bedrag.get(toewijzingsnummer, Decimal("0.00")) + bedrag

    def _netto_volume(self, t: ToewijzingFeit) -> int:
        totaal = 0
        for bron in (self.eerdere.volume.get(t.toewijzingsnummer), self.volume.get(t.toewijzingsnummer)):
            if bron:
                for eenheid, v in bron.items():
                    totaal += v * _factor(t.eenheid, eenheid)
        return totaal

    def _netto_bedrag(self, toewijzingsnummer: str) -> Decimal:
        nul = Decimal("0.00")
        return self.eerdere.bedrag.get(toewijzingsnummer, nul) + self.bedrag.get(toewijzingsnummer, nul)

    def credit(self, p: Prestatie) -> PrestatieUitkomst:
        codes: list[str] = []
        eerdere = self.eerdere
        if (self.agb, p.referentienummer) in eerdere.per_referentie:
            codes.append("8021")
        vorig = (self.agb, p.vorige_referentienummer)
        debet = eerdere.per_referentie.get(vorig)
        if debet is None or debet.debet_credit != DEBET or debet.status != GOEDGEKEURD:
            codes.append("8017")
        elif vorig in eerdere.gecrediteerd:
            codes.append("9390")
        elif not _spiegelt(p, debet):
            codes.append("8017")  # documented choice: a credit must mirror its debet (IV091)
        if codes:
            return PrestatieUitkomst(p, tuple(codes))
        if eerdere.open_debet.get(debet.sleutel) == debet.referentienummer:
            self.vrijgegeven.add(debet.sleutel)
        self._tel(debet.toewijzingsnummer, debet.eenheid, -debet.volume, -debet.bedrag)
        return PrestatieUitkomst(p)

    def debet(self, p: Prestatie) -> PrestatieUitkomst:
        t = self.toewijzingen.get(p.toewijzingsnummer)
        if t is None or t.aanbieder_agb != self.agb or t.gemeente_cbs != self.cbs:
            return PrestatieUitkomst(p, ("9338",))
        codes: list[str] = []
        signalen: tuple[str, ...] = ()
        if p.bsn != t.bsn:
            codes.append("8187")
        if t.reden_wijziging == "13":
            codes.append("9384")
        if t.productcategorie is not None and p.productcategorie != t.productcategorie:
            codes.append("9339")
        if t.productcode is not None and p.productcode != t.productcode:
            codes.append("9340")
        eenheid_past = t.eenheid is None or p.eenheid == t.eenheid or (t.eenheid == UUR and p.eenheid == MINUUT)
        if not eenheid_past:
            codes.append("9341")

        begin, eind, t_eind = p.begindatum, p.einddatum, t.einddatum
        if begin < t.ingangsdatum:
            codes.append("9307")
        if t_eind is not None and eind > t_eind:
            codes.append("9308")
        if begin >= t.ingangsdatum and begin != max(month_start(begin), t.ingangsdatum):
            codes.append("9387")
        if t_eind is None or eind <= t_eind:
            verwacht_eind = month_end(eind) if t_eind is None else min(month_end(eind), t_eind)
            if eind != verwacht_eind:
                codes.append("9388")
        if eind > self.periode_einde:
            codes.append("9319")
        gestart = t.gestarte_zorg
        if not gestart:
            signalen = (GEEN_STARTBERICHT,)
        elif not covered_by(gestart, begin, eind):
            signalen = (BUITEN_GESTARTE_ZORG,)

        eerdere = self.eerdere
        if (self.agb, p.referentienummer) in eerdere.per_referentie:
            codes.append("8021")
        sleutel = p.sleutel
        if sleutel in eerdere.open_debet and sleutel not in self.vrijgegeven:
            codes.append("9389")

        if eenheid_past and t.volume is not None:
            schaal = 60 if t.eenheid == UUR else 1
            volume = p.geleverd_volume * _factor(t.eenheid, p.eenheid)
            per_regel = _per_regel_maximum(t, p, t.volume * schaal)
            if per_regel is not None and volume > per_regel:
                codes.append("9321")
            totaal = _toewijzing_maximum(t, t.volume * schaal)
            if totaal is not None and self._netto_volume(t) + volume > totaal:
                codes.append("9322")
        if t.budget is not None and self._netto_bedrag(t.toewijzingsnummer) + p.ingediend_bedrag > t.budget:
            codes.append("9369")

        if p.eenheid != EUROS:
            uurtarief = None
            tarief = self.tarieven.zoek(self.agb, p.productcode, begin)
            if tarief is None:
                codes.append("0611")
            elif tarief.eenheid == p.eenheid:
                if p.producttarief != tarief.bedrag:
                    codes.append("0611")
            elif tarief.eenheid == UUR and p.eenheid == MINUUT:
                uurtarief = tarief.bedrag
                if p.producttarief != (uurtarief / _ZESTIG).quantize(_CENT, rounding=ROUND_HALF_UP):
                    codes.append("0611")
            else:
                codes.append("0611")
            if p.ingediend_bedrag != verwacht_bedrag(p, uurtarief):
                codes.append("9346")

        if codes:
            return PrestatieUitkomst(p, tuple(codes), signalen)
        self._tel(t.toewijzingsnummer, p.eenheid, p.geleverd_volume, p.ingediend_bedrag)
        return PrestatieUitkomst(p, (), signalen)


def _spiegelt(credit: Prestatie, debet: EerderePrestatie) -> bool:
    return (
        credit.toewijzingsnummer == debet.toewijzingsnummer
        and credit.productcategorie == debet.productcategorie
        and credit.productcode == debet.productcode
        and credit.begindatum == debet.begindatum
        and credit.einddatum == debet.einddatum
        and credit.geleverd_volume == debet.volume
        and credit.ingediend_bedrag == debet.bedrag
    )


def check_declaratie(
    declaratie: Declaratie,
    toewijzingen: Mapping[str, ToewijzingFeit],
    tarieven: TariefIndex,
    eerdere: EerdereIndex,
    *,
    bekende_declaratienummers: Collection[str] = frozenset(),
) -> DeclaratieUitkomst:
    """Check one 323. Pure: reads the indexes, changes nothing, returns the outcome per line and header.

    `toewijzingen` maps ToewijzingNummer → allocation (of this municipality); `bekende_declaratienummers`
    are the DeclaratieNummers this provider used before (TR333 → 9333).
    """
    if not isinstance(declaratie, Declaratie):
        raise ValueError(f"check_declaratie: verwacht een Declaratie, gekregen {type(declaratie).__name__}")
    if not isinstance(tarieven, TariefIndex) or not isinstance(eerdere, EerdereIndex):
        raise ValueError("check_declaratie: tarieven moet een TariefIndex en eerdere een EerdereIndex zijn")
    prestaties = declaratie.prestaties
    fouten = technische_fouten(declaratie)
    if fouten:
        return DeclaratieUitkomst(
            declaratie,
            tuple(PrestatieUitkomst(p, ("0233",)) for p in prestaties),
            header_retourcodes=("0001",),
            technische_fouten=tuple(fouten),
        )
    if declaratie.declaratienummer in bekende_declaratienummers:
        return DeclaratieUitkomst(
            declaratie,
            tuple(PrestatieUitkomst(p, ("0233",)) for p in prestaties),
            declaratie_retourcodes=("9333",),
        )
    controle = _Controle(declaratie, toewijzingen, tarieven, eerdere)
    uitkomsten: list[PrestatieUitkomst | None] = [None] * len(prestaties)
    for i, p in enumerate(prestaties):
        if p.debet_credit != DEBET:
            uitkomsten[i] = controle.credit(p)
    for i, p in enumerate(prestaties):
        if p.debet_credit == DEBET:
            uitkomsten[i] = controle.debet(p)
    alles_goed = all(not u.retourcodes for u in uitkomsten)
    return DeclaratieUitkomst(
        declaratie,
        tuple(uitkomsten),
        declaratie_retourcodes=("8001",) if alles_goed else ("0200",),
    )
