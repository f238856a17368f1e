"""Runs last in tests/fuzz (alphabetical): proves how many generated bad inputs the fuzz tests really ran."""

from .helpers import BEGROTING, MINIMUM_TOTAAL, TELLER


def test_de_fuzztests_draaiden_samen_minstens_10000_vijandige_invoeren():
    namen = {"inbox", "import", "api"}
    assert set(BEGROTING) == namen
    if not all(TELLER[naam] for naam in namen):
        # Only part of the fuzz suite was selected (e.g. `-k inbox`): check what ran against its own budget.
        assert all(TELLER[naam] >= BEGROTING[naam] for naam in TELLER), TELLER
        return
    assert all(TELLER[naam] >= BEGROTING[naam] for naam in namen), (TELLER, BEGROTING)
    assert sum(TELLER[naam] for naam in namen) >= MINIMUM_TOTAAL, TELLER
