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
    unresolved = Attribution.objects.select_for_update().filter(
        agency__isnull=True, credited_name__iexact=credited_name
    )
    return sum(1 for attribution in unresolved if attribution_resolve(attribution, agency))


def attribution_resolve(attribution: Attribution, agency: Agency) -> Attribution:
    """Point one unresolved credit at ``agency``; returns the attribution that now holds it.

    The same item may already credit the agency in this role under another spelling: then the
    credit becomes one more spelling of that attribution (one attribution per agency and role).
    """
    # Published stories may carry the credit: their pages must show the agency from now on.
    transaction.on_commit(purge_public_pages)
    existing = (
        Attribution.objects.filter(
            wire_story_id=attribution.wire_story_id,
            story_id=attribution.story_id,
            role=attribution.role,
            agency=agency,
        )
        .exclude(pk=attribution.pk)
        .first()
    )
    if existing is None:
        attribution.agency = agency
        attribution.save(update_fields=["agency"])
        return attribution
    if attribution.credited_name not in [existing.credited_name, *existing.other_spellings]:
        existing.other_spellings = [*existing.other_spellings, attribution.credited_name]
        existing.save(update_fields=["other_spellings"])
    attribution.delete()
    return existing
