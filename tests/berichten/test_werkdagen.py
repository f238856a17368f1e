from datetime import date

import pytest

from openwmo.berichten.werkdagen import feestdagen, is_werkdag, pasen, werkdagen_na, werkdagen_tussen


@pytest.mark.parametrize(
    "jaar, paasdag",
    [
        (2016, date(2016, 3, 27)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_pasen(jaar, paasdag):
    assert pasen(jaar) == paasdag


def test_feestdagen_2025():
    assert feestdagen(2025) == {
        date(2025, 1, 1), date(2025, 4, 21), date(2025, 4, 26), date(2025, 5, 5), date(2025, 5, 29),
        date(2025, 6, 9), date(2025, 12, 25), date(2025, 12, 26),
    }  # fmt: skip


def test_koningsdag_op_zondag_wordt_zaterdag_en_bevrijdingsdag_alleen_in_lustrumjaren():
    assert date(2014, 4, 26) in feestdagen(2014)  # 27 April 2014 was a Sunday
    assert date(2016, 5, 5) in feestdagen(2016)  # Hemelvaartsdag that year, not Bevrijdingsdag
    assert date(2024, 5, 5) not in feestdagen(2024) and date(2020, 5, 5) in feestdagen(2020)
    assert is_werkdag(date(2024, 5, 6)) and not is_werkdag(date(2020, 5, 5))


def test_werkdagen_na_slaat_weekend_en_feestdagen_over():
    assert werkdagen_na(date(2025, 4, 17), 3) == date(2025, 4, 23)  # Goede Vrijdag counts; weekend and 2e Paasdag not
    assert werkdagen_na(date(2024, 12, 23), 3) == date(2024, 12, 30)
    assert werkdagen_na(date(2024, 3, 1), 0) == date(2024, 3, 1)
    assert werkdagen_tussen(date(2024, 12, 23), date(2024, 12, 30)) == 3
    with pytest.raises(ValueError):
        werkdagen_na(date(2024, 3, 1), -1)
