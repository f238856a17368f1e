"""Line checks of a WMO323 against allocations, tariffs and earlier lines: set-based, no I/O, O(lines).

`check_declaratie` first applies the XSLT-level rules (`technisch.py`, 0001 for the whole message),
then DeclaratieNummer uniqueness (9333), then every line. Credits are checked before debets so that a
credit and its replacing debet may travel in one message (IV086). Each line collects *all* codes that
apply, in the order of the checks below, except that an unlinked line (9338) gets only 9338.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from operator import attrgetter

from openwmo.core.periode import covered_by, day_count, month_count
from openwmo.core.periode import iso_week_count as _iso_week_count
from openwmo.core.periode import month_end as _month_end

from .feiten import DEBET, GOEDGEKEURD, Declaratie, EerderePrestatie, Prestatie, TariefFeit, ToewijzingFeit
from .indexen import EerdereIndex, Sleutel, TariefIndex
from .technisch import technische_fouten
from .uitkomst import (
    BUITEN_GESTARTE_ZORG,
    GEEN_STARTBERICHT,
    DeclaratieUitkomst,
    PrestatieUitkomst,
    prestatie_uitkomst,
)

UUR, MINUUT, EUROS = "04", "01", "83"
PER_DAG, PER_WEEK, PER_MAAND, TBGT = "1", "2", "4", "6"
HULP_BIJ_HET_HUISHOUDEN = "01"
HH_WEKEN_PER_MAAND = 6  # IV077: category 01 with a weekly allocation may claim 6 × the weekly volume
_CENT = Decimal("0.01")
# A claim repeats a handful of months and periods: remember the calendar arithmetic.
month_end = lru_cache(maxsize=4096)(_month_end)
iso_week_count = lru_cache(maxsize=4096)(_iso_week_count)
_ZESTIG = Decimal(60)
_NUL = Decimal("0.00")
_ONBEKEND = object()  # not yet looked up (a lookup may answer None)
_ONGEKOPPELD = ("9338",)
_NIET_VERSTUURD = ("0233",)
_GEEN_START = (GEEN_STARTBERICHT,)
_BUITEN_START = (BUITEN_GESTARTE_ZORG,)
_RETOURCODES = attrgetter("retourcodes")
_DEBET_CREDIT = attrgetter("debet_credit")


@lru_cache(maxsize=256)
def _minuuttarief(uurtarief: Decimal) -> Decimal:
    """IV081: the ProductTarief of a minute on an hour tariff, rounded half-up to cents."""
    return (uurtarief / _ZESTIG).quantize(_CENT, rounding=ROUND_HALF_UP)


def _factor(toewijzing_eenheid: str, prestatie_eenheid: str) -> int:
    """Scale factor to compare a line's volume with the allocation's: hours are compared in minutes."""
    if toewijzing_eenheid == UUR:
        return 60 if prestatie_eenheid == UUR else (1 if prestatie_eenheid == MINUUT else 0)
    return 1 if prestatie_eenheid == toewijzing_eenheid else 0


def _perioden_per_regel(
    frequentie: str | None, t_categorie: str | None, p_categorie: str, begin: date, eind: date
) -> int | None:
    """TR321: how many times the allocation's volume one ProductPeriode may hold (None: no limit).

    Per month once (IV078: a partial month may be claimed up to the full monthly volume); per week the
    ISO weeks the period touches, or 6 when the allocation or line is category 01 (IV077); per day its
    days.
    """
    if frequentie == PER_MAAND:
        return 1
    if frequentie == PER_WEEK:
        if t_categorie == HULP_BIJ_HET_HUISHOUDEN or p_categorie == HULP_BIJ_HET_HUISHOUDEN:
            return HH_WEKEN_PER_MAAND
        return iso_week_count(begin, eind)
    if frequentie == PER_DAG:
        return day_count(begin, eind)
    return None


@lru_cache(maxsize=4096)
def _perioden_in_toewijzing(frequentie: str | None, ingang: date, einde: date | None) -> int | None:
    """TR322: how many times its volume the whole allocation may hold (None: open end, so no bound)."""
    if frequentie == TBGT:
        return 1
    if einde is None:
        return None
    if frequentie == PER_WEEK:
        return iso_week_count(ingang, einde)
    if frequentie == PER_MAAND:
        return month_count(ingang, einde)
    if frequentie == PER_DAG:
        return day_count(ingang, einde)
    return None


def verwacht_bedrag(p: Prestatie, uurtarief: Decimal | None) -> Decimal:
    """TR346: GeleverdVolume × ProductTarief.

    Minutes on an hour tariff (IV081): round half-up(hour tariff × minutes / 60) to cents.
    """
    if uurtarief is None:
        return p.geleverd_volume * p.producttarief
    return (uurtarief * p.geleverd_volume / _ZESTIG).quantize(_CENT, rounding=ROUND_HALF_UP)


class _Controle:
    """State of one declaration's check: the read-only indexes plus what this message changed.

    Per line it does only what the line needs: the calendar arithmetic is cached per distinct date,
    tariffs per distinct (product, date), and the message's own approved volume and amount are only
    summed for allocations that have a volume (TR322) or a budget (TR369), already on the allocation's
    scale (minutes for an hour allocation).
    """

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
        self.eigen_eerdere = eerdere.per_aanbieder.get(self.agb, {})  # earlier lines by ReferentieNummer
        self.vrijgegeven: set[Sleutel] = set()  # TR389 keys whose open debet a credit here cancelled
        self.volume: dict[str, int] = {}  # ToewijzingNummer → approved volume here, on the allocation's scale
        self.bedrag: dict[str, Decimal] = {}  # ToewijzingNummer → approved amount here (budget allocations)
        self.tarief_per_product: dict[str, dict[date, TariefFeit | None]] = {}

    def _netto_bedrag(self, toewijzingsnummer: str) -> Decimal:
        nul = Decimal("0.00")
        return self.eerdere.bedrag.get(toewijzingsnummer, nul) + self.bedrag.get(toewijzingsnummer, nul)

    def _tarief(self, productcode: str, op: date) -> TariefFeit | None:
        per_dag = self.tarief_per_product.get(productcode)
        if per_dag is None:
            per_dag = self.tarief_per_product[productcode] = {}
        tarief = per_dag.get(op, _ONBEKEND)
        if tarief is _ONBEKEND:
            tarief = per_dag[op] = self.tarieven.zoek(self.agb, productcode, op)
        return tarief

    def credit(self, p: Prestatie) -> PrestatieUitkomst:
        """A credit line: reference unused (8021), cancels a known approved debet (8017), once (9390)."""
        codes: list[str] = []
        eigen = self.eigen_eerdere
        if p.referentienummer in eigen:
            codes.append("8021")
        vorig = p.vorige_referentienummer
        debet = eigen.get(vorig)
        if debet is None or debet.debet_credit != DEBET or debet.status != GOEDGEKEURD:
            codes.append("8017")
        elif (self.agb, vorig) in self.eerdere.gecrediteerd:
            codes.append("9390")
        elif not _spiegelt(p, debet):
            codes.append("8017")  # documented choice: a credit must mirror its debet (IV091)
        if codes:
            return prestatie_uitkomst(p, tuple(codes))
        if self.eerdere.open_debet.get(debet.sleutel) == debet.referentienummer:
            self.vrijgegeven.add(debet.sleutel)
        tnr = debet.toewijzingsnummer
        t = self.toewijzingen.get(tnr)
        if t is not None:  # without an allocation no debet of this number reads the sums
            if t.volume is not None:
                self.volume[tnr] = self.volume.get(tnr, 0) - debet.volume * _factor(t.eenheid, debet.eenheid)
            if t.budget is not None:
                self.bedrag[tnr] = self.bedrag.get(tnr, _NUL) - debet.bedrag
        return prestatie_uitkomst(p)

    def debet(self, p: Prestatie) -> PrestatieUitkomst:
        """A debet line against its allocation, the earlier lines and the contract tariff."""
        tnr = p.toewijzingsnummer
        t = self.toewijzingen.get(tnr)
        if t is None or t.aanbieder_agb != self.agb or t.gemeente_cbs != self.cbs:
            return prestatie_uitkomst(p, _ONGEKOPPELD)
        codes: list[str] = []
        # The allocation: its client (8187), withdrawn (9384), category (9339), product (9340), unit (9341).
        if p.bsn != t.bsn:
            codes.append("8187")
        if t.reden_wijziging == "13":
            codes.append("9384")
        if t.productcategorie is not None and p.productcategorie != t.productcategorie:
            codes.append("9339")
        if t.productcode is not None and p.productcode != t.productcode:
            codes.append("9340")
        t_eenheid, eenheid = t.eenheid, p.eenheid
        eenheid_past = t_eenheid is None or eenheid == t_eenheid or (t_eenheid == UUR and eenheid == MINUUT)
        if not eenheid_past:
            codes.append("9341")

        # The ProductPeriode: before (9307) or after (9308) the allocation, not from the first day of the
        # month or allocation (9387), not to the last day of the month or allocation (9388), after the
        # DeclaratiePeriode (9319).
        begin, eind, ingang, t_eind = p.begindatum, p.einddatum, t.ingangsdatum, t.einddatum
        if begin < ingang:
            codes.append("9307")
        na_einde = t_eind is not None and eind > t_eind
        if na_einde:
            codes.append("9308")
        if begin > ingang and begin.day != 1:  # begin != max(month_start(begin), ingang)
            codes.append("9387")
        if not na_einde and eind != t_eind:
            verwacht_eind = month_end(eind)
            if t_eind is not None and t_eind < verwacht_eind:
                verwacht_eind = t_eind
            if eind != verwacht_eind:
                codes.append("9388")
        if eind > self.periode_einde:
            codes.append("9319")
        gestart = t.gestarte_zorg
        if len(gestart) == 1:  # the usual case, without a call: covered_by for one period
            ((start, einde),) = gestart
            signalen = () if start <= begin and (einde is None or einde >= eind) else _BUITEN_START
        else:
            signalen = _gestart_signalen(gestart, begin, eind)

        # Earlier lines: ReferentieNummer used before (8021), an open debet for the same key (9389).
        if p.referentienummer in self.eigen_eerdere:
            codes.append("8021")
        open_begindata = self.eerdere.open_begindata.get(tnr)
        if open_begindata is not None and begin in open_begindata:
            sleutel = p.sleutel
            if sleutel in self.eerdere.open_debet and sleutel not in self.vrijgegeven:
                codes.append("9389")

        # The allocation's size: per line (9321), over its whole period (9322), its budget (9369).
        nummer = t.toewijzingsnummer  # the sums are kept by the allocation's own number
        volume = 0
        t_volume = t.volume
        if eenheid_past and t_volume is not None:
            if t_eenheid == UUR:  # hours are compared in minutes
                maximum = 60 * t_volume
                volume = p.geleverd_volume * 60 if eenheid == UUR else p.geleverd_volume
            else:
                maximum = t_volume
                volume = p.geleverd_volume
            frequentie = t.frequentie
            if frequentie == PER_MAAND:  # TR321, IV078: a partial month up to the full monthly volume
                if volume > maximum:
                    codes.append("9321")
            else:
                perioden = _perioden_per_regel(frequentie, t.productcategorie, p.productcategorie, begin, eind)
                if perioden is not None and volume > perioden * maximum:
                    codes.append("9321")
            perioden = _perioden_in_toewijzing(frequentie, ingang, t_eind)
            if perioden is not None:
                netto = self.volume.get(nummer, 0)
                eerder = self.eerdere.volume.get(nummer)
                if eerder:
                    for eerdere_eenheid, v in eerder.items():
                        netto += v * _factor(t_eenheid, eerdere_eenheid)
                if netto + volume > perioden * maximum:
                    codes.append("9322")
        budget = t.budget
        if budget is not None and self._netto_bedrag(nummer) + p.ingediend_bedrag > budget:
            codes.append("9369")

        # The contract tariff (0611) and the amount (9346).
        if eenheid != EUROS:
            uurtarief = None
            per_dag = self.tarief_per_product.get(p.productcode)
            tarief = _ONBEKEND if per_dag is None else per_dag.get(begin, _ONBEKEND)
            if tarief is _ONBEKEND:
                tarief = self._tarief(p.productcode, begin)
            if tarief is None:
                codes.append("0611")
            elif tarief.eenheid == eenheid:
                if p.producttarief != tarief.bedrag:
                    codes.append("0611")
            elif tarief.eenheid == UUR and eenheid == MINUUT:
                uurtarief = tarief.bedrag
                if p.producttarief != _minuuttarief(uurtarief):
                    codes.append("0611")
            else:
                codes.append("0611")
            verwacht = p.geleverd_volume * p.producttarief if uurtarief is None else verwacht_bedrag(p, uurtarief)
            if p.ingediend_bedrag != verwacht:  # TR346
                codes.append("9346")

        if codes:
            return prestatie_uitkomst(p, tuple(codes), signalen)
        if t_volume is not None:
            volumes = self.volume
            volumes[nummer] = volumes.get(nummer, 0) + volume
        if budget is not None:
            self.bedrag[nummer] = self.bedrag.get(nummer, _NUL) + p.ingediend_bedrag
        return prestatie_uitkomst(p, (), signalen)


def _gestart_signalen(gestart: tuple[tuple[date, date | None], ...], begin: date, eind: date) -> tuple[str, ...]:
    """Started care (305/307) is only a signal, never a rejection (OP364)."""
    if not gestart:
        return _GEEN_START
    return () if covered_by(gestart, begin, eind) else _BUITEN_START


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
            tuple(prestatie_uitkomst(p, _NIET_VERSTUURD) for p in prestaties),
            header_retourcodes=("0001",),
            technische_fouten=tuple(fouten),
        )
    if declaratie.declaratienummer in bekende_declaratienummers:
        return DeclaratieUitkomst(
            declaratie,
            tuple(prestatie_uitkomst(p, _NIET_VERSTUURD) for p in prestaties),
            declaratie_retourcodes=("9333",),
        )
    controle = _Controle(declaratie, toewijzingen, tarieven, eerdere)
    if list(map(_DEBET_CREDIT, prestaties)).count(DEBET) == len(prestaties):  # only debets
        uitkomsten = tuple(map(controle.debet, prestaties))
    else:
        lijst: list[PrestatieUitkomst | None] = [None] * len(prestaties)
        for i, p in enumerate(prestaties):
            if p.debet_credit != DEBET:
                lijst[i] = controle.credit(p)
        for i, p in enumerate(prestaties):
            if p.debet_credit == DEBET:
                lijst[i] = controle.debet(p)
        uitkomsten = tuple(lijst)
    alles_goed = not any(map(_RETOURCODES, uitkomsten))
    return DeclaratieUitkomst(
        declaratie,
        uitkomsten,
        declaratie_retourcodes=("8001",) if alles_goed else ("0200",),
    )
