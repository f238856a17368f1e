from django.urls import path

from . import views

app_name = "inkoop"
urlpatterns = [
    path("aanbieders/", views.AanbiederLijstView.as_view(), name="aanbieder-lijst"),
    path("aanbieders/nieuw/", views.AanbiederNieuwView.as_view(), name="aanbieder-nieuw"),
    path("aanbieders/<int:pk>/", views.AanbiederDetailView.as_view(), name="aanbieder-detail"),
    path("aanbieders/<int:pk>/budgetafspraak/", views.BudgetafspraakNieuwView.as_view(), name="budgetafspraak-nieuw"),
    path("aanbieders/<int:pk>/subsidie/", views.SubsidieNieuwView.as_view(), name="subsidie-nieuw"),
    path(
        "samenwerkingsverbanden/nieuw/",
        views.SamenwerkingsverbandNieuwView.as_view(),
        name="samenwerkingsverband-nieuw",
    ),
    path("aanbestedingen/", views.AanbestedingLijstView.as_view(), name="aanbesteding-lijst"),
    path("aanbestedingen/nieuw/", views.AanbestedingNieuwView.as_view(), name="aanbesteding-nieuw"),
    path("aanbestedingen/<int:pk>/", views.AanbestedingDetailView.as_view(), name="aanbesteding-detail"),
    path("aanbestedingen/<int:pk>/perceel/", views.PerceelNieuwView.as_view(), name="perceel-nieuw"),
    path("contracten/", views.ContractLijstView.as_view(), name="contract-lijst"),
    path("contracten/nieuw/", views.ContractNieuwView.as_view(), name="contract-nieuw"),
    path("contracten/<int:pk>/", views.ContractDetailView.as_view(), name="contract-detail"),
    path("contracten/<int:pk>/product/", views.ContractProductNieuwView.as_view(), name="contractproduct-nieuw"),
    path("contracten/<int:pk>/tarief/", views.TariefNieuwView.as_view(), name="tarief-nieuw"),
    path("contracten/<int:pk>/indexeren/", views.TarievenIndexerenView.as_view(), name="tarieven-indexeren"),
    path(
        "contracten/<int:pk>/prestatieafspraak/",
        views.PrestatieafspraakNieuwView.as_view(),
        name="prestatieafspraak-nieuw",
    ),
    path("contracten/<int:pk>/toetreden/", views.ToetredenView.as_view(), name="toetreden"),
    path("contracten/<int:pk>/verlengen/", views.ContractVerlengenView.as_view(), name="contract-verlengen"),
]
