from .betaalbatch import Betaalbatch
from .declaratie import Bron, Declaratie, DeclaratieStatus, Prestatie, PrestatieStatus

__all__ = ["Betaalbatch", "Bron", "Declaratie", "DeclaratieStatus", "Prestatie", "PrestatieStatus"]
