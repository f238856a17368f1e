"""WMO318 Verzoek om wijziging Retour (berichtcode 481), gemeente → aanbieder: retour of WMO317.

Derived from the WMO317 structure by the generic retour pattern (`retour.py`, reference §5.2).
"""

from __future__ import annotations

from . import wmo317
from .retour import RetourHeader, retour_bericht

CODE = "318"
_R = retour_bericht(wmo317, CODE, __name__)

Bericht = _R.bericht
Client = _R.klassen["Client"]
Verzoek = _R.klassen["Verzoek"]
OngewijzigdProduct = _R.klassen["OngewijzigdProduct"]
TeWijzigenProduct = _R.klassen["TeWijzigenProduct"]
NieuwProduct = _R.klassen["NieuwProduct"]

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
    "Verzoek",
    "OngewijzigdProduct",
    "TeWijzigenProduct",
    "NieuwProduct",
    "STRUCTURE",
    "build",
    "parse",
    "validate",
    "to_tree",
    "from_tree",
    "van_heen",
]
