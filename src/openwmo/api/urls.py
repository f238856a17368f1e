"""The API's URLs: one router registration per resource module. Add new resources here."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import views
from .aanbieders import AanbiederViewSet
from .beschikkingen import BeschikkingViewSet
from .clienten import ClientViewSet
from .contracten import ContractViewSet, TariefViewSet
from .gemeenten import GemeenteViewSet
from .producten import ProductViewSet
from .rapporten import RapportViewSet
from .toewijzingen import ToewijzingViewSet

app_name = "api"

router = SimpleRouter()
router.register("gemeenten", GemeenteViewSet, basename="gemeente")
router.register("clienten", ClientViewSet, basename="client")
router.register("beschikkingen", BeschikkingViewSet, basename="beschikking")
router.register("toewijzingen", ToewijzingViewSet, basename="toewijzing")
router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
router.register("contracten", ContractViewSet, basename="contract")
router.register("tarieven", TariefViewSet, basename="tarief")
router.register("producten", ProductViewSet, basename="product")
router.register("rapporten", RapportViewSet, basename="rapport")

urlpatterns = [
    path("", views.ApiStartView.as_view(), name="start"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
