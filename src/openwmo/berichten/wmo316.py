"""WMO316 Verzoek om toewijzing Retour (berichtcode 445), gemeente → aanbieder: retour of WMO315.

Derived from the WMO315 structure by the generic retour pattern (`retour.py`, reference §5.2).
"""

from __future__ import annotations

from . import wmo315
from .retour import RetourHeader, retour_bericht

CODE = "316"
_R = retour_bericht(wmo315, CODE, __name__)

Bericht = _R.bericht
Client = _R.klassen["Client"]
AangevraagdProduct = _R.klassen["AangevraagdProduct"]

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
    "AangevraagdProduct",
    "STRUCTURE",
    "build",
    "parse",
    "validate",
    "to_tree",
    "from_tree",
    "van_heen",
]
