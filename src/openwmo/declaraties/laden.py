"""Loading what the pure checks need for one claim, set-based: a fixed number of queries per claim.

- the allocations the lines name (by toewijzingsnummer), as `ToewijzingFeit`;
- the contract tariffs of the provider for the municipality and the products claimed, as a `TariefIndex`;
- the earlier lines of those allocations plus every earlier line of the provider whose ReferentieNummer
  this claim uses or credits, as an `EerdereIndex`.

Large claims are looked up in chunks (SQLite limits the number of query parameters), so the number of
queries grows with lines / CHUNK, never with lines.

Started care (WMO305/307) is not stored yet: `gestarte_zorg` stays empty. The checks only *signal* a line
outside the started care (OP364 forbids rejecting on it), and those signals are not stored; see
docs/declaraties.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.db.models import Q

from openwmo.inkoop.models import Tarief
from openwmo.toegang.models import Toewijzing

from .checks import EerdereIndex, EerderePrestatie, TariefFeit, TariefIndex, ToewijzingFeit
from .lookups import in_filter
from .models import Prestatie

CHUNK = 5_000


def _chunks(waarden: Iterable, grootte: int = CHUNK) -> Iterator[list]:
    lijst = sorted(waarden)
    for i in range(0, len(lijst), grootte):
        yield lijst[i : i + grootte]


def toewijzingen_laden(nummers: Iterable[str]) -> tuple[dict[str, ToewijzingFeit], dict[str, int]]:
    """{toewijzingsnummer: ToewijzingFeit} and {toewijzingsnummer: pk} for the numbers that exist."""
    feiten: dict[str, ToewijzingFeit] = {}
    pks: dict[str, int] = {}
    velden = (
        "pk",
        "toewijzingsnummer",
        "client__bsn",
        "product__productcategorie",
        "product__productcode",
        "aanbieder__agb_code",
        "gemeente__cbs_code",
        "ingangsdatum",
        "einddatum",
        "volume",
        "eenheid",
        "frequentie",
        "budget",
        "reden_wijziging",
    )
    for deel in _chunks(set(nummers)):
        for (
            pk,
            nr,
            bsn,
            cat,
            code,
            agb,
            cbs,
            van,
            tot,
            volume,
            eenheid,
            freq,
            budget,
            reden,
        ) in Toewijzing.objects.filter(in_filter("toewijzingsnummer", deel)).order_by().values_list(*velden):
            omvang = volume is not None and bool(eenheid) and bool(freq)
            feiten[nr] = ToewijzingFeit(
                toewijzingsnummer=nr,
                bsn=bsn,
                productcategorie=cat,
                productcode=code,
                aanbieder_agb=agb,
                gemeente_cbs=cbs,
                ingangsdatum=van,
                einddatum=tot,
                # iWmo volumes are whole numbers (LDT_Volume); a fraction cannot come from a 301.
                volume=int(volume) if omvang else None,
                eenheid=eenheid if omvang else None,
                frequentie=freq if omvang else None,
                budget=budget,
                reden_wijziging=reden or None,
            )
            pks[nr] = pk
    return feiten, pks


def tarieven_laden(aanbieder, gemeente, productcodes: Iterable[str]) -> TariefIndex:
    """The provider's contract tariffs for the municipality, each limited to its contract's validity.

    Where two contracts give a tariff for the same day, the later-starting tariff wins (as
    `inkoop.selectors.tarief_op` does): the earlier one is cut off the day before.
    """
    rijen = (
        Tarief.objects.filter(
            contract__aanbieder=aanbieder, contract__gemeenten=gemeente, product__productcode__in=list(productcodes)
        )
        .values_list(
            "product__productcode",
            "product__eenheid",
            "ingangsdatum",
            "einddatum",
            "bedrag",
            "contract__ingangsdatum",
            "contract__toetredingsdatum",
            "contract__einddatum",
        )
        .order_by()
        .distinct()
    )
    per_product: dict[str, list] = {}
    for code, eenheid, van, tot, bedrag, c_van, c_toetreding, c_tot in rijen:
        van = max(van, c_toetreding or c_van)
        tot = min(d for d in (tot, c_tot) if d is not None) if (tot or c_tot) else None
        if tot is not None and tot < van:
            continue
        per_product.setdefault(code, []).append([van, tot, bedrag, eenheid])
    feiten = []
    for code, lijst in per_product.items():
        lijst.sort(key=lambda t: t[0])
        for vorige, volgende in zip(lijst, lijst[1:], strict=False):
            if vorige[1] is None or vorige[1] >= volgende[0]:
                vorige[1] = volgende[0] - timedelta(days=1)
        for van, tot, bedrag, eenheid in lijst:
            if tot is None or tot >= van:
                feiten.append(TariefFeit(aanbieder.agb_code, code, van, tot, bedrag, eenheid))
    return TariefIndex(feiten)


def eerdere_laden(aanbieder, toewijzing_pks: Iterable[int], referenties: Iterable[str]) -> EerdereIndex:
    """Earlier lines of these allocations and of these ReferentieNummers of the provider.

    A line rejected with 8021 is left out: its ReferentieNummer belongs to the earlier line (as
    `DeclaratieUitkomst.als_eerdere` does).
    """
    agb = aanbieder.agb_code
    velden = (
        "pk",
        "referentienummer",
        "toewijzingsnummer",
        "productcode",
        "begindatum",
        "einddatum",
        "volume",
        "bedrag",
        "debet_credit",
        "status",
        "productcategorie",
        "eenheid",
        "vorige_referentienummer",
    )
    gezien: set[int] = set()
    eerdere: list[EerderePrestatie] = []
    filters = [in_filter("toewijzing_id", deel) for deel in _chunks(set(toewijzing_pks))]
    filters += [Q(aanbieder=aanbieder) & in_filter("referentienummer", deel) for deel in _chunks(set(referenties))]
    for filter_q in filters:
        rijen = Prestatie.objects.filter(filter_q).exclude(retourcodes__contains="8021").order_by().values_list(*velden)
        for pk, ref, tnr, code, van, tot, volume, bedrag, dc, status, cat, eenheid, vorig in rijen:
            if pk in gezien:
                continue
            gezien.add(pk)
            eerdere.append(
                EerderePrestatie(
                    referentienummer=ref,
                    toewijzingsnummer=tnr,
                    productcode=code,
                    begindatum=van,
                    einddatum=tot,
                    volume=volume,
                    bedrag=bedrag,
                    debet_credit=dc,
                    status=status,
                    aanbieder_agb=agb,
                    productcategorie=cat,
                    eenheid=eenheid,
                    vorige_referentienummer=vorig or None,
                )
            )
    return EerdereIndex(eerdere)
