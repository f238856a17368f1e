"""Validators for the identifiers Open Wmo accepts: BSN (elfproef), AGB, KvK, CBS gemeentecode, postcode.

Each raises a ValidationError with a Dutch message that names the rule; the form or service adds the field.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .bsn import elfproef

__all__ = ["elfproef"]


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
