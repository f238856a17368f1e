from .beschikking import Beschikking
from .levering import Levering
from .toewijzing import Toewijzing, Uitvoeringsvariant

__all__ = ["Beschikking", "Levering", "Toewijzing", "Uitvoeringsvariant"]
