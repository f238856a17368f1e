"""Shared shape of WMO305 (start) and WMO307 (stop): a client core with a list of products. §5.4."""

from __future__ import annotations

from datetime import date

from . import common as c
from . import types as t
from .common import frozen
from .structure import El


@frozen
class RegieProduct:
    """The first four elements of StartProduct and StopProduct."""

    toewijzing_nummer: int | None = None
    product: c.Product | None = None
    toewijzing_ingangsdatum: date | None = None
    begindatum: date


REGIE_PRODUCT = (
    El("ToewijzingNummer", t.NUMMER, 0),
    El("Product", c.PRODUCT, 0),
    El("ToewijzingIngangsdatum", t.DATUM, 0),
    El("Begindatum", t.DATUM),
)
