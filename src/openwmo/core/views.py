from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import DetailView, ListView

from .forms import ClientZoekForm
from .selectors import client_ophalen, clienten_zoeken


class ClientLijstView(LoginRequiredMixin, ListView):
    template_name = "core/client_lijst.html"
    context_object_name = "clienten"
    paginate_by = 50

    def get_queryset(self):
        self.form = ClientZoekForm(self.request.GET or None)
        zoekterm = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        return clienten_zoeken(self.request.user, zoekterm)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class ClientDetailView(LoginRequiredMixin, DetailView):
    template_name = "core/client_detail.html"
    context_object_name = "client"

    def get_object(self, queryset=None):
        return client_ophalen(self.request.user, self.kwargs["pk"])
