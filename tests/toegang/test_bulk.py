"""toegang_bulk_opslaan: many records at once under the rules of the single-record services; all or nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.core.models import Nummerreeks, Verwerking
from openwmo.toegang.models import Aanvraag, Beschikking, Evaluatie, Melding, Onderzoek, Toewijzing
from openwmo.toegang.services import toegang_bulk_evaluaties, toegang_bulk_opslaan, toewijzing_create

from ..factories import (
    ClientFactory,
    ResultaatgebiedFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
    zrm_scores,
)

D = datetime.date


@pytest.fixture
def tarief(rijswijk):
    return TariefFactory(ingangsdatum=D(2015, 1, 1))


def _batch(client, tarief, n=1, **toewijzing):
    """n clients' melding → aanvraag → beschikking → toewijzing, as rows."""
    meldingen, aanvragen, beschikkingen, toewijzingen = [], [], [], []
    for i in range(n):
        c = client if i == 0 else ClientFactory(gemeente=client.gemeente)
        meldingen.append(
            {"client": c.pk, "gemeente": c.gemeente_id, "meldingsdatum": D(2016, 1, 2), "kanaal": "telefoon",
             "vraag": "Redt het huishouden niet meer"}
        )  # fmt: skip
        aanvragen.append(
            {"client": c.pk, "gemeente": c.gemeente_id, "melding": i, "aanvraagdatum": D(2016, 1, 5),
             "omschrijving": "Hulp bij het huishouden"}
        )  # fmt: skip
        beschikkingen.append(
            {"beschikkingsnummer": str(700000 + i), "client": c.pk, "gemeente": c.gemeente_id, "aanvraag": i,
             "besluitdatum": D(2016, 1, 20), "ingangsdatum": D(2016, 2, 1), "einddatum": D(2016, 12, 31)}
        )  # fmt: skip
        toewijzingen.append(
            {"toewijzingsnummer": str(800000 + i), "beschikking": i, "client": c.pk, "gemeente": c.gemeente_id,
             "product": tarief.product_id, "aanbieder": tarief.contract.aanbieder_id, "ingangsdatum": D(2016, 2, 1),
             "einddatum": D(2016, 12, 31), "volume": Decimal("3"), "eenheid": "04", "frequentie": "2", **toewijzing}
        )  # fmt: skip
    return dict(meldingen=meldingen, aanvragen=aanvragen, beschikkingen=beschikkingen, toewijzingen=toewijzingen)


def _niets_geschreven():
    assert not Melding.objects.exists() and not Aanvraag.objects.exists()
    assert not Beschikking.objects.exists() and not Toewijzing.objects.exists()


