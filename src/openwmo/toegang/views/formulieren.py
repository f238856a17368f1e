"""The consultant's forms, one per step of the flow. Each calls one toegang service."""

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from openwmo.core.periodes import actief_op_q
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.models import Aanbieder, Tarief
from openwmo.inkoop.selectors import tarief_op

from .. import forms, services
from ..models import Aanvraag, BeschiktProduct, Melding, Ondersteuningsplan, Toewijzing
from ._basis import FormulierView, fouten_in_form

NIEUWE_CLIENT = "nieuw"


def aanbieders_met_tarief(product, gemeente, datum):
    """Providers with a contract for the municipality and a tariff for the product on `datum` (see the service)."""
    tarieven = Tarief.objects.filter(product=product, contract__aanbieder=OuterRef("pk")).filter(actief_op_q(datum))
    kandidaten = Aanbieder.objects.filter(Exists(tarieven))
    geldig = [a.pk for a in kandidaten if tarief_op(a, product, gemeente, datum) is not None]
    return Aanbieder.objects.filter(pk__in=geldig).order_by("naam")


class MeldingNieuwView(FormulierView):
    titel = _("Nieuwe melding")

    def setup_objecten(self):
        client_pk = self.request.GET.get("client")
        self.client_obj = self.client(int(client_pk)) if client_pk and client_pk.isdigit() else None

    def maak_form(self, data=None):
        form = forms.MeldingForm(data)
        if self.client_obj is None:
            self.client_form = forms.NieuweClientForm(
                data, gemeenten=gemeenten_voor(self.request.user), prefix="client"
            )
        return form

    def context(self, form):
        context = super().context(form)
        context["extra_form"] = getattr(self, "client_form", None)
        context["extra_titel"] = _("Nieuwe cliënt")
        context["intro"] = _("De melding start de wettelijke onderzoekstermijn van 6 weken (Wmo 2015, art. 2.3.2).")
        return context

    def post(self, request, *args, **kwargs):
        self.setup_objecten()
        form = self.maak_form(request.POST)
        client_ok = self.client_obj is not None or self.client_form.is_valid()
        if form.is_valid() and client_ok:
            try:
                melding = self.opslaan(form)
            except ValidationError as fout:
                fouten_in_form(form, fout)
            else:
                if melding is not None:
                    return redirect(self.volgende(melding))
        return render(request, "toegang/formulier.html", self.context(form))

    def opslaan(self, form):
        if self.client_obj is not None:
            melding = services.melding_create(user=self.request.user, client=self.client_obj, **form.cleaned_data)
        else:
            try:
                melding = services.melding_nieuwe_client_create(
                    user=self.request.user, client_velden=self.client_form.cleaned_data, **form.cleaned_data
                )
            except ValidationError as fout:  # client fields belong on the client form
                fouten_in_form(self.client_form, fout)
                form.add_error(None, _("Controleer de gegevens van de cliënt."))
                return None
        self.client_obj = melding.client
        return melding


class OnderzoekNieuwView(FormulierView):
    titel = _("Onderzoek (keukentafelgesprek) en ZRM")

    def setup_objecten(self):
        self.melding = self.object(Melding, self.kwargs["pk"], "Melding raadplegen")
        self.client_obj = self.melding.client

    def maak_form(self, data=None):
        return forms.OnderzoekForm(data)

    def opslaan(self, form):
        data = form.cleaned_data
        return services.onderzoek_create(
            user=self.request.user,
            melding=self.melding,
            datum=data["datum"],
            deelnemers=data["deelnemers"],
            verslag=data["verslag"],
            zrm_scores=form.zrm_scores(),
        )


class PlanNieuwView(FormulierView):
    titel = _("Nieuw ondersteuningsplan")

    def setup_objecten(self):
        self.client_obj = self.client(self.kwargs["pk"])

    def maak_form(self, data=None):
        return forms.PlanForm(data)

    def opslaan(self, form):
        return services.plan_create(user=self.request.user, client=self.client_obj, **form.cleaned_data)


