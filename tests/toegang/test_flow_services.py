"""The access flow's services: each rule, each refusal with the message a user sees, nothing half-written."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openwmo.core.models import Client, Huishouden, Verwerking
from openwmo.toegang.models import (
    Beschikking,
    BeschiktProduct,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    ZrmMeting,
)
from openwmo.toegang.services import (
    aanvraag_create,
    beschikking_create,
    doel_create,
    melding_create,
    melding_nieuwe_client_create,
    onderzoek_create,
    plan_afsluiten,
    plan_create,
)

from ..factories import ClientFactory, MeldingFactory, ResultaatgebiedFactory, UserFactory, geldig_bsn, zrm_scores

D = datetime.date


def _log(actie, object_type):
    return Verwerking.objects.filter(actie=actie, object_type=object_type)


# --- Melding & onderzoek -----------------------------------------------------------------------------------------


def test_melding_for_a_known_client_starts_the_six_week_period(consulent_rijswijk, client_rijswijk):
    melding = melding_create(
        user=consulent_rijswijk, client=client_rijswijk, meldingsdatum=D(2016, 1, 4), kanaal="telefoon", vraag="Hulp"
    )
    assert melding.onderzoek_uiterlijk == D(2016, 2, 15)
    assert melding.consulent == consulent_rijswijk
    assert _log("aanmaken", "Melding").get().betrokkene == client_rijswijk


def test_melding_for_a_new_client_registers_both_or_neither(consulent_rijswijk, rijswijk):
    velden = {"bsn": geldig_bsn(), "achternaam": "Nieuw", "geboortedatum": D(1940, 1, 1), "gemeente": rijswijk}
    melding = melding_nieuwe_client_create(
        user=consulent_rijswijk, client_velden=velden, meldingsdatum=D(2016, 1, 4), kanaal="loket", vraag="Hulp"
    )
    assert melding.client.achternaam == "Nieuw"
    with pytest.raises(ValidationError) as fout:
        melding_nieuwe_client_create(
            user=consulent_rijswijk,
            client_velden={**velden, "bsn": geldig_bsn(), "achternaam": "Half"},
            meldingsdatum=D(2016, 1, 4),
            kanaal="duif",
            vraag="Hulp",
        )
    assert "kanaal" in fout.value.message_dict
    assert not Client.objects.filter(achternaam="Half").exists()


def test_onderzoek_stores_a_dated_zrm_measurement_of_13_domains(consulent_rijswijk, client_rijswijk):
    melding = MeldingFactory(client=client_rijswijk)
    onderzoek = onderzoek_create(
        user=consulent_rijswijk,
        melding=melding,
        datum=D(2016, 1, 20),
        deelnemers="Cliënt, dochter, consulent",
        verslag="Keukentafelgesprek",
        zrm_scores=zrm_scores(3, financien=1, justitie=5),
    )
    meting = onderzoek.zrm
    assert meting.meetdatum == D(2016, 1, 20)
    assert meting.scores.count() == 13
    assert meting.scores_per_domein()["financien"] == 1
    assert _log("aanmaken", "Onderzoek").count() == 1


@pytest.mark.parametrize(
    ("scores", "bericht"),
    [
        ({k: v for k, v in zrm_scores().items() if k != "justitie"}, "ontbreekt: Justitie"),
        (zrm_scores(financien=6), "De score voor Financiën moet 1 tot en met 5 zijn."),
        (zrm_scores(financien=0), "De score voor Financiën moet 1 tot en met 5 zijn."),
    ],
)
def test_incomplete_or_out_of_range_zrm_is_refused_and_nothing_is_written(
    consulent_rijswijk, client_rijswijk, scores, bericht
):
    melding = MeldingFactory(client=client_rijswijk)
    with pytest.raises(ValidationError) as fout:
        onderzoek_create(
            user=consulent_rijswijk,
            melding=melding,
            datum=D(2016, 1, 20),
            deelnemers="x",
            verslag="y",
            zrm_scores=scores,
        )
    assert bericht in fout.value.message_dict["zrm"][0]
    assert not Onderzoek.objects.exists() and not ZrmMeting.objects.exists()


def test_onderzoek_before_the_melding_is_refused(consulent_rijswijk, client_rijswijk):
    melding = MeldingFactory(client=client_rijswijk, meldingsdatum=D(2016, 1, 4))
    with pytest.raises(ValidationError) as fout:
        onderzoek_create(
            user=consulent_rijswijk,
            melding=melding,
            datum=D(2016, 1, 3),
            deelnemers="x",
            verslag="y",
            zrm_scores=zrm_scores(),
        )
    assert fout.value.message_dict["datum"] == ["Het gesprek kan niet vóór de meldingsdatum plaatsvinden."]


def test_other_roles_and_other_municipalities_cannot_register(client_rijswijk, rijswijk, delft):
    for user in (UserFactory(rol="controller", gemeenten=[rijswijk]), UserFactory(rol="consulent", gemeenten=[delft])):
        with pytest.raises(PermissionDenied):
            melding_create(user=user, client=client_rijswijk, meldingsdatum=D(2016, 1, 4), kanaal="loket", vraag="x")
    assert not Melding.objects.exists()


# --- Plan & goals ------------------------------------------------------------------------------------------------


def test_household_plan_has_goals_with_the_four_contributions(plan_met_doel):
    doel = plan_met_doel.doelen.get()
    assert doel.resultaatgebied.code == "RG1"
    assert (
        doel.bijdrage_client,
        doel.bijdrage_netwerk,
        doel.bijdrage_algemene_voorziening,
        doel.bijdrage_maatwerk,
    ) == (
        "Opent de post dagelijks",
        "Dochter helpt één keer per week",
        "Formulierenbrigade",
        "Begeleiding individueel",
    )
    assert _log("aanmaken", "Doel").count() == 1


def test_second_active_plan_for_the_same_household_is_refused(consulent_rijswijk, rijswijk):
    gezin = Huishouden.objects.create(gemeente=rijswijk, omschrijving="Gezin De Boer")
    moeder = ClientFactory(gemeente=rijswijk, huishouden=gezin)
    zoon = ClientFactory(gemeente=rijswijk, huishouden=gezin)
    plan = plan_create(user=consulent_rijswijk, client=moeder, ingangsdatum=D(2016, 1, 1), voor_huishouden=True)
    assert plan.huishouden == gezin and plan.regisseur == consulent_rijswijk
    with pytest.raises(ValidationError) as fout:
        plan_create(user=consulent_rijswijk, client=zoon, ingangsdatum=D(2016, 2, 1), voor_huishouden=True)
    assert fout.value.message_dict["huishouden"] == [
        "Dit huishouden heeft al een actief ondersteuningsplan (sinds 01-01-2016): 1 gezin, 1 plan, 1 regisseur. "
        "Voeg doelen toe aan dat plan of sluit het eerst af."
    ]
    assert Ondersteuningsplan.objects.count() == 1
    plan_afsluiten(user=consulent_rijswijk, plan=plan)
    plan_create(user=consulent_rijswijk, client=zoon, ingangsdatum=D(2016, 2, 1), voor_huishouden=True)
    assert Ondersteuningsplan.objects.filter(status="actief").count() == 1


def test_goal_on_a_closed_plan_is_refused(consulent_rijswijk, plan_met_doel):
    plan_afsluiten(user=consulent_rijswijk, plan=plan_met_doel)
    with pytest.raises(ValidationError) as fout:
        doel_create(
            user=consulent_rijswijk, plan=plan_met_doel, resultaatgebied=ResultaatgebiedFactory(), omschrijving="x"
        )
    assert fout.value.message_dict["plan"] == ["Aan een afgesloten plan kunnen geen doelen worden toegevoegd."]


# --- Aanvraag & beschikking --------------------------------------------------------------------------------------


def _aanvraag(user, client):
    return aanvraag_create(user=user, client=client, aanvraagdatum=D(2016, 1, 20), omschrijving="Begeleiding")


def test_application_is_due_for_decision_in_two_weeks(consulent_rijswijk, client_rijswijk):
    assert _aanvraag(consulent_rijswijk, client_rijswijk).beschikking_uiterlijk == D(2016, 2, 3)


def test_grant_without_a_goal_is_refused(consulent_rijswijk, client_rijswijk, tarief):
    aanvraag = _aanvraag(consulent_rijswijk, client_rijswijk)
    with pytest.raises(ValidationError) as fout:
        beschikking_create(
            user=consulent_rijswijk,
            client=client_rijswijk,
            gemeente=client_rijswijk.gemeente,
            aanvraag=aanvraag,
            besluitdatum=D(2016, 1, 28),
            ingangsdatum=D(2016, 2, 1),
            einddatum=D(2016, 12, 31),
            producten=[{"product": tarief.product, "volume": Decimal("3"), "eenheid": "04", "frequentie": "2"}],
        )
    assert fout.value.message_dict["besluit"] == [
        "Een toekenning heeft minstens één doel in het actieve ondersteuningsplan van de cliënt nodig; "
        "leg eerst het plan en een doel vast."
    ]
    assert not Beschikking.objects.exists()


def test_grant_records_product_arrangement_and_trajectory(
    consulent_rijswijk, client_rijswijk, plan_met_doel, referentie
):
    from openwmo.catalogus.models import Arrangement, Product, Trajecttype

    aanvraag = _aanvraag(consulent_rijswijk, client_rijswijk)
    beschikking = beschikking_create(
        user=consulent_rijswijk,
        client=client_rijswijk,
        gemeente=client_rijswijk.gemeente,
        aanvraag=aanvraag,
        besluitdatum=D(2016, 1, 28),
        ingangsdatum=D(2016, 2, 1),
        einddatum=D(2017, 1, 31),
        motivering="Nodig",
        producten=[
            {
                "product": Product.objects.get(productcode="02A01"),
                "volume": Decimal("3"),
                "eenheid": "04",
                "frequentie": "2",
                "einddatum": D(2016, 12, 31),
            },
            {"arrangement": Arrangement.objects.get(code="KH"), "einddatum": D(2016, 7, 31)},
            {"trajecttype": Trajecttype.objects.get(code="BI-M-12")},
        ],
    )
    inspanning, arrangement, traject = beschikking.producten.all()
    assert inspanning.omschrijving.startswith("Begeleiding individueel")
    assert (arrangement.product.productcode, arrangement.uitvoeringsvariant) == ("10A01", "outputgericht")
    assert "vast bedrag per 4 weken" in arrangement.omschrijving
    assert (traject.product.productcode, traject.ingangsdatum, traject.einddatum) == (
        "02A01",
        D(2016, 2, 1),
        D(2017, 1, 31),
    )
    assert "4 uur per week, 12 maanden" in traject.omschrijving
    assert _log("aanmaken", "Beschikking").count() == 1


def test_refusal_needs_reasons_and_grants_nothing(consulent_rijswijk, client_rijswijk):
    aanvraag = _aanvraag(consulent_rijswijk, client_rijswijk)
    velden = {
        "client": client_rijswijk,
        "gemeente": client_rijswijk.gemeente,
        "aanvraag": aanvraag,
        "besluitdatum": D(2016, 1, 28),
        "ingangsdatum": D(2016, 1, 28),
        "besluit": "afgewezen",
    }
    with pytest.raises(ValidationError) as fout:
        beschikking_create(user=consulent_rijswijk, **velden)
    assert fout.value.message_dict["motivering"] == ["Geef de redenen van de afwijzing."]
    beschikking = beschikking_create(user=consulent_rijswijk, motivering="Algemene voorziening volstaat", **velden)
    assert beschikking.besluit == "afgewezen" and not BeschiktProduct.objects.exists()
    with pytest.raises(ValidationError) as fout:
        beschikking_create(user=consulent_rijswijk, motivering="nogmaals", **velden)
    assert fout.value.message_dict["aanvraag"] == ["Op deze aanvraag is al beslist."]


def test_granted_product_outside_the_decision_period_leaves_nothing(
    consulent_rijswijk, client_rijswijk, plan_met_doel, tarief
):
    with pytest.raises(ValidationError) as fout:
        beschikking_create(
            user=consulent_rijswijk,
            client=client_rijswijk,
            gemeente=client_rijswijk.gemeente,
            besluitdatum=D(2016, 1, 28),
            ingangsdatum=D(2016, 2, 1),
            einddatum=D(2016, 6, 30),
            producten=[
                {
                    "product": tarief.product,
                    "volume": Decimal("3"),
                    "eenheid": "04",
                    "frequentie": "2",
                    "einddatum": D(2016, 12, 31),
                }
            ],
        )
    assert fout.value.message_dict["einddatum"] == ["Het product loopt door na de einddatum van de beschikking."]
    assert not Beschikking.objects.exists()
