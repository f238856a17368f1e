"""Validators for the identifiers Open Wmo accepts: BSN (elfproef), AGB, KvK, CBS gemeentecode, postcode.

Each raises a ValidationError with a Dutch message that names the rule; the form or service adds the field.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def elfproef(bsn: str) -> bool:
    """True when `bsn` is nine digits that pass the elfproef (weights 9..2 and -1); all zeros fail."""
    if not re.fullmatch(r"\d{9}", bsn or "") or bsn == "000000000":
        return False
    total = sum(int(digit) * weight for digit, weight in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (total - int(bsn[8])) % 11 == 0


def validate_bsn(value: str) -> None:
    if not re.fullmatch(r"\d{9}", value or ""):
        raise ValidationError(_("Een BSN bestaat uit precies 9 cijfers."), code="bsn_formaat")
    if not elfproef(value):
        raise ValidationError(_("Dit BSN is ongeldig: het voldoet niet aan de elfproef."), code="bsn_elfproef")


def validate_agb(value: str) -> None:
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError(_("Een AGB-code bestaat uit precies 8 cijfers."), code="agb_formaat")


def validate_kvk(value: str) -> None:
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError(_("Een KvK-nummer bestaat uit precies 8 cijfers."), code="kvk_formaat")


def validate_cbs_code(value: str) -> None:
    if not re.fullmatch(r"\d{4}", value or ""):
        raise ValidationError(_("Een CBS-gemeentecode bestaat uit precies 4 cijfers."), code="cbs_formaat")


def validate_postcode(value: str) -> None:
    if not re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", value or ""):
        raise ValidationError(
            _("Een postcode bestaat uit 4 cijfers en 2 hoofdletters, zonder spatie (bijv. 2281AB)."),
            code="postcode_formaat",
        )
