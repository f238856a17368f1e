from .aanvraag import Aanvraag
from .beschikking import Beschikking
from .beschikt_product import BeschiktProduct
from .contactmoment import Contactmoment
from .evaluatie import DoelEvaluatie, Evaluatie, Vervolgstap
from .intensiteit import Intensiteitswijziging
from .levering import Levering
from .melding import Melding
from .onderzoek import Onderzoek, ZrmMeting, ZrmScore
from .overgang import Overgangsregel
from .plan import Doel, Ondersteuningsplan
from .toewijzing import Toewijzing, Uitvoeringsvariant

__all__ = [
    "Aanvraag",
    "Beschikking",
    "BeschiktProduct",
    "Contactmoment",
    "Doel",
    "DoelEvaluatie",
    "Evaluatie",
    "Intensiteitswijziging",
    "Levering",
    "Melding",
    "Ondersteuningsplan",
    "Onderzoek",
    "Overgangsregel",
    "Toewijzing",
    "Uitvoeringsvariant",
    "Vervolgstap",
    "ZrmMeting",
    "ZrmScore",
]
