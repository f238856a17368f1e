"""In-memory indexes the caller builds once per batch; the checks only look things up (O(1) per line)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from openwmo.core.periode import dates_overlap

from .feiten import CREDIT, GOEDGEKEURD, EerderePrestatie, TariefFeit

Sleutel = tuple[str, str, str, date, date]


class TariefIndex:
    """Contract tariffs by (aanbieder_agb, productcode) with a period lookup by date.

    Periods of one (agb, productcode) may not overlap: two tariffs on the same day would make the
    contract tariff ambiguous, so building the index raises ValueError.
    """

    __slots__ = ("_per_sleutel",)

    def __init__(self, tarieven: Iterable[TariefFeit] = ()) -> None:
        groepen: dict[tuple[str, str], list[TariefFeit]] = defaultdict(list)
        for t in tarieven:
            if not isinstance(t, TariefFeit):
                raise ValueError(f"TariefIndex: verwacht TariefFeit, gekregen {t!r}")
            groepen[(t.aanbieder_agb, t.productcode)].append(t)
        self._per_sleutel: dict[tuple[str, str], tuple[list[date], list[TariefFeit]]] = {}
        for sleutel, lijst in groepen.items():
            lijst.sort(key=lambda t: t.ingangsdatum)
            for vorige, volgende in zip(lijst, lijst[1:], strict=False):
                if dates_overlap(vorige.ingangsdatum, vorige.einddatum, volgende.ingangsdatum, volgende.einddatum):
                    raise ValueError(
                        f"TariefIndex: tarieven voor aanbieder {sleutel[0]} product {sleutel[1]} overlappen "
                        f"({vorige.ingangsdatum}–{vorige.einddatum} en "
                        f"{volgende.ingangsdatum}–{volgende.einddatum})"
                    )
            self._per_sleutel[sleutel] = ([t.ingangsdatum for t in lijst], lijst)

    def zoek(self, aanbieder_agb: str, productcode: str, op: date) -> TariefFeit | None:
        """The tariff valid on `op`, or None when the contract has none for that day."""
        gevonden = self._per_sleutel.get((aanbieder_agb, productcode))
        if gevonden is None:
            return None
        starts, lijst = gevonden
        i = bisect_right(starts, op) - 1
        if i < 0:
            return None
        t = lijst[i]
        return t if t.einddatum is None or op <= t.einddatum else None


class EerdereIndex:
    """Earlier lines of the provider(s) in the batch, indexed for the cross-message rules.

    - every earlier ReferentieNummer, approved or rejected (TR314 → 8021);
    - approved debets by reference (TR323 → 8017) and which of them were credited (TR390 → 9390);
    - approved, uncredited debets by TR389 key (→ 9389);
    - net approved volume per allocation and unit, and net approved amount per allocation
      (TR322 → 9322, TR369 → 9369).

    The caller must load *all* earlier lines of the allocations in the batch (not only the month being
    declared), or the whole-allocation sums are too low. `toevoegen` adds the outcome of a checked
    declaration so the next declaration of the same batch sees it.

    Two views serve the per-line checks without building a key tuple per line: `per_aanbieder` holds
    the same lines as `per_referentie` by AGB then ReferentieNummer, and `open_begindata` holds per
    ToewijzingNummer the begin dates of every debet that was ever open (a superset: a line whose
    allocation and begin date are not in it cannot hit 9389).
    """

    __slots__ = (
        "per_referentie",
        "per_aanbieder",
        "gecrediteerd",
        "open_debet",
        "open_begindata",
        "volume",
        "bedrag",
    )

    def __init__(self, eerdere: Iterable[EerderePrestatie] = ()) -> None:
        self.per_referentie: dict[tuple[str, str], EerderePrestatie] = {}
        self.per_aanbieder: dict[str, dict[str, EerderePrestatie]] = {}
        self.gecrediteerd: set[tuple[str, str]] = set()
        self.open_debet: dict[Sleutel, str] = {}
        self.open_begindata: dict[str, set[date]] = {}
        self.volume: dict[str, dict[str, int]] = {}
        self.bedrag: dict[str, Decimal] = {}
        self.toevoegen(eerdere)

    def toevoegen(self, eerdere: Iterable[EerderePrestatie]) -> None:
        nieuw = list(eerdere)
        refs: set[tuple[str, str]] = set()
        for e in nieuw:  # validate everything first: a failed call leaves the index unchanged
            if not isinstance(e, EerderePrestatie):
                raise ValueError(f"EerdereIndex: verwacht EerderePrestatie, gekregen {e!r}")
            ref = (e.aanbieder_agb, e.referentienummer)
            if ref in self.per_referentie or ref in refs:
                raise ValueError(
                    f"EerdereIndex: referentienummer {e.referentienummer} van aanbieder "
                    f"{e.aanbieder_agb} komt twee keer voor"
                )
            refs.add(ref)
        credits: list[EerderePrestatie] = []
        for e in nieuw:
            self.per_referentie[(e.aanbieder_agb, e.referentienummer)] = e
            self.per_aanbieder.setdefault(e.aanbieder_agb, {})[e.referentienummer] = e
            if e.status != GOEDGEKEURD:
                continue
            if e.debet_credit == CREDIT:
                credits.append(e)
            else:
                self.open_debet[e.sleutel] = e.referentienummer
                self.open_begindata.setdefault(e.toewijzingsnummer, set()).add(e.begindatum)
                self._tel(e, 1)
        for e in credits:
            self.gecrediteerd.add((e.aanbieder_agb, e.vorige_referentienummer))
            debet = self.per_referentie.get((e.aanbieder_agb, e.vorige_referentienummer))
            if debet is not None and self.open_debet.get(debet.sleutel) == debet.referentienummer:
                del self.open_debet[debet.sleutel]
            self._tel(e, -1)

    def _tel(self, e: EerderePrestatie, teken: int) -> None:
        per_eenheid = self.volume.setdefault(e.toewijzingsnummer, {})
        per_eenheid[e.eenheid] = per_eenheid.get(e.eenheid, 0) + teken * e.volume
        self.bedrag[e.toewijzingsnummer] = self.bedrag.get(e.toewijzingsnummer, Decimal("0.00")) + (
            e.bedrag if teken > 0 else -e.bedrag
        )


__all__ = ["EerdereIndex", "Sleutel", "TariefIndex"]
