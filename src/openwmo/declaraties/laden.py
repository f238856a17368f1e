"""Loading what the pure checks need for one claim, set-based: a fixed number of queries per claim.

- the allocations the lines name (by toewijzingsnummer), as `ToewijzingFeit`, each with its started care:
  the current `toegang.Levering` rows (WMO305 start, WMO307 stop; deleted ones left out);
- the contract tariffs of the provider for the municipality and the products claimed, as a `TariefIndex`;
- the earlier lines of those allocations plus every earlier line of the provider whose ReferentieNummer
  this claim uses or credits, as an `EerdereIndex`.

Large claims are looked up in chunks (SQLite limits the number of query parameters), so the number of
queries grows with lines / CHUNK, never with lines.

Started care only *signals* (stored on the line): OP364 forbids rejecting a line on start/stop dates or on a
missing start message; see docs/declaraties.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.db import connection
from django.db.models import Q

from openwmo.core.models import Client
from openwmo.inkoop.models import Tarief
from openwmo.toegang.models import Levering, Toewijzing

from .checks import EerdereIndex, EerderePrestatie, TariefFeit, TariefIndex, ToewijzingFeit
from .checks.feiten import uit_eigen_gegevens
from .lookups import in_filter
from .models import Prestatie

CHUNK = 5_000


def _chunks(waarden: Iterable, grootte: int = CHUNK) -> Iterator[list]:
    lijst = sorted(waarden)
    for i in range(0, len(lijst), grootte):
        yield lijst[i : i + grootte]


def _rijen(queryset) -> list[tuple]:
    """The rows of a `values_list` query. On PostgreSQL straight from the cursor: psycopg already returns
    dates, Decimals and ints, and Django's per-value converters cost more than the query."""
    if connection.vendor != "postgresql":
        return list(queryset)
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def toewijzingen_laden(nummers: Iterable[str]) -> tuple[dict[str, ToewijzingFeit], dict[str, int]]:
    """{toewijzingsnummer: ToewijzingFeit} and {toewijzingsnummer: pk} for the numbers that exist."""
    feiten: dict[str, ToewijzingFeit] = {}
    pks: dict[str, int] = {}
    velden = (
        "pk",
        "toewijzingsnummer",
        "client_id",
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
    rijen = []
    for deel in _chunks(set(nummers)):
        rijen += _rijen(Toewijzing.objects.filter(in_filter("toewijzingsnummer", deel)).order_by().values_list(*velden))
    gestart = gestarte_zorg_laden([rij[0] for rij in rijen])
    # The BSNs in a query of their own: joined, PostgreSQL hashes the whole client table for 1,000 rows.
    bsns = clienten_laden({rij[2] for rij in rijen})
    for pk, nr, client_id, cat, code, agb, cbs, van, tot, volume, eenheid, freq, budget, reden in rijen:
        bsn = bsns[client_id]
        omvang = volume is not None and bool(eenheid) and bool(freq)
        feiten[nr] = uit_eigen_gegevens(
            ToewijzingFeit,
            nr,
            bsn,
            cat,
            code,
            agb,
            cbs,
            van,
            tot,
            # iWmo volumes are whole numbers (LDT_Volume); a fraction cannot come from a 301.
            int(volume) if omvang else None,
            eenheid if omvang else None,
            freq if omvang else None,
            budget,
            reden or None,
            gestart.get(pk, ()),
        )
        pks[nr] = pk
    return feiten, pks


def clienten_laden(client_pks: Iterable[int]) -> dict[int, str]:
    """{client pk: BSN}."""
    bsns: dict[int, str] = {}
    for deel in _chunks(set(client_pks)):
        bsns.update(_rijen(Client.objects.filter(in_filter("pk", deel)).order_by().values_list("pk", "bsn")))
    return bsns


def gestarte_zorg_laden(toewijzing_pks: Iterable[int]) -> dict[int, tuple]:
    """{toewijzing pk: ((begindatum, einddatum or None), …)} of the current started care (WMO305/307)."""
    per_toewijzing: dict[int, list] = {}
    for deel in _chunks(set(toewijzing_pks)):
        rijen = _rijen(
            Levering.objects.filter(in_filter("toewijzing_id", deel), status_aanlevering="1")
            .order_by()
            .values_list("toewijzing_id", "begindatum", "einddatum")
        )
        for pk, van, tot in rijen:
            per_toewijzing.setdefault(pk, []).append((van, tot))
    return {pk: tuple(periodes) for pk, periodes in per_toewijzing.items()}


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
        rijen = _rijen(
            Prestatie.objects.filter(filter_q).exclude(retourcodes__contains="8021").order_by().values_list(*velden)
        )
        for pk, ref, tnr, code, van, tot, volume, bedrag, dc, status, cat, eenheid, vorig in rijen:
            if pk in gezien:
                continue
            gezien.add(pk)
            eerdere.append(
                uit_eigen_gegevens(
                    EerderePrestatie, ref, tnr, code, van, tot, volume, bedrag, dc, status, agb, cat, eenheid,
                    vorig or None,
                )  # fmt: skip
            )
    return EerdereIndex(eerdere)
