"""View mixins for role checks: anonymous users go to the login page, other roles get 403."""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin

from .rollen import heeft_rol


class RolVereistMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Only users with one of `rollen` (or a superuser) may open the view."""

    rollen: frozenset = frozenset()

    def test_func(self):
        return heeft_rol(self.request.user, self.rollen)