class DoelNieuwView(FormulierView):
    titel = _("Doel toevoegen")

    def setup_objecten(self):
        self.plan = self.object(Ondersteuningsplan, self.kwargs["pk"], "Ondersteuningsplan raadplegen")
        self.client_obj = self.plan.client

    def maak_form(self, data=None):
        return forms.DoelForm(data)

    def opslaan(self, form):
        return services.doel_create(user=self.request.user, plan=self.plan, **form.cleaned_data)


class AanvraagNieuwView(FormulierView):
    titel = _("Nieuwe aanvraag")

    def setup_objecten(self):
        self.client_obj = self.client(self.kwargs["pk"])

    def maak_form(self, data=None):
        return forms.AanvraagForm(data, meldingen=self.client_obj.meldingen.all())

    def context(self, form):
        return {
            **super().context(form),
            "intro": _("Op de aanvraag wordt binnen 2 weken beslist (Wmo 2015, art. 2.3.5)."),
        }

    def opslaan(self, form):
        return services.aanvraag_create(user=self.request.user, client=self.client_obj, **form.cleaned_data)


class BeschikkingNieuwView(FormulierView):
    titel = _("Beschikking")
    knop = _("Besluit vastleggen")

    def setup_objecten(self):
        self.aanvraag = self.object(Aanvraag, self.kwargs["pk"], "Aanvraag raadplegen")
        self.client_obj = self.aanvraag.client

    def maak_form(self, data=None):
        return forms.BeschikkingForm(data, aanbieders=Aanbieder.objects.order_by("naam"))

    def context(self, form):
        intro = _("Aanvraag van %(datum)s: %(wat)s. Uiterlijk beslissen op %(uiterlijk)s.") % {
            "datum": self.aanvraag.aanvraagdatum.strftime("%d-%m-%Y"),
            "wat": self.aanvraag.omschrijving,
            "uiterlijk": self.aanvraag.beschikking_uiterlijk.strftime("%d-%m-%Y"),
        }
        return {**super().context(form), "intro": intro}

    def opslaan(self, form):
        producten = form.producten()
        if form.errors:
            return None
        data = form.cleaned_data
        return services.beschikking_create(
            user=self.request.user,
            client=self.client_obj,
            gemeente=self.client_obj.gemeente,
            aanvraag=self.aanvraag,
            besluit=data["besluit"],
            besluitdatum=data["besluitdatum"],
            ingangsdatum=data["ingangsdatum"],
            einddatum=data["einddatum"],
            motivering=data["motivering"],
            producten=producten,
        )


class ToewijzingNieuwView(FormulierView):
    titel = _("Toewijzen aan een aanbieder")
    knop = _("Toewijzen")

    def setup_objecten(self):
        self.bp = self.object(BeschiktProduct, self.kwargs["pk"], "Beschikking raadplegen")
        self.client_obj = self.bp.beschikking.client

    def maak_form(self, data=None):
        bp = self.bp
        initial = {
            "ingangsdatum": bp.ingangsdatum,
            "einddatum": bp.einddatum,
            "volume": bp.volume,
            "eenheid": bp.eenheid or bp.product.eenheid,
            "frequentie": bp.frequentie or bp.product.frequentie,
            "aanbieder": bp.voorkeur_aanbieder,
        }
        if bp.uitvoeringsvariant != "inspanningsgericht" and bp.volume is None:
            initial["volume"] = 1
        if bp.trajecttype_id:
            initial["intensiteit_uren_per_week"] = bp.trajecttype.uren_per_week
        aanbieders = aanbieders_met_tarief(bp.product, self.client_obj.gemeente, bp.ingangsdatum)
        return forms.ToewijzingForm(data, initial=initial, aanbieders=aanbieders)

    def context(self, form):
        return {**super().context(form), "intro": self.bp.omschrijving}

    def opslaan(self, form):
        data = form.cleaned_data
        return services.toewijzing_create(
            user=self.request.user,
            beschikking=self.bp.beschikking,
            beschikt_product=self.bp,
            client=self.client_obj,
            gemeente=self.client_obj.gemeente,
            product=self.bp.product,
            uitvoeringsvariant=self.bp.uitvoeringsvariant,
            volume=data["volume"],
            eenheid=data["eenheid"],
            frequentie=data["frequentie"],
            aanbieder=data["aanbieder"],
            ingangsdatum=data["ingangsdatum"],
            einddatum=data["einddatum"],
            intensiteit_uren_per_week=data["intensiteit_uren_per_week"],
            overgang_goedkeuring=data["overgang_goedkeuring"],
        )


