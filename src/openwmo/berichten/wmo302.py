"""WMO302 Toewijzing Wmo-ondersteuning Retour (berichtcode 415), aanbieder → gemeente: retour of WMO301.

Derived from the WMO301 structure by the generic retour pattern (`retour.py`, reference §5.2).
"""

from __future__ import annotations

from . import wmo301
from .retour import RetourHeader, retour_bericht

CODE = "302"
_R = retour_bericht(wmo301, CODE, __name__)

Bericht = _R.bericht
Client = _R.klassen["Client"]
Relatie = _R.klassen["Relatie"]
Contact = _R.klassen["Contact"]
ToegewezenProduct = _R.klassen["ToegewezenProduct"]

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
    "Relatie",
    "Contact",
    "ToegewezenProduct",
    "STRUCTURE",
    "build",
    "parse",
    "validate",
    "to_tree",
    "from_tree",
    "van_heen",
]
