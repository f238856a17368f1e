from openwmo.demo.bsn import elfproef, test_bsn_capacity, test_bsns


def test_elfproef_known_numbers():
    assert elfproef("111222333")
    assert not elfproef("123456789")


def test_elfproef_rejects_malformed():
    for bad in ("000000000", "11122233", "1112223334", "11122233a", "", None, 111222333):
        assert not elfproef(bad)


def test_test_bsns_are_valid_unique_and_in_the_999_range():
    bsns = test_bsns(7, 5000)
    assert len(set(bsns)) == 5000
    assert all(b.startswith("999") and elfproef(b) for b in bsns)


def test_test_bsns_are_deterministic_per_seed():
    assert test_bsns(1, 50) == test_bsns(1, 50)
    assert test_bsns(1, 50) != test_bsns(2, 50)


def test_capacity_of_the_test_range_is_enforced():
    assert test_bsn_capacity() == 90909
    assert len(test_bsns(3, 90909)) == 90909
    try:
        test_bsns(3, 90910)
    except ValueError as exc:
        assert "90909" in str(exc)
    else:
        raise AssertionError("asking for more test BSNs than exist must fail")