def test_a_batch_is_stored_linked_numbered_and_logged(consulent_rijswijk, client_rijswijk, tarief):
    resultaat = toegang_bulk_opslaan(user=consulent_rijswijk, **_batch(client_rijswijk, tarief, n=3))

    assert len(resultaat.toewijzingen) == 3 and Toewijzing.objects.count() == 3
    t = Toewijzing.objects.select_related("beschikking__aanvraag__melding").get(pk=resultaat.toewijzingen[0])
    assert t.client == client_rijswijk and t.beschikking.aanvraag.melding.client == client_rijswijk
    assert t.beschikking.besluit == "toegekend" and t.aangemaakt_op is not None and t.volume == Decimal("3")
    assert Verwerking.objects.filter(object_type="Toewijzing", omschrijving__startswith="3 ").count() == 1
    # the next allocation through the single-record service gets a number after the batch's
    assert Nummerreeks.objects.get(soort="toewijzing").laatste == 800002
    volgende = toewijzing_create(
        user=consulent_rijswijk, client=client_rijswijk, gemeente=client_rijswijk.gemeente, product=tarief.product,
        aanbieder=tarief.contract.aanbieder, ingangsdatum=D(2017, 2, 1), einddatum=D(2017, 3, 1), volume=2,
        eenheid="04", frequentie="2",
    )  # fmt: skip
    assert int(volgende.toewijzingsnummer) > 800002


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        ({"einddatum": None}, "toewijzingen[0] einddatum: Bij een volume per week is een einddatum verplicht"),
        ({"eenheid": "99"}, "toewijzingen[0] eenheid: "),
        ({"ingangsdatum": D(2014, 6, 1)}, "toewijzingen[0] aanbieder: "),  # no contract on that day
        ({"volume": None}, "toewijzingen[0] volume: Vul volume, eenheid en frequentie in"),
        ({"budget": Decimal("500")}, "toewijzingen[0] budget: Een toewijzing heeft een budget of een volume"),
        (
            {"eenheid": "16", "frequentie": "1", "einddatum": D(2021, 1, 31)},
            "toewijzingen[0] frequentie: Etmalen, dagdelen",
        ),
    ],
)
def test_a_bad_allocation_refuses_the_whole_batch_with_the_services_message(
    consulent_rijswijk, client_rijswijk, tarief, wijziging, verwacht
):
    batch = _batch(client_rijswijk, tarief, n=2)
    batch["toewijzingen"][0].update(wijziging)
    with pytest.raises(ValidationError) as fout:
        toegang_bulk_opslaan(user=consulent_rijswijk, **batch)
    assert any(m.startswith(verwacht) for m in fout.value.messages), fout.value.messages
    _niets_geschreven()


def test_contract_rule_can_be_skipped_only_per_row_for_migrated_history(consulent_rijswijk, client_rijswijk, tarief):
    batch = _batch(client_rijswijk, tarief, ingangsdatum=D(2014, 6, 1), zonder_contractcontrole=True)
    batch["beschikkingen"][0]["ingangsdatum"] = D(2014, 6, 1)
    batch["beschikkingen"][0]["besluitdatum"] = D(2016, 1, 20)
    toegang_bulk_opslaan(user=consulent_rijswijk, **batch)
    assert Toewijzing.objects.get().ingangsdatum == D(2014, 6, 1)


def test_overlap_in_the_batch_and_with_stored_allocations_is_refused(consulent_rijswijk, client_rijswijk, tarief):
    batch = _batch(client_rijswijk, tarief, n=2)
    tweede = dict(batch["toewijzingen"][0], toewijzingsnummer="800099", ingangsdatum=D(2016, 12, 1), einddatum=None)
    batch["toewijzingen"].append(dict(tweede, frequentie="4"))
    with pytest.raises(ValidationError) as fout:
        toegang_bulk_opslaan(user=consulent_rijswijk, **batch)
    verwacht = "toewijzingen[2] ingangsdatum: Deze cliënt heeft al toewijzing 800000"
    assert any(m.startswith(verwacht) for m in fout.value.messages)
    _niets_geschreven()

    bestaand = ToewijzingFactory(
        client=client_rijswijk, product=tarief.product, aanbieder=tarief.contract.aanbieder,
        ingangsdatum=D(2016, 6, 1), einddatum=D(2017, 6, 1), beschikking=None,
    )  # fmt: skip
    with pytest.raises(ValidationError) as fout:
        toegang_bulk_opslaan(user=consulent_rijswijk, **_batch(client_rijswijk, tarief))
    assert f"toewijzing {bestaand.toewijzingsnummer} voor" in fout.value.messages[0]


