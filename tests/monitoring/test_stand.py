"""The stored tables ("stand"): the same numbers as computed straight from the records, and never stale."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from openwmo.core.audit import log_verwerking
from openwmo.core.models import Verwerking
from openwmo.monitoring import stand
from openwmo.monitoring.indicatoren import INDICATOREN
from openwmo.monitoring.models import Stand
from openwmo.monitoring.tabellen import RAPPORTEN
from openwmo.toegang.models import Toewijzing

from ..factories import UserFactory
from .test_uitkomsten import besluiten, uitkomsten  # noqa: F401 - fixtures

D = datetime.date
IB = "02A01 Begeleiding individueel basis"


def _rijen(naam, scope):
    return {rij[0]: rij[1:] for rij in RAPPORTEN[naam].maak(scope).rijen}


def test_every_table_and_indicator_stored_equals_the_direct_computation(uitkomsten, besluiten, scope_2017):  # noqa: F811
    for scope in (scope_2017(), scope_2017(wijk=uitkomsten["oud"]), scope_2017(product=uitkomsten["ib"])):
        for rapport in RAPPORTEN.values():
            direct = rapport.bereken(scope)
            rapport.maak(scope)  # computes and stores
            bewaard = rapport.maak(scope)  # from the table
            assert (bewaard.titel, bewaard.kolommen, bewaard.toelichting) == (
                direct.titel,
                direct.kolommen,
                direct.toelichting,
            ), rapport.naam
            assert bewaard.rijen == direct.rijen, rapport.naam
            # the same types too: a Decimal stays a Decimal (the pages format them differently from ints)
            assert [[type(c) for c in r] for r in bewaard.rijen] == [[type(c) for c in r] for r in direct.rijen]
        for indicator in INDICATOREN:
            if indicator.bereken:
                indicator.waarde(scope)
                assert indicator.waarde(scope) == indicator.bereken(scope), indicator.code
    assert Stand.objects.count() >= len(RAPPORTEN)


def test_a_stored_table_is_used_while_the_records_are_unchanged(kleine_gemeente, scope_2017, monkeypatch):
    eerst = _rijen("gemiddelde-duur", scope_2017())
    rapport = RAPPORTEN["gemiddelde-duur"]

    def niet_opnieuw(scope):
        raise AssertionError("recomputed although nothing changed")

    monkeypatch.setattr(type(rapport), "bereken", property(lambda self: niet_opnieuw), raising=False)
    assert _rijen("gemiddelde-duur", scope_2017()) == eerst


@pytest.mark.parametrize("schrijven", ["save", "queryset_update", "raw_sql_delete"])
def test_any_write_to_the_records_makes_the_stored_table_stale(kleine_gemeente, scope_2017, schrijven):
    assert _rijen("gemiddelde-duur", scope_2017())[IB][0] == 4
    t1 = Toewijzing.objects.get(ingangsdatum=D(2017, 1, 2))
    if schrijven == "save":
        t1.einddatum = None
        t1.save()
    elif schrijven == "queryset_update":  # no signals, no save(): only the trigger sees it
        Toewijzing.objects.filter(pk=t1.pk).update(einddatum=None)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Toewijzing._meta.db_table} WHERE id = %s", [t1.pk])
    assert _rijen("gemiddelde-duur", scope_2017())[IB][0] == 3
    assert RAPPORTEN["gemiddelde-duur"].bereken(scope_2017()).rijen == RAPPORTEN["gemiddelde-duur"].maak(
        scope_2017()
    ).rijen


def test_the_filters_and_the_area_are_part_of_the_key(kleine_gemeente, scope_2017):
    alle = _rijen("gemiddelde-duur", scope_2017())
    alleen_hh = _rijen("gemiddelde-duur", scope_2017(product=kleine_gemeente["hh"]))
    assert alle["Alle producten"][0] == 5 and alleen_hh["Alle producten"][0] == 1
    assert _rijen("gemiddelde-duur", scope_2017())["Alle producten"][0] == 5


def test_the_audit_log_does_not_make_the_stand_stale(kleine_gemeente):
    """Every read of personal data is logged; that must not throw away the dashboards' tables."""
    afdruk = stand.vingerafdruk()
    gebruiker = UserFactory(rol="consulent")
    voor = stand.vingerafdruk()
    assert "core_verwerking" not in stand.gevolgde_tabellen()
    assert Toewijzing._meta.db_table in stand.gevolgde_tabellen()
    assert afdruk == voor  # a user is no source of any table either
    client = Toewijzing.objects.first().beschikking.client
    log_verwerking(
        gebruiker, "inzien", activiteit="dossier", doel="test", object_type="client", betrokkene=client
    )
    assert Verwerking.objects.exists()
    assert stand.vingerafdruk() == voor


def test_stored_values_keep_their_types():
    waarde = [Decimal("1.50"), D(2017, 1, 1), [1, "a"], None, 3, 2.5, "tekst", True]
    terug = stand.uit_json(stand.naar_json(waarde))
    assert terug == waarde and [type(w) for w in terug] == [type(w) for w in waarde]


def test_bijwerken_computes_the_default_views_ahead_and_the_page_reads_them(client, kleine_gemeente, monkeypatch):
    call_command("report", bijwerken=True, jaar=[2017], stdout=open("/dev/null", "w"))  # noqa: SIM115
    # at least Rijswijk and Delft: each table once per area
    assert Stand.objects.filter(omschrijving__startswith="rapport:").count() >= 2 * len(RAPPORTEN)
    controller = UserFactory(rol="controller")
    controller.gemeenten.add(kleine_gemeente["gemeente"])
    client.force_login(controller)

    def niet_opnieuw(scope):
        raise AssertionError("the page recomputed a table that was computed ahead")

    monkeypatch.setattr(
        type(RAPPORTEN["gemiddelde-duur"]), "bereken", property(lambda self: niet_opnieuw), raising=False
    )
    antwoord = client.get(reverse("monitoring:dashboard", args=["doorstroom"]) + "?gebied=g:0603&jaar=2017")
    assert antwoord.status_code == 200
    assert "Gemiddelde duur beëindigde toewijzingen 01-01-2017" in antwoord.content.decode()


def test_every_model_the_tables_read_is_watched():
    """A table reading a model whose writes no trigger notes could be served stale: every model the
    monitoring modules import must be in a watched table (a new source app must join `BRON_APPS`)."""
    import importlib
    import pkgutil

    from django.db import models

    import openwmo.monitoring as monitoring

    gevolgd = set(stand.gevolgde_tabellen())
    gelezen = set()
    for module_info in pkgutil.walk_packages(monitoring.__path__, "openwmo.monitoring."):
        if ".migrations" in module_info.name or ".management" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for waarde in vars(module).values():
            if isinstance(waarde, type) and issubclass(waarde, models.Model) and waarde._meta.app_label != "monitoring":
                gelezen.add(waarde._meta.db_table)
    assert "toegang_toewijzing" in gelezen
    assert gelezen <= gevolgd, gelezen - gevolgd


def test_a_compacted_change_log_still_makes_the_stored_table_stale(kleine_gemeente, scope_2017, monkeypatch):
    monkeypatch.setattr(stand, "LOG_COMPACTEREN_VANAF", 1)
    assert _rijen("gemiddelde-duur", scope_2017())[IB][0] == 4
    for toewijzing in Toewijzing.objects.all():  # several statements: several log rows on PostgreSQL
        toewijzing.save()
    Toewijzing.objects.filter(ingangsdatum=D(2017, 1, 2)).update(einddatum=None)
    assert _rijen("gemiddelde-duur", scope_2017())[IB][0] == 3
