"""Checksums, and that numbers failing them are not labelled as their type."""
import pytest

from handoff_api.scrubber.checksums import bsn_valid, iban_valid, rrn_valid


@pytest.mark.parametrize("iban", [
    "BE71 0961 2345 6769", "BE68539007547034", "NL91ABNA0417164300", "nl91 abna 0417 1643 00",
    "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606",
])
def test_valid_ibans(iban):
    assert iban_valid(iban)


@pytest.mark.parametrize("iban", [
    "BE71 0961 2345 6768",      # last digit changed
    "BE17 0961 2345 6769",      # check digits swapped
    "NL91ABNA0417164301",
    "BE71 0961 2345 676",       # too short for BE
    "XX71 0961 2345 6769",      # unknown country
    "",
])
def test_invalid_ibans(iban):
    assert not iban_valid(iban)


def _pre2000_check(nine: str) -> int:
    return 97 - int(nine) % 97


def test_rrn_before_2000():
    assert rrn_valid("85.07.30-033.28")
    assert rrn_valid("85073003328")
    assert not rrn_valid("85.07.30-033.29")


def test_rrn_post_2000_rule():
    # Born 3 March 2009: the check uses 2 followed by the nine digits.
    nine = "090303180"
    assert 97 - int("2" + nine) % 97 == 66
    assert _pre2000_check(nine) != 66            # so the old rule alone would reject it
    assert rrn_valid("09.03.03-180.66")
    # YY=09 may be 1909 as well, so the old rule's check digits are accepted too ...
    assert rrn_valid(f"09.03.03-180.{_pre2000_check(nine):02d}")
    # ... but check digits fitting neither rule are not.
    for check in range(100):
        if check not in (66, _pre2000_check(nine)):
            assert not rrn_valid(f"09.03.03-180.{check:02d}")


def test_rrn_bis_number_and_bad_dates():
    # bis number: month + 40
    nine = "854730033"
    check = 97 - int(nine) % 97
    assert rrn_valid(nine + f"{check:02d}")
    nine = "851530033"   # month 15 does not exist
    check = 97 - int(nine) % 97
    assert not rrn_valid(nine + f"{check:02d}")
    assert not rrn_valid("8507300332")      # 10 digits


@pytest.mark.parametrize("bsn,ok", [
    ("111222333", True), ("123456782", True), ("1234.56.782", True), ("123 456 782", True),
    ("123456789", False), ("111222334", False), ("000000000", False), ("12345678", False),
])
def test_bsn_eleven_proof(bsn, ok):
    assert bsn_valid(bsn) is ok


def labels(scrubber, text):
    return [(s.label, s.text) for s in scrubber.find(text)]


def test_invalid_numbers_not_labelled_as_their_type(scrubber):
    assert labels(scrubber, "mijn rekening is BE71 0961 2345 6768") == []
    assert labels(scrubber, "mijn rijksregisternummer is 85.07.30-033.29") == []
    assert labels(scrubber, "mijn bsn is 123456789") == []
    assert labels(scrubber, "mijn rekening is BE71 0961 2345 6769") == [("IBAN", "BE71 0961 2345 6769")]
    assert labels(scrubber, "rrn 09.03.03-180.66") == [("RIJKSREGISTERNUMMER", "09.03.03-180.66")]
    assert labels(scrubber, "mijn bsn is 1234.56.782") == [("BSN", "1234.56.782")]


def test_phone_shape_still_counts_as_phone(scrubber):
    # 0612345678 is not a valid anything-with-a-checksum, but it is a Dutch mobile number.
    assert labels(scrubber, "app me op 0612345678") == [("TELEFOON", "0612345678")]
    # 092345608 passes the 11-proof, but without BSN context it is a Ghent landline ...
    assert bsn_valid("092345608")
    assert labels(scrubber, "bel thuis op 092345608") == [("TELEFOON", "092345608")]
    # ... and with it, a BSN.
    assert labels(scrubber, "mijn bsn is 092345608") == [("BSN", "092345608")]
    # A Belgian mobile with a wrong digit count is no phone number.
    assert labels(scrubber, "code 047012345") == []
