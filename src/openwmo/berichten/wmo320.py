"""WMO320 Antwoordbericht Retour (berichtcode 483), aanbieder → gemeente: retour of WMO319.

Derived from the WMO319 structure by the generic retour pattern (`retour.py`, reference §5.2).
"""

from __future__ import annotations

from . import wmo319
from .retour import RetourHeader, retour_bericht

CODE = "320"
_R = retour_bericht(wmo319, CODE, __name__)

Bericht = _R.bericht
Antwoord = _R.klassen["Antwoord"]

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
    "Antwoord",
    "STRUCTURE",
    "build",
    "parse",
    "validate",
    "to_tree",
    "from_tree",
    "van_heen",
]
