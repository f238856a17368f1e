"""The REST API (`/api/v1/`): an adapter over the selectors and services of the domain apps.

One module per resource (serializer + view set); shared permissions and scoping in `permissions.py`,
shared filters in `filters.py`. Views hold no rules: they call selectors to read and services to write.
To add a resource: write `api/<resource>.py` with its view set and register it in `urls.py`.
"""
