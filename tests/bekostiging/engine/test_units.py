from decimal import Decimal

import pytest

from openwmo.bekostiging.engine.units import (
    Eenheid,
    Frequentie,
    convert_volume,
    eenheid,
    frequentie,
    is_time_unit,
    minutes_per,
)


def test_time_units_in_minutes():
    assert minutes_per("01") == 1
    assert minutes_per(Eenheid.UUR) == 60
    assert minutes_per("16") == 240  # dagdeel = 4 hours
    assert minutes_per("14") == 1440  # etmaal = 24 hours


def test_conversions():
    assert convert_volume(2, "16", "01") == 480  # 2 dagdelen = 480 minutes
    assert convert_volume(3, "14", "04") == 72  # 3 etmalen = 72 hours
    assert convert_volume(90, "01", "04") == Decimal("1.5")
    assert convert_volume(6, "04", "16") == Decimal("1.5")  # 6 hours = 1.5 dagdeel
    assert convert_volume(7, "82", "82") == 7  # same unit is always fine


def test_non_terminating_conversion_is_refused_not_rounded():
    with pytest.raises(ValueError, match="not exactly expressible in uur"):
        convert_volume(100, "01", "04")


def test_stuks_and_euros_are_not_time_units():
    assert not is_time_unit("82")
    with pytest.raises(ValueError, match=r"cannot convert eenheid 84 \(stuks_inspanning\) to 04"):
        convert_volume(1, "84", "04")
    with pytest.raises(ValueError, match="83 .* is not a time unit"):
        minutes_per("83")


def test_unknown_codes_name_the_code_list():
    with pytest.raises(ValueError, match="'99' is not a code of iWmo code list WJ756"):
        eenheid("99")
    with pytest.raises(ValueError, match="'3' is not a code of iWmo code list WMO757"):
        frequentie("3")
    assert frequentie("6") is Frequentie.TOTAAL


def test_negative_volume_is_refused():
    with pytest.raises(ValueError, match="volume: must be zero or more"):
        convert_volume(-1, "04", "01")
