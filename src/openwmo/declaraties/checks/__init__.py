"""Set-based checking of claim lines (WMO323) and the payment batch. Pure Python, no Django, no I/O.

The caller loads everything one batch needs once (allocations, tariffs, earlier lines), builds the
indexes and calls `check_declaratie` per declaration; see docs/declaraties.md.
"""

from .feiten import (
    AFGEKEURD,
    CREDIT,
    DEBET,
    GOEDGEKEURD,
    Declaratie,
    EerderePrestatie,
    Prestatie,
    TariefFeit,
    ToewijzingFeit,
)
from .indexen import EerdereIndex, TariefIndex
from .regels import check_declaratie, verwacht_bedrag
from .technisch import elfproef, technische_fouten
from .uitkomst import Betaalpost, DeclaratieUitkomst, PrestatieUitkomst, betaalbatch, meldingen

__all__ = [
    "AFGEKEURD",
    "CREDIT",
    "DEBET",
    "GOEDGEKEURD",
    "Betaalpost",
    "Declaratie",
    "DeclaratieUitkomst",
    "EerderePrestatie",
    "EerdereIndex",
    "Prestatie",
    "PrestatieUitkomst",
    "TariefFeit",
    "TariefIndex",
    "ToewijzingFeit",
    "betaalbatch",
    "check_declaratie",
    "elfproef",
    "meldingen",
    "technische_fouten",
    "verwacht_bedrag",
]
