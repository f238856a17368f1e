"""Deterministic generator of a large claim batch (March 2024) with a known set of bad lines.

Used by the 100,000-line test and by `benchmarks/claim_checks.py`. Every allocation belongs to one
client and one provider; line kinds:

- A: hours per week (02A01, € 62.50/h), up to 5 ISO weeks × weekly volume in March 2024;
- B: minutes on an hour allocation (IV081 amount, ProductTarief € 1.04);
- C: dagdelen per month (07A02, € 41.37);
- D: hours "totaal binnen geldigheidsduur" (02A03, € 70.00) with an approved February line;
- E: correction of an approved February line: a credit plus a new debet (two lines).

Bad lines are only made from kind A, each with exactly one defect; `fouten` maps their reference
to the one retourcode expected. Expected payments are summed here from the generated amounts, not
from the checker.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from openwmo.declaraties.checks import (
    CREDIT,
    DEBET,
    Declaratie,
    EerderePrestatie,
    Prestatie,
    TariefFeit,
    ToewijzingFeit,
)
from tests.declaraties.declaratie_maker import eerdere

CBS = "0603"
START, EINDE = date(2024, 1, 1), date(2024, 12, 31)
MAART = (date(2024, 3, 1), date(2024, 3, 31))
FEBRUARI = (date(2024, 2, 1), date(2024, 2, 29))
MAART_WEKEN = 5
PRODUCT = {  # kind: (categorie, code, eenheid, frequentie, tarief)
    "A": ("02", "02A01", "04", "2", Decimal("62.50")),
    "C": ("07", "07A02", "16", "4", Decimal("41.37")),
    "D": ("02", "02A03", "04", "6", Decimal("70.00")),
}
FOUTCODES = ("0611", "9321", "9338", "8187", "9346", "8021")
_CENT = Decimal("0.01")
_MINUUTTARIEF = (Decimal("62.50") / 60).quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass
class Batch:
    declaraties: list[Declaratie] = field(default_factory=list)
    toewijzingen: dict[str, ToewijzingFeit] = field(default_factory=dict)
    tarieven: list[TariefFeit] = field(default_factory=list)
    eerdere: list[EerderePrestatie] = field(default_factory=list)
    fouten: dict[str, str] = field(default_factory=dict)
    verwacht_aantal: dict[str, int] = field(default_factory=dict)
    verwacht_bedrag: dict[str, Decimal] = field(default_factory=dict)


def bsn_reeks():
    """Unique BSNs that pass the eleven-proof."""
    n = 10_000_000
    while True:
        n += 1
        cijfers = f"{n:08d}"
        rest = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            yield cijfers + str(rest)


def _regel(
    tnr,
    bsn,
    categorie,
    code,
    eenheid,
    tarief,
    ref,
    geleverd,
    bedrag,
    periode=MAART,
    *,
    eenheid_regel=None,
    producttarief=None,
    dc=DEBET,
    vorig=None,
) -> Prestatie:
    return Prestatie(
        ref,
        tnr,
        bsn,
        categorie,
        code,
        periode[0],
        periode[1],
        geleverd,
        eenheid_regel or eenheid,
        producttarief or tarief,
        bedrag,
        dc,
        vorig,
    )


def genereer_batch(aantal: int = 100_000, seed: int = 20240301, aanbieders: int = 10, fouten: int = 600) -> Batch:
    rng = random.Random(seed)
    batch = Batch()
    agbs = [f"{10_000_000 + k:08d}" for k in range(1, aanbieders + 1)]
    for agb in agbs:
        for _categorie, code, eenheid, _, bedrag in PRODUCT.values():
            batch.tarieven.append(TariefFeit(agb, code, START, EINDE, bedrag, eenheid))
    fout_nummers = set(rng.sample(range(aantal), fouten))
    regels: dict[str, list[Prestatie]] = {agb: [] for agb in agbs}
    bsns = bsn_reeks()
    nr = 0
    volgnummer = 0
    while nr < aantal:
        volgnummer += 1
        agb = agbs[volgnummer % aanbieders]
        tnr = str(100_000_000 + volgnummer)
        bsn = next(bsns)
        soort = "A" if nr in fout_nummers else rng.choices("ABCDE", weights=(40, 15, 20, 15, 10))[0]
        if soort == "E" and (aantal - nr < 2 or nr + 1 in fout_nummers):
            soort = "A"
        basis = "A" if soort in "ABE" else soort
        categorie, code, eenheid, frequentie, tarief = PRODUCT[basis]
        volume = {"A": rng.randint(2, 8), "C": rng.randint(4, 20), "D": 50}[basis]
        batch.toewijzingen[tnr] = ToewijzingFeit(
            toewijzingsnummer=tnr,
            bsn=bsn,
            productcategorie=categorie,
            productcode=code,
            aanbieder_agb=agb,
            gemeente_cbs=CBS,
            ingangsdatum=START,
            einddatum=EINDE,
            volume=volume,
            eenheid=eenheid,
            frequentie=frequentie,
            gestarte_zorg=((START, None),),
        )

        regel = partial(_regel, tnr, bsn, categorie, code, eenheid, tarief)
        nieuw: list[Prestatie] = []
        if soort == "A":
            uren = rng.randint(1, MAART_WEKEN * volume)
            nieuw.append(regel(f"P{nr}", uren, uren * tarief))
        elif soort == "B":
            minuten = rng.randint(30, MAART_WEKEN * volume * 60)
            bedrag = (tarief * minuten / 60).quantize(_CENT, rounding=ROUND_HALF_UP)
            nieuw.append(regel(f"P{nr}", minuten, bedrag, eenheid_regel="01", producttarief=_MINUUTTARIEF))
        elif soort == "C":
            dagdelen = rng.randint(1, volume)
            nieuw.append(regel(f"P{nr}", dagdelen, dagdelen * tarief))
        elif soort == "D":
            eerder_uren = rng.randint(10, 30)
            batch.eerdere.append(eerdere(regel(f"F{nr}", eerder_uren, eerder_uren * tarief, FEBRUARI), agb=agb))
            uren = rng.randint(1, volume - eerder_uren)
            nieuw.append(regel(f"P{nr}", uren, uren * tarief))
        else:
            oud_uren = rng.randint(1, 4 * volume)
            oud = regel(f"F{nr}", oud_uren, oud_uren * tarief, FEBRUARI)
            batch.eerdere.append(eerdere(oud, agb=agb))
            uren = rng.randint(1, 4 * volume)
            nieuw.append(
                regel(
                    f"C{nr}",
                    oud.geleverd_volume,
                    oud.ingediend_bedrag,
                    FEBRUARI,
                    dc=CREDIT,
                    vorig=oud.referentienummer,
                )
            )
            nieuw.append(regel(f"P{nr}", uren, uren * tarief, FEBRUARI))
        if nr in fout_nummers:
            nieuw = [_bederf(rng, nieuw[0], FOUTCODES[len(batch.fouten) % len(FOUTCODES)], batch, agb)]
        for p in nieuw:
            regels[agb].append(p)
            if p.referentienummer not in batch.fouten:
                batch.verwacht_aantal[agb] = batch.verwacht_aantal.get(agb, 0) + 1
                som = batch.verwacht_bedrag.get(agb, Decimal("0.00"))
                batch.verwacht_bedrag[agb] = som + (
                    p.ingediend_bedrag if p.debet_credit == DEBET else -p.ingediend_bedrag
                )
        nr += len(nieuw)
    for k, agb in enumerate(agbs):
        som = sum((p.bedrag_met_teken for p in regels[agb]), Decimal("0.00"))
        batch.declaraties.append(
            Declaratie(
                f"D2403{k:03d}",
                agb,
                CBS,
                MAART[0],
                MAART[1],
                abs(som),
                DEBET if som >= 0 else CREDIT,
                tuple(regels[agb]),
            )
        )
    return batch


def _bederf(rng: random.Random, p: Prestatie, code: str, batch: Batch, agb: str) -> Prestatie:
    """Give a valid kind-A line exactly one defect that should produce `code`."""
    velden = {f: getattr(p, f) for f in Prestatie.__slots__}
    if code == "0611":
        velden["producttarief"] = p.producttarief + 1
        velden["ingediend_bedrag"] = p.geleverd_volume * velden["producttarief"]
    elif code == "9321":
        volume = batch.toewijzingen[p.toewijzingsnummer].volume
        velden["geleverd_volume"] = MAART_WEKEN * volume + 1
        velden["ingediend_bedrag"] = velden["geleverd_volume"] * p.producttarief
    elif code == "9338":
        velden["toewijzingsnummer"] = str(900_000_000 + len(batch.fouten))
    elif code == "8187":
        velden["bsn"] = "999900006"
    elif code == "9346":
        velden["ingediend_bedrag"] = p.ingediend_bedrag + Decimal("0.01")
    elif code == "8021":
        jan = (date(2024, 1, 1), date(2024, 1, 31))
        oud = Prestatie(
            p.referentienummer,
            p.toewijzingsnummer,
            p.bsn,
            p.productcategorie,
            p.productcode,
            *jan,
            1,
            p.eenheid,
            p.producttarief,
            p.producttarief,
        )
        batch.eerdere.append(eerdere(oud, agb=agb))
    batch.fouten[p.referentienummer] = code
    return Prestatie(**velden)
