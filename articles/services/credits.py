"""Mapping unresolved credits to agencies."""

from django.db import transaction

from articles.cache import purge_public_pages
from articles.models import Agency, AgencyAlias, Attribution


@transaction.atomic
def credit_map(*, credited_name: str, agency: Agency, remember_alias: bool = True) -> int:
    """Resolve every unresolved credit written `credited_name` to `agency`; return how many.

    With `remember_alias`, the name becomes an alias of the agency, so that later deliveries
    resolve by themselves.
    """
    if remember_alias and not (
        agency.name.lower() == credited_name.lower()
        or AgencyAlias.objects.filter(name__iexact=credited_name).exists()
    ):
        AgencyAlias.objects.create(agency=agency, name=credited_name)
    # Published stories may carry the credit: their pages must show the agency from now on.
    transaction.on_commit(purge_public_pages)
    return Attribution.objects.filter(
        agency__isnull=True, credited_name__iexact=credited_name
    ).update(agency=agency)
