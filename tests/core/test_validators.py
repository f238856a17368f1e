import pytest
from django.core.exceptions import ValidationError

from openwmo.core.validators import elfproef

from ..factories import ClientFactory


@pytest.mark.parametrize("bsn", ["111222333", "999000019"])
def test_valid_bsn_passes_the_elfproef(bsn):
    assert elfproef(bsn)


@pytest.mark.parametrize(
    "bsn",
    # Other scripts' digits are digits to str.isdigit ("¹" even made int() raise): a BSN is ASCII only.
    ["123456789", "000000000", "12345678", "1234567890", "11122233a", "", "١١١٢٢٢٣٣٣", "¹11222333"],
)
def test_invalid_bsn_fails_the_elfproef(bsn):
    assert not elfproef(bsn)


def test_client_with_bsn_111222333_is_accepted(rijswijk):
    client = ClientFactory.build(bsn="111222333", gemeente=rijswijk)
    client.full_clean()


def test_client_with_bsn_123456789_is_refused_with_a_dutch_message(rijswijk):
    client = ClientFactory.build(bsn="123456789", gemeente=rijswijk)
    with pytest.raises(ValidationError) as fout:
        client.full_clean()
    assert fout.value.message_dict["bsn"] == ["Dit BSN is ongeldig: het voldoet niet aan de elfproef."]


def test_bsn_of_wrong_length_names_the_rule(rijswijk):
    with pytest.raises(ValidationError) as fout:
        ClientFactory.build(bsn="12345", gemeente=rijswijk).full_clean()
    assert fout.value.message_dict["bsn"] == ["Een BSN bestaat uit precies 9 cijfers."]


def test_invalid_postcode_is_refused(rijswijk):
    with pytest.raises(ValidationError) as fout:
        ClientFactory.build(postcode="2281 AB", gemeente=rijswijk).full_clean()
    assert "postcode" in fout.value.message_dict
