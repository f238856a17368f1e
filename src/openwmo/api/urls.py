"""The API's URLs: one router registration per resource module. Add new resources here."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import views
from .aanbieders import AanbiederViewSet
from .berichten import BerichtOntvangenView
from .beschikkingen import BeschikkingViewSet
from .clienten import ClientViewSet
from .contracten import ContractViewSet, TariefViewSet
from .declaraties import BetaalbatchViewSet, DeclaratieViewSet
from .gemeenten import GemeenteViewSet
from .meldingen import MeldingViewSet, OndersteuningsplanViewSet
from .producten import ProductViewSet
from .rapporten import RapportViewSet
from .toewijzingen import ToewijzingViewSet

app_name = "api"

router = SimpleRouter()
router.register("gemeenten", GemeenteViewSet, basename="gemeente")
router.register("clienten", ClientViewSet, basename="client")
router.register("meldingen", MeldingViewSet, basename="melding")
router.register("ondersteuningsplannen", OndersteuningsplanViewSet, basename="ondersteuningsplan")
router.register("beschikkingen", BeschikkingViewSet, basename="beschikking")
router.register("toewijzingen", ToewijzingViewSet, basename="toewijzing")
router.register("declaraties", DeclaratieViewSet, basename="declaratie")
router.register("betaalbatches", BetaalbatchViewSet, basename="betaalbatch")
router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
router.register("contracten", ContractViewSet, basename="contract")
router.register("tarieven", TariefViewSet, basename="tarief")
router.register("producten", ProductViewSet, basename="product")
router.register("rapporten", RapportViewSet, basename="rapport")

urlpatterns = [
    path("", views.ApiStartView.as_view(), name="start"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("berichten/", BerichtOntvangenView.as_view(), name="berichten-ontvangen"),
    *router.urls,
]
