"""Contract-management screens (role contractmanager, and beheerder). Writes go through inkoop.services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from openwmo.core.formviews import ServiceFormView
from openwmo.core.mixins import RolVereistMixin
from openwmo.core.rollen import ROLLEN_MET_INKOOP
from openwmo.core.selectors import gemeenten_voor

from . import forms, services
from .models import Aanbesteding, Aanbieder, Contract


class InkoopMixin(RolVereistMixin):
    rollen = ROLLEN_MET_INKOOP


# --- Aanbieders ---------------------------------------------------------------------------------


class AanbiederLijstView(InkoopMixin, ListView):
    template_name = "inkoop/aanbieder_lijst.html"
    context_object_name = "aanbieders"
    paginate_by = 50

    def get_queryset(self):
        return (
            Aanbieder.objects.annotate(aantal_contracten=Count("contracten"))
            .order_by("naam")
            .select_related("samenwerkingsverband")
        )


class AanbiederDetailView(InkoopMixin, DetailView):
    template_name = "inkoop/aanbieder_detail.html"
    context_object_name = "aanbieder"
    queryset = Aanbieder.objects.all()

    def get_context_data(self, **kwargs):
        gemeenten = gemeenten_voor(self.request.user)
        a = self.object
        return super().get_context_data(
            contracten=a.contracten.select_related("perceel"),
            budgetafspraken=a.budgetafspraken.filter(gemeente__in=gemeenten).select_related("gemeente", "perceel"),
            subsidies=a.subsidies.filter(gemeente__in=gemeenten).select_related("gemeente"),
            verband=getattr(a, "samenwerkingsverband", None),
            lid_van=a.lid_van.select_related("aanbieder"),
            **kwargs,
        )


class AanbiederNieuwView(InkoopMixin, ServiceFormView):
    form_class = forms.AanbiederForm
    titel = _("Nieuwe aanbieder")
    melding = _("De aanbieder is vastgelegd.")

    def uitvoeren(self, form):
        return services.aanbieder_create(user=self.request.user, **form.cleaned_data)

    def succes_url(self, obj):
        return reverse("inkoop:aanbieder-detail", args=[obj.pk])

    def terug_url(self):
        return reverse("inkoop:aanbieder-lijst")


class SamenwerkingsverbandNieuwView(AanbiederNieuwView):
    form_class = forms.SamenwerkingsverbandForm
    titel = _("Nieuw samenwerkingsverband")
    melding = _("Het samenwerkingsverband is vastgelegd.")

    def uitvoeren(self, form):
        return services.samenwerkingsverband_create(user=self.request.user, **form.cleaned_data)

    def succes_url(self, obj):
        return reverse("inkoop:aanbieder-detail", args=[obj.aanbieder_id])


class _PerAanbiederView(InkoopMixin, ServiceFormView):
    def dispatch(self, request, *args, **kwargs):
        self.aanbieder = get_object_or_404(Aanbieder, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "gemeenten": gemeenten_voor(self.request.user)}

    def succes_url(self, obj):
        return reverse("inkoop:aanbieder-detail", args=[self.aanbieder.pk])

    def terug_url(self):
        return reverse("inkoop:aanbieder-detail", args=[self.aanbieder.pk])


class BudgetafspraakNieuwView(_PerAanbiederView):
    form_class = forms.BudgetafspraakForm
    melding = _("De budgetafspraak is vastgelegd.")

    @property
    def titel(self):
        return _("Budgetafspraak met %(naam)s") % {"naam": self.aanbieder.naam}

    def uitvoeren(self, form):
        return services.budgetafspraak_create(user=self.request.user, aanbieder=self.aanbieder, **form.cleaned_data)


class SubsidieNieuwView(_PerAanbiederView):
    form_class = forms.SubsidieForm
    melding = _("De subsidie is vastgelegd.")

    @property
    def titel(self):
        return _("Subsidie aan %(naam)s") % {"naam": self.aanbieder.naam}

    def uitvoeren(self, form):
        return services.subsidie_create(user=self.request.user, organisatie=self.aanbieder, **form.cleaned_data)


# --- Aanbestedingen en percelen -----------------------------------------------------------------


class AanbestedingLijstView(InkoopMixin, ListView):
    template_name = "inkoop/aanbesteding_lijst.html"
    context_object_name = "aanbestedingen"

    def get_queryset(self):
        return Aanbesteding.objects.select_related("regio").annotate(aantal_percelen=Count("percelen"))


class AanbestedingDetailView(InkoopMixin, DetailView):
    template_name = "inkoop/aanbesteding_detail.html"
    context_object_name = "aanbesteding"
    queryset = Aanbesteding.objects.select_related("regio")

    def get_context_data(self, **kwargs):
        percelen = self.object.percelen.prefetch_related("gemeenten", "contracten__aanbieder")
        return super().get_context_data(percelen=percelen, **kwargs)


class AanbestedingNieuwView(InkoopMixin, ServiceFormView):
    form_class = forms.AanbestedingForm
    titel = _("Nieuwe aanbesteding")
    melding = _("De aanbesteding is vastgelegd.")

    def uitvoeren(self, form):
        return services.aanbesteding_create(user=self.request.user, **form.cleaned_data)

    def succes_url(self, obj):
        return reverse("inkoop:aanbesteding-detail", args=[obj.pk])

    def terug_url(self):
        return reverse("inkoop:aanbesteding-lijst")


class PerceelNieuwView(InkoopMixin, ServiceFormView):
    form_class = forms.PerceelForm
    melding = _("Het perceel is vastgelegd.")

    def dispatch(self, request, *args, **kwargs):
        self.aanbesteding = get_object_or_404(Aanbesteding, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    @property
    def titel(self):
        return _("Nieuw perceel in %(naam)s") % {"naam": self.aanbesteding.naam}

    def uitvoeren(self, form):
        velden = dict(form.cleaned_data)
        return services.perceel_create(
            user=self.request.user, aanbesteding=self.aanbesteding, gemeenten=velden.pop("gemeenten"), **velden
        )

    def succes_url(self, obj):
        return reverse("inkoop:aanbesteding-detail", args=[self.aanbesteding.pk])

    def terug_url(self):
        return reverse("inkoop:aanbesteding-detail", args=[self.aanbesteding.pk])


# --- Contracten ---------------------------------------------------------------------------------


class ContractLijstView(InkoopMixin, ListView):
    template_name = "inkoop/contract_lijst.html"
    context_object_name = "contracten"
    paginate_by = 50

    def get_queryset(self):
        return Contract.objects.select_related("aanbieder", "perceel__aanbesteding").prefetch_related("gemeenten")


class ContractDetailView(InkoopMixin, DetailView):
    template_name = "inkoop/contract_detail.html"
    context_object_name = "contract"
    queryset = Contract.objects.select_related("aanbieder", "perceel__aanbesteding")

    def get_context_data(self, **kwargs):
        c = self.object
        toetredingen = Contract.objects.none()
        if c.perceel_id:
            toetredingen = (
                Contract.objects.filter(perceel=c.perceel, toetredingsdatum__isnull=False)
                .exclude(pk=c.pk)
                .select_related("aanbieder")
            )
        return super().get_context_data(
            producten=c.producten.select_related("product"),
            tarieven=c.tarieven.select_related("product").order_by("product__productcode", "ingangsdatum"),
            prestatieafspraken=c.prestatieafspraken.all(),
            toetredingen=toetredingen,
            verlengingen_over=max(c.verlengingen_maximaal - c.verlengingen_gebruikt, 0),
            **kwargs,
        )


class ContractNieuwView(InkoopMixin, ServiceFormView):
    form_class = forms.ContractForm
    titel = _("Nieuw contract")
    melding = _("Het contract is vastgelegd.")

    def uitvoeren(self, form):
        velden = dict(form.cleaned_data)
        return services.contract_create(user=self.request.user, gemeenten=velden.pop("gemeenten"), **velden)

    def succes_url(self, obj):
        return reverse("inkoop:contract-detail", args=[obj.pk])

    def terug_url(self):
        return reverse("inkoop:contract-lijst")


class _PerContractView(InkoopMixin, ServiceFormView):
    def dispatch(self, request, *args, **kwargs):
        self.contract = get_object_or_404(Contract.objects.select_related("aanbieder"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def succes_url(self, obj):
        return reverse("inkoop:contract-detail", args=[self.contract.pk])

    def terug_url(self):
        return reverse("inkoop:contract-detail", args=[self.contract.pk])


class ContractProductNieuwView(_PerContractView):
    form_class = forms.ContractProductForm
    melding = _("Het product is aan het contract toegevoegd.")

    @property
    def titel(self):
        return _("Product toevoegen aan contract %(nummer)s") % {"nummer": self.contract.nummer}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = forms.ContractProduct(contract=self.contract)
        return kwargs

    def uitvoeren(self, form):
        return services.contractproduct_create(user=self.request.user, contract=self.contract, **form.cleaned_data)


class TariefNieuwView(_PerContractView):
    form_class = forms.TariefForm
    melding = _("Het tarief is vastgelegd.")

    @property
    def titel(self):
        return _("Tarief vastleggen in contract %(nummer)s") % {"nummer": self.contract.nummer}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "contract": self.contract}

    def uitvoeren(self, form):
        return services.tarief_create(user=self.request.user, contract=self.contract, **form.cleaned_data)


class TarievenIndexerenView(_PerContractView):
    form_class = forms.IndexerenForm
    melding = _("De tarieven zijn geïndexeerd.")

    @property
    def titel(self):
        return _("Tarieven indexeren in contract %(nummer)s") % {"nummer": self.contract.nummer}

    def uitvoeren(self, form):
        return services.tarieven_indexeren(user=self.request.user, contract=self.contract, **form.cleaned_data)


class PrestatieafspraakNieuwView(_PerContractView):
    form_class = forms.PrestatieafspraakForm
    melding = _("De prestatieafspraak is vastgelegd.")

    @property
    def titel(self):
        return _("Prestatieafspraak in contract %(nummer)s") % {"nummer": self.contract.nummer}

    def uitvoeren(self, form):
        return services.prestatieafspraak_create(user=self.request.user, contract=self.contract, **form.cleaned_data)


class ToetredenView(_PerContractView):
    form_class = forms.ToetredenForm
    melding = _("De toetreding is vastgelegd.")

    @property
    def titel(self):
        return _("Toetreden tot contract %(nummer)s (open house)") % {"nummer": self.contract.nummer}

    def uitvoeren(self, form):
        return services.toetreden(user=self.request.user, contract=self.contract, **form.cleaned_data)

    def succes_url(self, obj):
        return reverse("inkoop:contract-detail", args=[obj.pk])


class ContractVerlengenView(InkoopMixin, View):
    """POST only: use one extension option."""

    def post(self, request, pk):
        contract = get_object_or_404(Contract, pk=pk)
        try:
            contract = services.contract_verlengen(user=request.user, contract=contract)
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
        else:
            messages.success(
                request,
                _("Het contract is verlengd tot en met %(datum)s.")
                % {"datum": contract.einddatum.strftime("%d-%m-%Y")},
            )
        return redirect("inkoop:contract-detail", pk=pk)
