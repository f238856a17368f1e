"""A 100,000-line batch: the known bad lines and only those are rejected; payments are exact."""

from decimal import Decimal

import pytest

from openwmo.declaraties.checks import (
    CREDIT,
    DEBET,
    EerdereIndex,
    TariefIndex,
    betaalbatch,
    check_declaratie,
)
from tests.declaraties.batch_maker import FOUTCODES, genereer_batch

AANTAL = 100_000


@pytest.fixture(scope="module")
def batch():
    return genereer_batch(AANTAL, seed=20240301)


@pytest.fixture(scope="module")
def eerste_ronde(batch):
    tarieven = TariefIndex(batch.tarieven)
    eerdere = EerdereIndex(batch.eerdere)
    return [check_declaratie(d, batch.toewijzingen, tarieven, eerdere) for d in batch.declaraties]


def test_batch_has_the_requested_size_and_every_kind_of_defect(batch):
    assert sum(len(d.prestaties) for d in batch.declaraties) == AANTAL
    assert len(batch.fouten) == 600
    assert set(batch.fouten.values()) == set(FOUTCODES)
    assert any(p.debet_credit == CREDIT for d in batch.declaraties for p in d.prestaties)


def test_exactly_the_bad_lines_are_rejected_with_their_code(batch, eerste_ronde):
    assert all(u.header_retourcodes == () for u in eerste_ronde)
    afgekeurd = {u.prestatie.referentienummer: u.retourcodes for uk in eerste_ronde for u in uk.afgekeurde}
    assert afgekeurd == {ref: (code,) for ref, code in batch.fouten.items()}


def test_payment_batch_matches_independent_sums(batch, eerste_ronde):
    betaling = betaalbatch(eerste_ronde)
    assert {agb: post.aantal_regels for agb, post in betaling.items()} == batch.verwacht_aantal
    assert {agb: post.bedrag for agb, post in betaling.items()} == batch.verwacht_bedrag
    totaal = sum((post.bedrag for post in betaling.values()), Decimal("0.00"))
    assert totaal == sum(batch.verwacht_bedrag.values())
    assert totaal.as_tuple().exponent == -2
    assert sum(post.aantal_regels for post in betaling.values()) == AANTAL - len(batch.fouten)
    assert sum((u.totaal_toegekend for u in eerste_ronde), Decimal("0.00")) == totaal


def test_checking_again_with_the_first_outcome_rejects_every_line(batch, eerste_ronde):
    eerdere = EerdereIndex(batch.eerdere)
    for uitkomst in eerste_ronde:
        eerdere.toevoegen(uitkomst.als_eerdere())
    tarieven = TariefIndex(batch.tarieven)
    tweede = [check_declaratie(d, batch.toewijzingen, tarieven, eerdere) for d in batch.declaraties]
    eerst_goed = {u.prestatie.referentienummer for uk in eerste_ronde for u in uk.goedgekeurde}
    for uitkomst in tweede:
        assert uitkomst.totaal_toegekend == Decimal("0.00")
        for u in uitkomst.prestaties:
            p = u.prestatie
            if p.referentienummer in batch.fouten and batch.fouten[p.referentienummer] == "9338":
                assert u.retourcodes == ("9338",)  # unlinked lines are not assessed further
                continue
            assert "8021" in u.retourcodes
            if p.referentienummer in eerst_goed:
                assert ("9389" if p.debet_credit == DEBET else "9390") in u.retourcodes
    betaling = betaalbatch(tweede)
    assert all(post.aantal_regels == 0 and post.bedrag == Decimal("0.00") for post in betaling.values())
