"""Loading what the pure checks need for one claim, set-based: a fixed number of queries per claim.

- the allocations the lines name (by toewijzingsnummer), as `ToewijzingFeit`, each with its started care:
  the current `toegang.Levering` rows (WMO305 start, WMO307 stop; deleted ones left out);
- the contract tariffs of the provider for the municipality and the products claimed, as a `TariefIndex`;
- the earlier lines of those allocations plus every earlier line of the provider whose ReferentieNummer
  this claim uses or credits, as an `EerdereIndex`.

The SQL is built once per process from the models' `_meta` (see `_Vraag`) and run on the cursor, so a
claim pays no ORM query compilation. On PostgreSQL the keys travel as one array parameter (`= ANY(%s)`)
and the earlier lines come in one statement; elsewhere (SQLite limits the number of query parameters) large
claims are looked up in chunks, so the number of queries grows with lines / CHUNK, never with lines. Values
pass the same converters the ORM would apply (none on PostgreSQL for these fields).

Started care only *signals* (stored on the line): OP364 forbids rejecting a line on start/stop dates or on a
missing start message; see docs/declaraties.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.db import connection

from openwmo.core.models import Client
from openwmo.inkoop.models import Contract, Tarief
from openwmo.toegang.models import Levering, Toewijzing

from .checks import EerdereIndex, EerderePrestatie, TariefFeit, TariefIndex, ToewijzingFeit
from .checks.feiten import eigen_bouwer
from .lookups import array_parameter
from .models import Prestatie

CHUNK = 5_000
_SLEUTELS = "{sleutels}"  # where a query's key condition goes: `= ANY(%s::…[])` or `IN (%s, …)`
_DE_SLEUTELS = object()  # where the keys go in a query's parameters
_NIET_8021 = "%8021%"


def _chunks(waarden: Iterable, grootte: int | None = None) -> Iterator[list]:
    grootte = grootte or CHUNK  # read at call time (tests lower it)
    lijst = sorted(waarden)
    for i in range(0, len(lijst), grootte):
        yield lijst[i : i + grootte]


def _postgres() -> bool:
    return connection.vendor == "postgresql"


class _Vraag:
    """One SELECT written against the models' `_meta` (table and column names quoted by the backend), built
    on first use per database vendor by the decorated function, which gets a `_Kolommen` to name the
    selected columns: rows get the ORM's own converters (`get_db_converters`) where the backend has any."""

    def __init__(self, bouw):
        self._bouw = bouw
        self._klaar: dict[str, tuple[str, list]] = {}

    def __call__(self) -> tuple[str, list]:
        vendor = connection.vendor
        klaar = self._klaar.get(vendor)
        if klaar is None:
            kolommen = _Kolommen()
            sql = self._bouw(kolommen)
            omzetters = []
            for i, col in enumerate(kolommen.cols):
                conv = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
                if conv:
                    omzetters.append((i, conv, col))
            klaar = self._klaar[vendor] = (sql, omzetters)
        return klaar


class _Kolommen:
    """The selected columns of one query, in order."""

    def __init__(self):
        self.cols: list = []

    def kolom(self, alias: str, model, veld: str) -> str:
        """`alias.column` of `model.veld` ("pk" for the primary key), selected as the next column."""
        f = model._meta.pk if veld == "pk" else model._meta.get_field(veld)
        self.cols.append(f.get_col(alias))
        return f"{alias}.{_qn(f.column)}"


def _qn(naam: str) -> str:
    return connection.ops.quote_name(naam)


def _tabel(model, alias: str) -> str:
    return f"{_qn(model._meta.db_table)} {alias}"


def _c(alias: str, model, veld: str) -> str:
    """`alias.column` of `model.veld` in a condition (not selected)."""
    f = model._meta.pk if veld == "pk" else model._meta.get_field(veld)
    return f"{alias}.{_qn(f.column)}"


