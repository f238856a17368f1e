from .aanbesteding import Aanbesteding, Perceel
from .aanbieder import Aanbieder, AanbiederGebruiker, Samenwerkingsverband
from .budget import Budgetafspraak, Subsidie
from .contract import Bekostigingsvorm, Contract, ContractProduct, Prestatieafspraak, Tarief

__all__ = [
    "Aanbesteding",
    "Aanbieder",
    "AanbiederGebruiker",
    "Bekostigingsvorm",
    "Budgetafspraak",
    "Contract",
    "ContractProduct",
    "Perceel",
    "Prestatieafspraak",
    "Samenwerkingsverband",
    "Subsidie",
    "Tarief",
]
