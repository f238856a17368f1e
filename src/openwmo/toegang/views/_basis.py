"""Shared access and error handling of the consultant screens."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.rollen import mag_persoonsgegevens_zien
from openwmo.core.selectors import client_ophalen

from ..selectors import voor_user

DOEL = "Uitvoering Wmo 2015"


def mag_toegang(user) -> bool:
    return mag_persoonsgegevens_zien(user) or (user.is_authenticated and user.is_superuser)


class ToegangMixin(LoginRequiredMixin):
    """Consulent, beheerder or superuser only; everyone else gets 403 (and data of other municipalities 404)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not mag_toegang(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def client(self, pk):
        """The client (404 when not the user's); logs the read."""
        return client_ophalen(self.request.user, pk)

    def object(self, model, pk, activiteit):
        """A toegang record of a client the user may see (404 otherwise); logs the read."""
        obj = get_object_or_404(voor_user(model, self.request.user), pk=pk)
        log_verwerking(
            self.request.user,
            Actie.LEZEN,
            activiteit=activiteit,
            doel=DOEL,
            object_type=model.__name__,
            object_id=obj.pk,
            betrokkene=obj.client,
        )
        return obj


def fouten_in_form(form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, else above the form."""
    if hasattr(fout, "error_dict"):
        for veld, berichten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, berichten)
    else:
        form.add_error(None, fout.messages)


class FormulierView(ToegangMixin, View):
    """GET shows the form; POST validates, calls the service and goes to the client's dossier."""

    titel = ""
    knop = "Opslaan"

    def setup_objecten(self):
        """Load (scoped, logged) what the form is about; sets self.client_obj."""
        raise NotImplementedError

    def maak_form(self, data=None):
        raise NotImplementedError

    def opslaan(self, form):
        raise NotImplementedError

    def context(self, form):
        return {"form": form, "titel": self.titel, "knop": self.knop, "client": self.client_obj}

    def get(self, request, *args, **kwargs):
        self.setup_objecten()
        return render(request, "toegang/formulier.html", self.context(self.maak_form()))

    def post(self, request, *args, **kwargs):
        self.setup_objecten()
        form = self.maak_form(request.POST)
        if form.is_valid():
            try:
                resultaat = self.opslaan(form)
            except ValidationError as fout:
                fouten_in_form(form, fout)
            else:
                if form.is_valid():
                    return redirect(self.volgende(resultaat))
        return render(request, "toegang/formulier.html", self.context(form), status=200)

    def volgende(self, resultaat):
        return reverse("toegang:dossier", args=[self.client_obj.pk])