class _ToewijzingActie(FormulierView):
    def setup_objecten(self):
        self.toewijzing = self.object(Toewijzing, self.kwargs["pk"], "Toewijzing raadplegen")
        self.client_obj = self.toewijzing.client

    def context(self, form):
        t = self.toewijzing
        intro = f"{t.toewijzingsnummer} {t.product.naam} – {t.aanbieder.naam}"
        return {**super().context(form), "intro": intro}


class ToewijzingWijzigenView(_ToewijzingActie):
    titel = _("Toewijzing wijzigen")

    def maak_form(self, data=None):
        return forms.ToewijzingWijzigenForm(data, initial={"einddatum": self.toewijzing.einddatum})

    def opslaan(self, form):
        nieuw = {k: v for k, v in form.cleaned_data.items() if k in ("volume", "einddatum") and v is not None}
        data = form.cleaned_data
        return services.toewijzing_wijzigen(
            user=self.request.user,
            toewijzing=self.toewijzing,
            ingangsdatum=data["ingangsdatum"],
            reden_wijziging=data["reden_wijziging"],
            **nieuw,
        )


class ToewijzingBeeindigenView(_ToewijzingActie):
    titel = _("Toewijzing beëindigen")

    def maak_form(self, data=None):
        return forms.ToewijzingBeeindigenForm(data)

    def opslaan(self, form):
        return services.toewijzing_beeindigen(user=self.request.user, toewijzing=self.toewijzing, **form.cleaned_data)


class IntensiteitView(_ToewijzingActie):
    titel = _("Op- of afschalen binnen het arrangement")

    def maak_form(self, data=None):
        return forms.IntensiteitForm(data)

    def opslaan(self, form):
        data = form.cleaned_data
        return services.toewijzing_intensiteit_wijzigen(
            user=self.request.user,
            toewijzing=self.toewijzing,
            ingangsdatum=data["ingangsdatum"],
            uren_per_week=data["naar_uren_per_week"],
            reden=data["reden"],
        )


class ContactmomentView(_ToewijzingActie):
    titel = _("Contactmoment vastleggen")

    def maak_form(self, data=None):
        return forms.ContactmomentForm(data)

    def opslaan(self, form):
        return services.contactmoment_vastleggen(
            user=self.request.user, toewijzing=self.toewijzing, **form.cleaned_data
        )


class EvaluatieNieuwView(FormulierView):
    titel = _("Evaluatie")

    def setup_objecten(self):
        self.plan = self.object(Ondersteuningsplan, self.kwargs["pk"], "Ondersteuningsplan raadplegen")
        self.client_obj = self.plan.client

    def maak_form(self, data=None):
        toewijzingen = Toewijzing.objects.filter(client=self.client_obj).select_related("product")
        return forms.EvaluatieForm(data, doelen=self.plan.doelen.all(), toewijzingen=toewijzingen)

    def opslaan(self, form):
        data = form.cleaned_data
        return services.evaluatie_create(
            user=self.request.user,
            plan=self.plan,
            datum=data["datum"],
            uitkomsten=form.uitkomsten(),
            zrm_scores=form.zrm_scores(),
            tevredenheid=data["tevredenheid"],
            vervolgstap=data["vervolgstap"],
            vervolgstap_datum=data["vervolgstap_datum"],
            toewijzing=data["toewijzing"],
            toelichting=data["toelichting"],
            volgende_evaluatiedatum=data["volgende_evaluatiedatum"],
        )
