from django.urls import path

from .views import dossier, formulieren

app_name = "toegang"
urlpatterns = [
    path("", dossier.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("melding/nieuw/", formulieren.MeldingNieuwView.as_view(), name="melding-nieuw"),
    path("meldingen/<int:pk>/onderzoek/", formulieren.OnderzoekNieuwView.as_view(), name="onderzoek-nieuw"),
    path("clienten/<int:pk>/", dossier.DossierView.as_view(), name="dossier"),
    path("clienten/<int:pk>/plan/nieuw/", formulieren.PlanNieuwView.as_view(), name="plan-nieuw"),
    path("clienten/<int:pk>/aanvraag/nieuw/", formulieren.AanvraagNieuwView.as_view(), name="aanvraag-nieuw"),
    path("plannen/<int:pk>/doel/", formulieren.DoelNieuwView.as_view(), name="doel-nieuw"),
    path("plannen/<int:pk>/evaluatie/", formulieren.EvaluatieNieuwView.as_view(), name="evaluatie-nieuw"),
    path("aanvragen/<int:pk>/beschikking/", formulieren.BeschikkingNieuwView.as_view(), name="beschikking-nieuw"),
    path("beschikkingen/<int:pk>/brief.pdf", dossier.BriefView.as_view(), name="beschikking-brief"),
    path("toegekend/<int:pk>/toewijzen/", formulieren.ToewijzingNieuwView.as_view(), name="toewijzing-nieuw"),
    path("toewijzingen/<int:pk>/wijzigen/", formulieren.ToewijzingWijzigenView.as_view(), name="toewijzing-wijzigen"),
    path(
        "toewijzingen/<int:pk>/beeindigen/",
        formulieren.ToewijzingBeeindigenView.as_view(),
        name="toewijzing-beeindigen",
    ),
    path("toewijzingen/<int:pk>/intensiteit/", formulieren.IntensiteitView.as_view(), name="toewijzing-intensiteit"),
    path(
        "toewijzingen/<int:pk>/contactmoment/",
        formulieren.ContactmomentView.as_view(),
        name="toewijzing-contactmoment",
    ),
]
