"""Allocations under a decision, transition rules, op-/afschalen, evaluation and the worklist signals."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openwmo.core.models import Verwerking
from openwmo.toegang.models import Evaluatie, Intensiteitswijziging, Toewijzing, ZrmMeting
from openwmo.toegang.selectors import signalen_voor
from openwmo.toegang.services import (
    aanvraag_create,
    beschikking_create,
    evaluatie_create,
    melding_create,
    overgangsregel_create,
    toewijzing_create,
    toewijzing_intensiteit_wijzigen,
    toewijzing_wijzigen,
)

from ..factories import AanbiederFactory, ContractFactory, ProductFactory, TariefFactory, UserFactory, zrm_scores

D = datetime.date


@pytest.fixture
def beschikking(consulent_rijswijk, client_rijswijk, plan_met_doel, tarief):
    return beschikking_create(
        user=consulent_rijswijk,
        client=client_rijswijk,
        gemeente=client_rijswijk.gemeente,
        besluitdatum=D(2016, 1, 28),
        ingangsdatum=D(2016, 2, 1),
        einddatum=D(2016, 12, 31),
        producten=[{"product": tarief.product, "volume": Decimal("3"), "eenheid": "04", "frequentie": "2"}],
    )


def _toewijzing(user, beschikking, tarief, **extra):
    bp = beschikking.producten.get()
    velden = {
        "beschikking": beschikking,
        "beschikt_product": bp,
        "client": beschikking.client,
        "gemeente": beschikking.gemeente,
        "product": bp.product,
        "aanbieder": tarief.contract.aanbieder,
        "ingangsdatum": D(2016, 2, 1),
        "einddatum": D(2016, 12, 31),
        "volume": Decimal("3"),
        "eenheid": "04",
        "frequentie": "2",
        **extra,
    }
    return toewijzing_create(user=user, **velden)


def test_allocation_under_the_decision_and_overlap_refusal(consulent_rijswijk, beschikking, tarief):
    eerste = _toewijzing(consulent_rijswijk, beschikking, tarief)
    with pytest.raises(ValidationError) as fout:
        _toewijzing(consulent_rijswijk, beschikking, tarief, ingangsdatum=D(2016, 6, 1))
    assert fout.value.message_dict["ingangsdatum"] == [
        f"Deze cliënt heeft al toewijzing {eerste.toewijzingsnummer} voor {tarief.product.naam} in deze periode; "
        "twee toewijzingen van hetzelfde product mogen niet overlappen."
    ]
    assert Toewijzing.objects.count() == 1


def test_allocation_to_a_provider_without_contract_or_tariff_shows_the_reason(consulent_rijswijk, beschikking, tarief):
    zonder_tarief = ContractFactory().aanbieder  # contract, but no tariff for this product
    with pytest.raises(ValidationError) as fout:
        _toewijzing(consulent_rijswijk, beschikking, tarief, aanbieder=zonder_tarief)
    assert fout.value.message_dict["aanbieder"] == [
        f"{zonder_tarief.naam} heeft op 01-02-2016 geen contract met een tarief voor {tarief.product.naam} in Rijswijk."
    ]
    with pytest.raises(ValidationError):
        _toewijzing(consulent_rijswijk, beschikking, tarief, aanbieder=AanbiederFactory())
    assert not Toewijzing.objects.exists()


def test_allocation_outside_the_granted_period_is_refused(consulent_rijswijk, beschikking, tarief):
    with pytest.raises(ValidationError) as fout:
        _toewijzing(consulent_rijswijk, beschikking, tarief, einddatum=D(2017, 3, 31))
    assert fout.value.message_dict["einddatum"] == [
        "De toewijzing moet binnen de toegekende periode 01-02-2016 t/m 31-12-2016 vallen."
    ]


def test_transition_rule_requires_a_recorded_approval_for_new_allocations(consulent_rijswijk, beschikking, tarief):
    lopend = _toewijzing(consulent_rijswijk, beschikking, tarief, einddatum=D(2016, 5, 31))
    overgangsregel_create(
        user=consulent_rijswijk, gemeente=beschikking.gemeente, product=tarief.product, datum=D(2016, 4, 1)
    )
    # The running decision keeps its allocation, and may still be changed until its end date.
    lopend.refresh_from_db()
    assert lopend.einddatum == D(2016, 5, 31)
    toewijzing_wijzigen(
        user=consulent_rijswijk,
        toewijzing=lopend,
        ingangsdatum=D(2016, 5, 1),
        reden_wijziging="05",
        volume=Decimal("2"),
    )
    with pytest.raises(ValidationError) as fout:
        _toewijzing(consulent_rijswijk, beschikking, tarief, ingangsdatum=D(2016, 6, 1))
    assert fout.value.message_dict["overgang_goedkeuring"] == [
        f"Voor {tarief.product.naam} geldt in Rijswijk een overgangsregel: vanaf 01-04-2016 mag dit product "
        "alleen nieuw worden toegewezen met een vastgelegde goedkeuring."
    ]
    nieuw = _toewijzing(
        consulent_rijswijk, beschikking, tarief, ingangsdatum=D(2016, 6, 1), overgang_goedkeuring="Akkoord teamleider"
    )
    assert (nieuw.overgang_goedkeuring, nieuw.overgang_goedgekeurd_door) == ("Akkoord teamleider", consulent_rijswijk)


def _arrangement_toewijzing(user, client, plan):
    product = ProductFactory(
        productcategorie="10", productcode="10A01", naam="Arrangement kort herstel", eenheid="82", frequentie="4"
    )
    tarief = TariefFactory(product=product, bedrag=Decimal("450.00"))
    beschikking = beschikking_create(
        user=user,
        client=client,
        gemeente=client.gemeente,
        besluitdatum=D(2016, 1, 28),
        ingangsdatum=D(2016, 2, 1),
        einddatum=D(2016, 12, 31),
        producten=[{"product": product, "volume": Decimal("1"), "eenheid": "82", "frequentie": "4"}],
    )
    return _toewijzing(
        user,
        beschikking,
        tarief,
        volume=Decimal("1"),
        eenheid="82",
        frequentie="4",
        uitvoeringsvariant="outputgericht",
        intensiteit_uren_per_week=Decimal("4"),
    )


def test_op_en_afschalen_within_an_arrangement_keeps_history(consulent_rijswijk, client_rijswijk, plan_met_doel):
    toewijzing = _arrangement_toewijzing(consulent_rijswijk, client_rijswijk, plan_met_doel)
    toewijzing_intensiteit_wijzigen(
        user=consulent_rijswijk,
        toewijzing=toewijzing,
        ingangsdatum=D(2016, 4, 1),
        uren_per_week=Decimal("6"),
        reden="Terugval na ziekenhuisopname",
    )
    toewijzing_intensiteit_wijzigen(
        user=consulent_rijswijk,
        toewijzing=toewijzing,
        ingangsdatum=D(2016, 7, 1),
        uren_per_week=Decimal("2"),
        reden="Gaat goed",
    )
    toewijzing.refresh_from_db()
    assert toewijzing.intensiteit_uren_per_week == Decimal("2")
    assert [
        (w.van_uren_per_week, w.naar_uren_per_week, str(w.richting)) for w in toewijzing.intensiteitswijzigingen.all()
    ] == [(Decimal("4"), Decimal("6"), "opschalen"), (Decimal("6"), Decimal("2"), "afschalen")]
    assert Toewijzing.objects.count() == 1  # no new decision, no new allocation
    with pytest.raises(ValidationError) as fout:
        toewijzing_intensiteit_wijzigen(
            user=consulent_rijswijk, toewijzing=toewijzing, ingangsdatum=D(2017, 1, 5), uren_per_week=1, reden="x"
        )
    assert fout.value.message_dict["ingangsdatum"] == ["De ingangsdatum valt buiten de looptijd van de toewijzing."]


def test_op_en_afschalen_outside_an_arrangement_is_refused(consulent_rijswijk, beschikking, tarief):
    toewijzing = _toewijzing(consulent_rijswijk, beschikking, tarief)
    with pytest.raises(ValidationError) as fout:
        toewijzing_intensiteit_wijzigen(
            user=consulent_rijswijk, toewijzing=toewijzing, ingangsdatum=D(2016, 4, 1), uren_per_week=6, reden="x"
        )
    assert "alleen binnen een arrangement" in fout.value.message_dict["naar_uren_per_week"][0]
    assert not Intensiteitswijziging.objects.exists()


def _evalueer(user, plan, toewijzing=None, **extra):
    velden = {
        "plan": plan,
        "datum": D(2016, 11, 1),
        "uitkomsten": {d: "deels" for d in plan.doelen.all()},
        "zrm_scores": zrm_scores(4),
        "tevredenheid": 8,
        "vervolgstap": "afschalen",
        "vervolgstap_datum": D(2017, 1, 1),
        "toewijzing": toewijzing,
        "volgende_evaluatiedatum": D(2017, 5, 1),
    }
    velden.update(extra)
    return evaluatie_create(user=user, **velden)


def test_evaluation_records_goals_zrm_satisfaction_and_next_step(
    consulent_rijswijk, beschikking, tarief, plan_met_doel
):
    toewijzing = _toewijzing(consulent_rijswijk, beschikking, tarief)
    evaluatie = _evalueer(consulent_rijswijk, plan_met_doel, toewijzing)
    assert [d.get_uitkomst_display() for d in evaluatie.doelen.all()] == ["Deels behaald"]
    assert evaluatie.zrm_meting.gemiddelde == 4
    assert ZrmMeting.objects.filter(client=plan_met_doel.client).count() == 1
    plan_met_doel.refresh_from_db()
    assert plan_met_doel.evaluatiedatum == D(2017, 5, 1)
    assert Verwerking.objects.filter(object_type="Evaluatie", actie="aanmaken").count() == 1


def test_evaluation_without_an_outcome_for_every_goal_is_refused(consulent_rijswijk, plan_met_doel):
    with pytest.raises(ValidationError) as fout:
        _evalueer(consulent_rijswijk, plan_met_doel, uitkomsten={})
    assert fout.value.message_dict["uitkomsten"] == [
        "Geef voor elk doel aan of het behaald, deels behaald of niet behaald is: Zelf de post en rekeningen bijhouden."
    ]
    with pytest.raises(ValidationError) as fout:
        _evalueer(consulent_rijswijk, plan_met_doel, tevredenheid=11)
    assert "tevredenheid" in fout.value.message_dict
    assert not Evaluatie.objects.exists() and not ZrmMeting.objects.exists()


# --- Signals -----------------------------------------------------------------------------------------------------


def _soorten(user, vandaag, **kwargs):
    return [(s.soort, s.uiterlijk, s.status.value) for s in signalen_voor(user, vandaag, **kwargs)]


def test_worklist_signals_investigation_and_decision_deadlines(consulent_rijswijk, client_rijswijk):
    melding_create(
        user=consulent_rijswijk, client=client_rijswijk, meldingsdatum=D(2016, 1, 4), kanaal="loket", vraag="x"
    )
    aanvraag_create(user=consulent_rijswijk, client=client_rijswijk, aanvraagdatum=D(2016, 2, 1), omschrijving="y")
    assert _soorten(consulent_rijswijk, D(2016, 2, 7)) == []
    assert _soorten(consulent_rijswijk, D(2016, 2, 8)) == [
        ("beschikking", D(2016, 2, 15), "nadert"),
        ("onderzoek", D(2016, 2, 15), "nadert"),
    ]
    assert _soorten(consulent_rijswijk, D(2016, 2, 16)) == [
        ("beschikking", D(2016, 2, 15), "verlopen"),
        ("onderzoek", D(2016, 2, 15), "verlopen"),
    ]


def test_an_aanvraag_on_the_melding_closes_the_investigation_signal(consulent_rijswijk, client_rijswijk):
    melding = melding_create(
        user=consulent_rijswijk, client=client_rijswijk, meldingsdatum=D(2016, 1, 4), kanaal="loket", vraag="x"
    )
    assert [s[0] for s in _soorten(consulent_rijswijk, D(2016, 2, 16))] == ["onderzoek"]
    aanvraag_create(
        user=consulent_rijswijk, client=client_rijswijk, melding=melding, aanvraagdatum=D(2016, 2, 10), omschrijving="y"
    )
    assert [s[0] for s in _soorten(consulent_rijswijk, D(2016, 2, 16))] == []


def test_worklist_signals_allocations_ending_without_next_step_and_evaluations(
    consulent_rijswijk, beschikking, tarief, plan_met_doel
):
    toewijzing = _toewijzing(consulent_rijswijk, beschikking, tarief)  # ends 31-12-2016: next step by 30-11
    plan_met_doel.evaluatiedatum = D(2016, 11, 1)
    plan_met_doel.save()
    assert _soorten(consulent_rijswijk, D(2016, 10, 24)) == []
    assert _soorten(consulent_rijswijk, D(2016, 10, 25)) == [("evaluatie", D(2016, 11, 1), "nadert")]
    assert _soorten(consulent_rijswijk, D(2016, 11, 23)) == [
        ("evaluatie", D(2016, 11, 1), "verlopen"),
        ("vervolgstap", D(2016, 11, 30), "nadert"),
    ]
    assert _soorten(consulent_rijswijk, D(2016, 12, 5))[-1] == ("vervolgstap", D(2016, 11, 30), "verlopen")
    _evalueer(consulent_rijswijk, plan_met_doel, toewijzing)  # decides the next step, plans the next evaluation
    assert _soorten(consulent_rijswijk, D(2016, 12, 5)) == []


def test_worklist_is_scoped_and_can_show_only_own_clients(consulent_rijswijk, client_rijswijk, rijswijk, delft):
    melding_create(
        user=consulent_rijswijk, client=client_rijswijk, meldingsdatum=D(2016, 1, 4), kanaal="loket", vraag="x"
    )
    collega = UserFactory(rol="consulent", gemeenten=[rijswijk])
    assert len(signalen_voor(collega, D(2016, 3, 1))) == 1
    assert signalen_voor(collega, D(2016, 3, 1), alleen_eigen=True) == []
    assert signalen_voor(UserFactory(rol="consulent", gemeenten=[delft]), D(2016, 3, 1)) == []
    assert signalen_voor(UserFactory(rol="controller", gemeenten=[rijswijk]), D(2016, 3, 1)) == []