def test_chain_rules_of_the_single_services(consulent_rijswijk, client_rijswijk, tarief):
    batch = _batch(client_rijswijk, tarief, n=2)
    batch["aanvragen"][1]["melding"] = 0  # another client's melding
    batch["beschikkingen"][1]["aanvraag"] = 0  # decided twice, and another client's aanvraag
    batch["beschikkingen"][0]["besluitdatum"] = D(2016, 1, 1)  # before the aanvraag
    batch["beschikkingen"][1]["beschikkingsnummer"] = "700000"  # number used twice
    with pytest.raises(ValidationError) as fout:
        toegang_bulk_opslaan(user=consulent_rijswijk, **batch)
    meldingen = fout.value.messages
    for verwacht in (
        "aanvragen[1] melding: Deze melding hoort bij een andere cliënt.",
        "beschikkingen[1] aanvraag: Deze aanvraag hoort bij een andere cliënt.",
        "beschikkingen[1] aanvraag: Op deze aanvraag is al beslist.",
        "beschikkingen[0] besluitdatum: De besluitdatum ligt vóór de aanvraagdatum.",
        "beschikkingen[1] beschikkingsnummer: Het nummer 700000 is al in gebruik.",
    ):
        assert verwacht in meldingen, meldingen
    _niets_geschreven()


def test_only_users_of_the_municipality_may_store(client_rijswijk, tarief, delft):
    vreemde = UserFactory(username="consulent-delft", rol="consulent", gemeenten=[delft])
    with pytest.raises(PermissionDenied):
        toegang_bulk_opslaan(user=vreemde, **_batch(client_rijswijk, tarief))
    _niets_geschreven()


def _evaluatie_batch(client, toewijzing_pk, melding_pk, gebied):
    rijen = dict(
        onderzoeken=[
            {"melding": melding_pk, "client": client.pk, "gemeente": client.gemeente_id, "datum": D(2016, 1, 10),
             "deelnemers": "cliënt", "verslag": "Keukentafelgesprek", "zrm_scores": zrm_scores(2)}
        ],
        plannen=[{"client": client.pk, "gemeente": client.gemeente_id, "ingangsdatum": D(2016, 1, 10),
                  "status": "actief"}],
        doelen=[{"plan": 0, "resultaatgebied": gebied.pk, "omschrijving": "Zelf boodschappen doen"}],
        evaluaties=[
            {"plan": 0, "client": client.pk, "gemeente": client.gemeente_id, "toewijzing": toewijzing_pk,
             "datum": D(2016, 7, 1), "zrm_scores": zrm_scores(3), "tevredenheid": 8, "vervolgstap": "voortzetten",
             "vervolgstap_datum": D(2016, 7, 2), "uitkomsten": {0: "behaald"}}
        ],
    )  # fmt: skip
    return rijen


def test_evaluations_in_bulk_with_zrm_goals_and_outcomes(consulent_rijswijk, client_rijswijk, tarief):
    opgeslagen = toegang_bulk_opslaan(user=consulent_rijswijk, **_batch(client_rijswijk, tarief))
    gebied = ResultaatgebiedFactory()
    rijen = _evaluatie_batch(client_rijswijk, opgeslagen.toewijzingen[0], opgeslagen.meldingen[0], gebied)

    resultaat = toegang_bulk_evaluaties(user=consulent_rijswijk, **rijen)

    evaluatie = Evaluatie.objects.get(pk=resultaat.evaluaties[0])
    assert evaluatie.zrm_meting.scores.count() == 13 and evaluatie.plan.doelen.get().resultaatgebied == gebied
    assert evaluatie.doelen.get().uitkomst == "behaald"
    assert Onderzoek.objects.get().zrm.scores.filter(score=2).count() == 13

    # a second active plan in the household is refused (1 gezin, 1 plan), as plan_create does; nothing is written
    tweede = _evaluatie_batch(client_rijswijk, opgeslagen.toewijzingen[0], opgeslagen.meldingen[0], gebied)
    tweede["onderzoeken"][0]["zrm_scores"] = {"financien": 3}
    with pytest.raises(ValidationError) as fout:
        toegang_bulk_evaluaties(user=consulent_rijswijk, **tweede)
    assert any(m.startswith("plannen[0] huishouden: ") for m in fout.value.messages)
    assert any(m.startswith("onderzoeken[0] zrm: Geef voor elk van de 13 domeinen") for m in fout.value.messages)
    assert Evaluatie.objects.count() == 1 and Onderzoek.objects.count() == 1
