"""XSLT-level rules of the WMO323: checkable inside the message alone.

The standard (IV032, OP286) rejects the whole message on any of these with retourcode 0001 in the
header; the message then counts as not sent. Each violation is described as "RULE: detail" so that the
provider (and the log) can see what went wrong.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from operator import attrgetter

from openwmo.core.bsn import elfproef
from openwmo.core.periode import is_calendar_month

from .feiten import CREDIT, DEBET, Declaratie

CS100_VANAF = date(2021, 1, 1)
EUROS = "83"
_HONDERD = Decimal(100)
_NUL = Decimal("0.00")
_REFERENTIE = attrgetter("referentienummer")
_BSN = attrgetter("bsn")
_BEGIN = attrgetter("begindatum")
_EIND = attrgetter("einddatum")
_EENHEID = attrgetter("eenheid")
_TARIEF = attrgetter("producttarief")
_DEBET_CREDIT = attrgetter("debet_credit")
_VORIGE = attrgetter("vorige_referentienummer")
_BEDRAG = attrgetter("ingediend_bedrag")
_TOEWIJZING = attrgetter("toewijzingsnummer")
_GEEN = type(None)
_SLEUTEL = attrgetter("toewijzingsnummer", "productcategorie", "productcode", "begindatum", "einddatum")


def _zeker_foutloos(d: Declaratie) -> bool:
    """Bulk pre-check over columns and distinct values: True only if `technische_fouten` finds nothing.

    False means "look line by line": the scan in `technische_fouten` then names every violation in
    message order. So this may be stricter than the rules (a credit whose VorigReferentieNummer is any
    ReferentieNummer of the message sends the message to the scan), never more lenient.
    """
    ps = d.prestaties
    if (
        not ps
        or d.periode_begindatum < CS100_VANAF
        or not is_calendar_month(d.periode_begindatum, d.periode_einddatum)
        or (d.totaal_ingediend_bedrag == 0 and d.totaal_debet_credit != DEBET)
    ):
        return False
    aantal = len(ps)
    referenties = set(map(_REFERENTIE, ps))
    if len(referenties) != aantal:  # TR101
        return False
    if not all(map(elfproef, set(map(_BSN, ps)))):  # CS002, once per distinct BSN
        return False
    for begin, eind in set(zip(map(_BEGIN, ps), map(_EIND, ps))):  # noqa: B905 (CS337, CS100)
        if begin < CS100_VANAF or begin.month != eind.month or begin.year != eind.year:
            return False
    if EUROS in map(_EENHEID, ps):  # CD087, CS339
        for p in ps:
            if p.eenheid == EUROS:
                if p.producttarief is not None or p.ingediend_bedrag * _HONDERD != p.geleverd_volume:
                    return False
            elif p.producttarief is None:
                return False
    elif _GEEN in set(map(type, map(_TARIEF, ps))):  # CD087 (by type: None == Decimal is slow to say no)
        return False
    soorten = list(map(_DEBET_CREDIT, ps))
    if soorten.count(DEBET) == aantal:
        debets, credits = ps, ()
    elif soorten.count(DEBET) + soorten.count(CREDIT) != aantal:
        return False  # neither D nor C (the facts forbid it): the scan decides as it always did
    else:
        debets = [p for p in ps if p.debet_credit == DEBET]
        credits = [p for p in ps if p.debet_credit != DEBET]
    if list(map(_VORIGE, debets)).count(None) != len(debets):  # CD060
        return False
    if len(set(map(_TOEWIJZING, debets))) != len(debets) and len(set(map(_SLEUTEL, debets))) != len(debets):
        return False  # TR416 (allocations that differ make the keys differ)
    som = sum(map(_BEDRAG, debets), _NUL)
    if credits:
        vorige = set(map(_VORIGE, credits))
        if None in vorige or len(vorige) != len(credits) or not referenties.isdisjoint(vorige):
            return False  # CD060, TR315, TR316
        bedragen = list(map(_BEDRAG, credits))
        if any(b == 0 for b in bedragen):  # CS325
            return False
        som -= sum(bedragen, _NUL)
    return som == d.totaal_met_teken  # TR358


def technische_fouten(d: Declaratie) -> list[str]:
    """All XSLT-level violations in the message (empty list: the message may be checked line by line)."""
    if _zeker_foutloos(d):
        return []
    fouten: list[str] = []
    if not is_calendar_month(d.periode_begindatum, d.periode_einddatum):
        fouten.append("CS340: DeclaratiePeriode is niet precies één kalendermaand")
    if d.periode_begindatum < CS100_VANAF:
        fouten.append("CS100: DeclaratiePeriode ligt voor 1-1-2021")
    if d.totaal_ingediend_bedrag == 0 and d.totaal_debet_credit != DEBET:
        fouten.append("CS325: TotaalIngediendBedrag 0 moet debet zijn")
    if not d.prestaties:
        fouten.append("XSD: een declaratie bevat minstens één prestatie")

    referenties: set[str] = set()
    vorige: set[str] = set()
    debet_sleutels: set[tuple] = set()
    debet_refs: set[str] = set()
    credit_vorige: list[tuple[str, str]] = []
    elfproef_ok: dict[str, bool] = {}
    som = Decimal("0.00")
    for p in d.prestaties:
        ref = p.referentienummer
        som += p.bedrag_met_teken
        if ref in referenties:
            fouten.append(f"TR101: ReferentieNummer {ref} komt meer dan eens voor in het bericht")
        referenties.add(ref)
        ok = elfproef_ok.get(p.bsn)
        if ok is None:
            ok = elfproef_ok[p.bsn] = elfproef(p.bsn)
        if not ok:
            fouten.append(f"CS002: Bsn van prestatie {ref} voldoet niet aan de elfproef")
        begin, eind = p.begindatum, p.einddatum
        if begin.month != eind.month or begin.year != eind.year:
            fouten.append(f"CS337: ProductPeriode van prestatie {ref} ligt niet in één kalendermaand")
        if p.begindatum < CS100_VANAF:
            fouten.append(f"CS100: ProductPeriode van prestatie {ref} ligt voor 1-1-2021")
        if p.ingediend_bedrag == 0 and p.debet_credit != DEBET:
            fouten.append(f"CS325: IngediendBedrag 0 van prestatie {ref} moet debet zijn")
        if p.eenheid == "83":
            if p.producttarief is not None:
                fouten.append(f"CD087: ProductTarief van prestatie {ref} moet leeg zijn bij eenheid 83")
            if p.ingediend_bedrag * _HONDERD != p.geleverd_volume:
                fouten.append(
                    f"CS339: IngediendBedrag van prestatie {ref} is niet gelijk aan GeleverdVolume "
                    f"(eurocenten) bij eenheid 83"
                )
        elif p.producttarief is None:
            fouten.append(f"CD087: ProductTarief van prestatie {ref} is verplicht bij eenheid {p.eenheid}")
        if p.debet_credit == CREDIT:
            if p.vorige_referentienummer is None:
                fouten.append(f"CD060: VorigReferentieNummer van creditprestatie {ref} is verplicht")
            else:
                if p.vorige_referentienummer in vorige:
                    fouten.append(
                        f"TR315: VorigReferentieNummer {p.vorige_referentienummer} komt meer dan "
                        f"eens voor in het bericht"
                    )
                vorige.add(p.vorige_referentienummer)
                credit_vorige.append((ref, p.vorige_referentienummer))
        else:
            if p.vorige_referentienummer is not None:
                fouten.append(f"CD060: VorigReferentieNummer van debetprestatie {ref} moet leeg zijn")
            sleutel = p.sleutel
            if sleutel in debet_sleutels:
                fouten.append(
                    f"TR416: meer dan één debetprestatie voor dezelfde ProductPeriode, categorie, "
                    f"code en ToewijzingNummer (prestatie {ref})"
                )
            debet_sleutels.add(sleutel)
            debet_refs.add(ref)
    for ref, vorig in credit_vorige:
        if vorig in debet_refs:
            fouten.append(f"TR316: creditprestatie {ref} crediteert debetprestatie {vorig} uit hetzelfde bericht")
    if som != d.totaal_met_teken:
        fouten.append(
            f"TR358: TotaalIngediendBedrag ({d.totaal_met_teken}) is niet gelijk aan debet min "
            f"credit van de prestaties ({som})"
        )
    return fouten