def _join(alias: str, model, veld: str, doel_alias: str) -> str:
    """`JOIN <target table> doel_alias ON doel_alias.<target column> = alias.<fk column>`."""
    f = model._meta.get_field(veld)
    return (
        f"INNER JOIN {_tabel(f.related_model, doel_alias)} "
        f"ON {doel_alias}.{_qn(f.target_field.column)} = {alias}.{_qn(f.column)}"
    )


def _uitvoeren(vraag: _Vraag, sleutels: list | None, params: list, *, getallen: bool = False) -> list:
    """Rows of `vraag` for these keys (None: a query without a key condition; its params as given).
    The keys replace `_DE_SLEUTELS` in `params`: on PostgreSQL as one array parameter, elsewhere as one
    placeholder each."""
    sql, omzetters = vraag()
    if sleutels is not None:
        i = params.index(_DE_SLEUTELS)
        if _postgres():
            sql = sql.replace(_SLEUTELS, "= ANY(%s::bigint[])" if getallen else "= ANY(%s::text[])")
            params = [*params[:i], array_parameter(sleutels, getallen=getallen), *params[i + 1 :]]
        else:
            sql = sql.replace(_SLEUTELS, f"IN ({', '.join(['%s'] * len(sleutels))})")
            params = [*params[:i], *sleutels, *params[i + 1 :]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rijen = cursor.fetchall()
    if omzetters:
        rijen = [_omzetten(rij, omzetters) for rij in rijen]
    return rijen


def _omzetten(rij, omzetters) -> tuple:
    rij = list(rij)
    for i, conv, col in omzetters:
        waarde = rij[i]
        for c in conv:
            waarde = c(waarde, col, connection)
        rij[i] = waarde
    return tuple(rij)


def _per_sleutel(vraag: _Vraag, sleutels: Iterable, params=(_DE_SLEUTELS,), *, getallen: bool = False) -> list:
    """All rows for these keys (in `params` at `_DE_SLEUTELS`): one query on PostgreSQL, one per CHUNK keys
    elsewhere."""
    sleutels = set(sleutels)
    if not sleutels:
        return []
    if _postgres():  # sorted: PostgreSQL sorts the array anyway (then in one pass) and reads the index in order
        return _uitvoeren(vraag, sorted(sleutels), list(params), getallen=getallen)
    rijen = []
    for deel in _chunks(sleutels):
        rijen += _uitvoeren(vraag, deel, list(params), getallen=getallen)
    return rijen


@_Vraag
def _toewijzingen_sql(v: _Kolommen) -> str:
    T = Toewijzing
    kolommen = [
        v.kolom("t", T, "pk"),
        v.kolom("t", T, "toewijzingsnummer"),
        v.kolom("t", T, "client"),
        v.kolom("p", T._meta.get_field("product").related_model, "productcategorie"),
        v.kolom("p", T._meta.get_field("product").related_model, "productcode"),
        v.kolom("a", T._meta.get_field("aanbieder").related_model, "agb_code"),
        v.kolom("g", T._meta.get_field("gemeente").related_model, "cbs_code"),
        *(v.kolom("t", T, veld) for veld in ("ingangsdatum", "einddatum", "volume", "eenheid", "frequentie")),
        v.kolom("t", T, "budget"),
        v.kolom("t", T, "reden_wijziging"),
    ]
    return (
        f"SELECT {', '.join(kolommen)} FROM {_tabel(T, 't')} {_join('t', T, 'product', 'p')} "
        f"{_join('t', T, 'aanbieder', 'a')} {_join('t', T, 'gemeente', 'g')} "
        f"WHERE {_c('t', T, 'toewijzingsnummer')} {_SLEUTELS}"
    )


@_Vraag
def _clienten_sql(v: _Kolommen) -> str:
    kolommen = f"{v.kolom('c', Client, 'pk')}, {v.kolom('c', Client, 'bsn')}"
    return f"SELECT {kolommen} FROM {_tabel(Client, 'c')} WHERE {_c('c', Client, 'pk')} {_SLEUTELS}"


@_Vraag
def _gestarte_zorg_sql(v: _Kolommen) -> str:
    L = Levering
    kolommen = [v.kolom("l", L, "toewijzing"), v.kolom("l", L, "begindatum"), v.kolom("l", L, "einddatum")]
    return (
        f"SELECT {', '.join(kolommen)} FROM {_tabel(L, 'l')} "
        f"WHERE {_c('l', L, 'toewijzing')} {_SLEUTELS} AND {_c('l', L, 'status_aanlevering')} = %s"
    )


def toewijzingen_laden(nummers: Iterable[str]) -> tuple[dict[str, ToewijzingFeit], dict[str, int]]:
    """{toewijzingsnummer: ToewijzingFeit} and {toewijzingsnummer: pk} for the numbers that exist."""
    feiten: dict[str, ToewijzingFeit] = {}
    pks: dict[str, int] = {}
    rijen = _per_sleutel(_toewijzingen_sql, nummers)
    gestart = gestarte_zorg_laden([rij[0] for rij in rijen])
    # The BSNs in a query of their own: joined (or as a subquery per row), PostgreSQL spends more than the
    # two queries together.
    bsns = clienten_laden({rij[2] for rij in rijen})
    bouw = eigen_bouwer(ToewijzingFeit)
    for pk, nr, client_id, cat, code, agb, cbs, van, tot, volume, eenheid, freq, budget, reden in rijen:
        omvang = volume is not None and bool(eenheid) and bool(freq)
        feiten[nr] = bouw(
            nr,
            bsns[client_id],
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
    return dict(_per_sleutel(_clienten_sql, client_pks, getallen=True))


def gestarte_zorg_laden(toewijzing_pks: Iterable[int]) -> dict[int, tuple]:
    """{toewijzing pk: ((begindatum, einddatum or None), …)} of the current started care (WMO305/307)."""
    per_toewijzing: dict[int, list] = {}
    for pk, van, tot in _per_sleutel(_gestarte_zorg_sql, toewijzing_pks, [_DE_SLEUTELS, "1"], getallen=True):
        per_toewijzing.setdefault(pk, []).append((van, tot))
    return {pk: tuple(periodes) for pk, periodes in per_toewijzing.items()}


@_Vraag
def _tarieven_sql(v: _Kolommen) -> str:
    T, C = Tarief, Contract
    P = T._meta.get_field("product").related_model
    m2m = C._meta.get_field("gemeenten")
    tussen = m2m.remote_field.through
    kolommen = [
        v.kolom("p", P, "productcode"),
        v.kolom("p", P, "eenheid"),
        v.kolom("t", T, "ingangsdatum"),
        v.kolom("t", T, "einddatum"),
        v.kolom("t", T, "bedrag"),
        v.kolom("c", C, "ingangsdatum"),
        v.kolom("c", C, "toetredingsdatum"),
        v.kolom("c", C, "einddatum"),
    ]
    naar_contract = _c("cg", tussen, m2m.m2m_field_name())
    return (
        f"SELECT DISTINCT {', '.join(kolommen)} FROM {_tabel(T, 't')} {_join('t', T, 'contract', 'c')} "
        f"INNER JOIN {_tabel(tussen, 'cg')} ON {naar_contract} = {_c('c', C, 'pk')} {_join('t', T, 'product', 'p')} "
        f"WHERE {_c('c', C, 'aanbieder')} = %s AND {_c('cg', tussen, m2m.m2m_reverse_field_name())} = %s "
        f"AND {_c('p', P, 'productcode')} {_SLEUTELS}"
    )


def tarieven_laden(aanbieder, gemeente, productcodes: Iterable[str]) -> TariefIndex:
    """The provider's contract tariffs for the municipality, each limited to its contract's validity.

    Where two contracts give a tariff for the same day, the later-starting tariff wins (as
    `inkoop.selectors.tarief_op` does): the earlier one is cut off the day before.
    """
    rijen = _per_sleutel(_tarieven_sql, productcodes, [aanbieder.pk, gemeente.pk, _DE_SLEUTELS])
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


_EERDERE_VELDEN = (
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


def _eerdere_kolommen(v: _Kolommen) -> str:
    return ", ".join(v.kolom("e", Prestatie, veld) for veld in _EERDERE_VELDEN)


@_Vraag
def _eerdere_per_toewijzing_sql(v: _Kolommen) -> str:
    P = Prestatie
    return (
        f"SELECT {_eerdere_kolommen(v)} FROM {_tabel(P, 'e')} "
        f"WHERE {_c('e', P, 'toewijzing')} {_SLEUTELS} AND NOT ({_c('e', P, 'retourcodes')} LIKE %s)"
    )


@_Vraag
def _eerdere_per_referentie_sql(v: _Kolommen) -> str:
    P = Prestatie
    return (
        f"SELECT {_eerdere_kolommen(v)} FROM {_tabel(P, 'e')} "
        f"WHERE {_c('e', P, 'aanbieder')} = %s AND {_c('e', P, 'referentienummer')} {_SLEUTELS} "
        f"AND NOT ({_c('e', P, 'retourcodes')} LIKE %s)"
    )


@_Vraag
def _eerdere_pg_sql(v: _Kolommen) -> str:
    """PostgreSQL, one statement: per allocation a LATERAL index probe, then the provider's lines by
    ReferentieNummer that the first part did not give already (no line twice). With `= ANY` or an OR the
    planner estimates one line per key and often reads the whole table instead: 2-3x the server time on the
    profiling database, both with few and with ~1,200 earlier lines per claim."""
    P = Prestatie
    kolommen = _eerdere_kolommen(v)  # both parts select these columns of alias e
    niet_8021 = f"NOT ({_c('e', P, 'retourcodes')} LIKE %s)"
    toewijzing = _c("e", P, "toewijzing")
    return (
        f"SELECT e.* FROM unnest(%s::bigint[]) AS k(id) CROSS JOIN LATERAL ("
        f"SELECT {kolommen} FROM {_tabel(P, 'e')} WHERE {toewijzing} = k.id AND {niet_8021} "
        f"OFFSET 0) AS e UNION ALL SELECT {kolommen} FROM {_tabel(P, 'e')} "
        f"WHERE {_c('e', P, 'aanbieder')} = %s AND {_c('e', P, 'referentienummer')} = ANY(%s::text[]) AND {niet_8021} "
        f"AND ({toewijzing} IS NULL OR {toewijzing} <> ALL(%s::bigint[]))"
    )


def eerdere_laden(aanbieder, toewijzing_pks: Iterable[int], referenties: Iterable[str]) -> EerdereIndex:
    """Earlier lines of these allocations and of these ReferentieNummers of the provider.

    A line rejected with 8021 is left out: its ReferentieNummer belongs to the earlier line (as
    `DeclaratieUitkomst.als_eerdere` does).
    """
    toewijzing_pks, referenties = set(toewijzing_pks), set(referenties)
    if _postgres():
        pks = array_parameter(sorted(toewijzing_pks), getallen=True)
        params = [pks, _NIET_8021, aanbieder.pk, array_parameter(sorted(referenties), getallen=False), _NIET_8021, pks]
        rijen = _uitvoeren(_eerdere_pg_sql, None, params) if toewijzing_pks or referenties else []
    else:
        rijen = _per_sleutel(
            _eerdere_per_toewijzing_sql, toewijzing_pks, [_DE_SLEUTELS, _NIET_8021], getallen=True
        )
        rijen += _per_sleutel(
            _eerdere_per_referentie_sql, referenties, [aanbieder.pk, _DE_SLEUTELS, _NIET_8021]
        )
    agb = aanbieder.agb_code
    bouw = eigen_bouwer(EerderePrestatie)
    gezien: set[int] = set()
    eerdere: list[EerderePrestatie] = []
    for pk, ref, tnr, code, van, tot, volume, bedrag, dc, status, cat, eenheid, vorig in rijen:
        if pk in gezien:
            continue
        gezien.add(pk)
        eerdere.append(bouw(ref, tnr, code, van, tot, volume, bedrag, dc, status, agb, cat, eenheid, vorig or None))
    return EerdereIndex(eerdere)
