"""Keep computed report tables ("stand") so a dashboard need not recompute them from ~45k allocations.

A table is a function of its `Scope` and of the records. The records' side is a fingerprint of the
change log `Wijziging`, which database triggers on every source table extend on each write (ORM saves,
`QuerySet.update`, bulk writes and raw SQL alike; see `volg_wijzigingen`). `bewaard()` returns the stored
table when its fingerprint equals the current one and otherwise computes it, stores it and returns it:
a stale figure is never shown, at worst recomputed. `bijwerken()` (run by `openwmo demo` and
`openwmo report --bijwerken`) computes the default views ahead so the first visitor need not wait.
"""

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.utils import translation

logger = logging.getLogger(__name__)

# The apps whose tables the reports read; every table in them is watched, including ones added later.
BRON_APPS = ("core", "catalogus", "inkoop", "toegang", "declaraties", "bekostiging")
# Tables in those apps no report reads and that change all the time (every read of personal data is logged).
NIET_GEVOLGD = {"core.verwerking", "core.user", "core.nummerreeks"}


def gevolgde_tabellen() -> list[str]:
    tabellen = set()
    for label in BRON_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower in NIET_GEVOLGD or not model._meta.managed or model._meta.proxy:
                continue
            if any(m in NIET_GEVOLGD for m in _m2m_eigenaars(model)):
                continue
            tabellen.add(model._meta.db_table)
    return sorted(tabellen)


def _m2m_eigenaars(model) -> list[str]:
    """For an auto-created many-to-many table: the models it joins (User.gemeenten must stay unwatched)."""
    if not model._meta.auto_created:
        return []
    return [f.related_model._meta.label_lower for f in model._meta.fields if f.is_relation]


def volg_wijzigingen(using: str = "default", **_kwargs) -> None:
    """Create (or replace) the triggers that note a `Wijziging` on every write to a watched table.

    Connected to `post_migrate`, so a new source table gets its trigger with the migration that makes it."""
    from django.db import connections

    verbinding = connections[using]
    log = apps.get_model("monitoring", "Wijziging")._meta.db_table
    if log not in verbinding.introspection.table_names():
        return  # monitoring not migrated (yet) on this database
    with verbinding.cursor() as cursor:
        if verbinding.vendor == "postgresql":
            cursor.execute(
                "CREATE OR REPLACE FUNCTION monitoring_wijziging_noteren() RETURNS trigger AS $$ "
                f"BEGIN INSERT INTO {log} (teller) VALUES (1); RETURN NULL; END $$ LANGUAGE plpgsql"
            )
            for tabel in gevolgde_tabellen():
                cursor.execute(
                    f'CREATE OR REPLACE TRIGGER monitoring_wijziging AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
                    f'ON "{tabel}" FOR EACH STATEMENT EXECUTE FUNCTION monitoring_wijziging_noteren()'
                )
        elif verbinding.vendor == "sqlite":
            for tabel in gevolgde_tabellen():
                for handeling in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f'CREATE TRIGGER IF NOT EXISTS "monitoring_{handeling.lower()}_{tabel}" AFTER {handeling} '
                        f'ON "{tabel}" BEGIN INSERT INTO {log} (id, teller) VALUES (1, 1) '
                        f"ON CONFLICT(id) DO UPDATE SET teller = teller + 1; END"
                    )
        else:  # pragma: no cover - the project supports these two
            raise NotImplementedError(verbinding.vendor)


# On PostgreSQL the log grows by a row per writing statement; past this many rows it is compacted to its last
# row (which changes the fingerprint, so everything stored is recomputed once) to keep the count cheap.
LOG_COMPACTEREN_VANAF = 10_000


def vingerafdruk() -> str:
    """The state of the change log (plus today's date, which tables without dates of their own depend on)."""
    tabel = apps.get_model("monitoring", "Wijziging")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), MAX(id), SUM(teller) FROM {tabel}")
        aantal, hoogste, som = cursor.fetchone()
        if aantal > LOG_COMPACTEREN_VANAF:
            cursor.execute(f"DELETE FROM {tabel} WHERE id < %s", [hoogste])
            cursor.execute(f"SELECT COUNT(*), MAX(id), SUM(teller) FROM {tabel}")
            aantal, hoogste, som = cursor.fetchone()
    return f"{aantal}/{hoogste}/{som}/{date.today().isoformat()}"


def scope_sleutel(scope) -> str:
    """The scope in words: municipalities in their order, dates and filters (by primary key)."""
    delen = [
        ",".join(str(g.pk) for g in scope.gemeenten),
        *(d.isoformat() if d else "-" for d in (scope.peildatum, scope.van, scope.tot)),
        *(str(f.pk) if f is not None else "-" for f in (scope.wijk, scope.product, scope.aanbieder)),
        scope.segment or "-",
    ]
    return "|".join(delen)


