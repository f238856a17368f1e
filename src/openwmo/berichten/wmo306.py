"""WMO306 Start Wmo-ondersteuning Retour (berichtcode 419), gemeente → aanbieder: retour of WMO305.

Derived from the WMO305 structure by the generic retour pattern (`retour.py`, reference §5.2).
"""

from __future__ import annotations

from . import wmo305
from .retour import RetourHeader, retour_bericht

CODE = "306"
_R = retour_bericht(wmo305, CODE, __name__)

Bericht = _R.bericht
Client = _R.klassen["Client"]
StartProduct = _R.klassen["StartProduct"]

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
    "StartProduct",
    "STRUCTURE",
    "build",
    "parse",
    "validate",
    "to_tree",
    "from_tree",
    "van_heen",
]
