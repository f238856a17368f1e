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
from .uitkomst import (
    BUITEN_GESTARTE_ZORG,
    GEEN_STARTBERICHT,
    SIGNALEN,
    Betaalpost,
    DeclaratieUitkomst,
    PrestatieUitkomst,
    betaalbatch,
    meldingen,
    signaal_meldingen,
)

__all__ = [
    "AFGEKEURD",
    "BUITEN_GESTARTE_ZORG",
    "CREDIT",
    "DEBET",
    "GEEN_STARTBERICHT",
    "GOEDGEKEURD",
    "SIGNALEN",
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
    "signaal_meldingen",
    "technische_fouten",
    "verwacht_bedrag",
]
