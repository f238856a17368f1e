"""A form view that hands its cleaned data to a service and shows the service's errors on the form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView


def fouten_op_formulier(form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where the form has it, else on top."""
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
    else:
        form.add_error(None, fout.messages)


class ServiceFormView(FormView):
    """Subclasses implement `uitvoeren(form)` (calls a service, returns the object) and `succes_url(obj)`."""

    template_name = "formulier.html"
    titel = ""
    knop = ""
    melding = ""

    def uitvoeren(self, form):
        raise NotImplementedError

    def succes_url(self, obj):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            obj = self.uitvoeren(form)
        except ValidationError as fout:
            fouten_op_formulier(form, fout)
            return self.form_invalid(form)
        if self.melding:
            messages.success(self.request, self.melding)
        return redirect(self.succes_url(obj))

    def get_context_data(self, **kwargs):
        return super().get_context_data(titel=self.titel, knop=self.knop, terug=self.terug_url(), **kwargs)

    def terug_url(self):
        return ""
