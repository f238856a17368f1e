"""WMO308 Stop Wmo-ondersteuning Retour (berichtcode 421), gemeente → aanbieder: retour of WMO307.

Derived from the WMO307 structure by the generic retour pattern (`retour.py`, reference §5.2).
"""

from __future__ import annotations

from . import wmo307
from .retour import RetourHeader, retour_bericht

CODE = "308"
_R = retour_bericht(wmo307, CODE, __name__)

Bericht = _R.bericht
Client = _R.klassen["Client"]
StopProduct = _R.klassen["StopProduct"]

STRUCTURE = _R.structure
build = STRUCTURE.build
parse = STRUCTURE.parse
validate = STRUCTURE.validate
to_tree = STRUCTURE.to_tree
from_tree = STRUCTURE.from_tree
van_heen = _R.van_heen

__all__ = [
    "CODE",
    "Bericht",
    "RetourHeader",
    "Client",
    "StopProduct",
    "STRUCTURE",
    "build",
    "parse",
    "validate",
    "to_tree",
    "from_tree",
    "van_heen",
]
