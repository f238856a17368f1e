from .beschikking import Beschikking
from .toewijzing import Toewijzing, Uitvoeringsvariant

__all__ = ["Beschikking", "Toewijzing", "Uitvoeringsvariant"]