def _coderen(waarde):
    if isinstance(waarde, Decimal):
        return {"$d": str(waarde)}
    if isinstance(waarde, datetime):
        raise TypeError("datetime")
    if isinstance(waarde, date):
        return {"$date": waarde.isoformat()}
    raise TypeError(type(waarde).__name__)


def _decoderen(object_: dict):
    if len(object_) == 1:
        ((sleutel, waarde),) = object_.items()
        if sleutel == "$d":
            return Decimal(waarde)
        if sleutel == "$date":
            return date.fromisoformat(waarde)
    return object_


def naar_json(waarde) -> str:
    from .tabellen.basis import Tabel

    if isinstance(waarde, Tabel):
        kolommen = [str(k) for k in waarde.kolommen]
        waarde = {"$tabel": [str(waarde.titel), kolommen, waarde.rijen, str(waarde.toelichting)]}
    return json.dumps(waarde, default=_coderen, ensure_ascii=False)


def uit_json(tekst: str):
    from .tabellen.basis import Tabel

    waarde = json.loads(tekst, object_hook=_decoderen)
    if isinstance(waarde, dict) and "$tabel" in waarde:
        titel, kolommen, rijen, toelichting = waarde["$tabel"]
        return Tabel(titel=titel, kolommen=kolommen, rijen=rijen, toelichting=toelichting)
    return waarde


def bewaard(soort: str, scope, bereken: Callable):
    """`bereken(scope)`, or the stored result of it if the records have not changed since."""
    from .geheugen import onthouden_vingerafdruk, te_bewaren
    from .models import Stand

    omschrijving = f"{soort}|{scope_sleutel(scope)}|{translation.get_language() or '-'}"
    sleutel = hashlib.sha256(omschrijving.encode()).hexdigest()
    afdruk = onthouden_vingerafdruk()
    nog_te_bewaren = te_bewaren()
    if nog_te_bewaren is not None and sleutel in nog_te_bewaren:
        return uit_json(nog_te_bewaren[sleutel]["inhoud"])
    opgeslagen = Stand.objects.filter(sleutel=sleutel, vingerafdruk=afdruk).values_list("inhoud", flat=True).first()
    if opgeslagen is not None:
        return uit_json(opgeslagen)
    uitkomst = bereken(scope)
    try:
        inhoud = naar_json(uitkomst)
    except TypeError:
        logger.warning("Stand %s niet bewaard: de uitkomst is niet als JSON te schrijven.", soort)
        return uitkomst
    rij = {"omschrijving": omschrijving[:300], "vingerafdruk": afdruk, "inhoud": inhoud}
    if nog_te_bewaren is not None:
        nog_te_bewaren[sleutel] = rij  # stored when the page is done: one commit instead of one per table
    else:
        opslaan({sleutel: rij})
    return uitkomst


def opslaan(rijen: dict[str, dict]) -> None:
    """Store computed tables (sleutel -> omschrijving, vingerafdruk, inhoud) in one transaction."""
    from .models import Stand

    try:
        with transaction.atomic():
            for sleutel, rij in rijen.items():
                Stand.objects.update_or_create(sleutel=sleutel, defaults=rij)
    except IntegrityError:  # another request stored one of them at the same moment; the next one will
        pass


def standaard_scopes(jaren: Iterable[int]):
    """The views a dashboard opens with: each municipality and each region (its municipalities by name), per
    year with the reference date 1 January, no filters (as `FilterForm.scope` builds them)."""
    from openwmo.core.models import Gemeente

    from .tabellen.basis import Scope

    gemeenten = list(Gemeente.objects.select_related("regio").order_by("naam"))
    gebieden = [(g,) for g in gemeenten]
    regios: dict[int, list] = {}
    for g in gemeenten:
        if g.regio_id:
            regios.setdefault(g.regio_id, []).append(g)
    gebieden += [tuple(leden) for leden in regios.values()]
    for jaar in jaren:
        for gebied in gebieden:
            yield Scope(gemeenten=gebied, peildatum=date(jaar, 1, 1), van=date(jaar, 1, 1), tot=date(jaar, 12, 31))


def bijwerken(jaren: Iterable[int]) -> int:
    """Recompute the stored tables and indicator values of the default views; returns how many were stored.

    First drops what is stale and compacts the change log (which makes everything stored stale once)."""
    from .geheugen import een_meting
    from .indicatoren import INDICATOREN
    from .models import Stand, Wijziging
    from .tabellen import RAPPORTEN

    hoogste = Wijziging.objects.order_by("-id").values_list("id", flat=True).first()
    if hoogste is not None:
        Wijziging.objects.filter(id__lt=hoogste).delete()
    Stand.objects.exclude(vingerafdruk=vingerafdruk()).delete()
    aantal = 0
    for scope in standaard_scopes(jaren):
        with een_meting():
            for rapport in RAPPORTEN.values():
                rapport.maak(scope)
                aantal += 1
            for indicator in INDICATOREN:
                if indicator.bereken is not None:
                    indicator.waarde(scope)
                    aantal += 1
    return aantal
