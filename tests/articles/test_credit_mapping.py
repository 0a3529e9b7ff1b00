"""An editor maps an unresolved credit to an agency; later deliveries resolve by themselves."""

import pytest

from articles.models import Agency, Attribution, AttributionRole
from tests.factories import AgencyFactory, PublishedStoryFactory, WireStoryFactory

pytestmark = pytest.mark.django_db


def test_editor_maps_unresolved_credit_and_remembers_alias(client, editor):
    agency = AgencyFactory(name="Bakhtar", slug="bakhtar")
    unresolved = [
        Attribution.objects.create(
            wire_story=WireStoryFactory(),
            credited_name="Bakhtar News",
            role=AttributionRole.ORIGINAL_REPORTER,
        )
        for _ in range(2)
    ]
    client.force_login(editor)

    listing = client.get("/admin/articles/attribution/?resolved=no")
    response = client.post(
        f"/admin/articles/attribution/{unresolved[0].pk}/change/",
        {"agency": agency.pk, "remember_alias": "on"},
        follow=True,
    )

    assert "Bakhtar News" in listing.text
    assert response.status_code == 200
    assert "Mapped 2 credits named “Bakhtar News” to Bakhtar." in response.text
    assert set(Attribution.objects.values_list("agency", flat=True)) == {agency.pk}
    assert Agency.objects.by_name("bakhtar news") == agency


def test_translator_cannot_reach_credit_mapping(client, translator):
    client.force_login(translator)

    assert client.get("/admin/articles/attribution/").status_code == 403


def test_mapping_reaches_published_pages_at_once(
    client, editor, django_capture_on_commit_callbacks
):
    agency = AgencyFactory(name="Bakhtar", slug="bakhtar")
    story = PublishedStoryFactory()
    credit = Attribution.objects.create(
        story=story, credited_name="Bakhtar News", role=AttributionRole.ORIGINAL_REPORTER
    )
    assert "/agencies/bakhtar/" not in client.get(story.get_absolute_url()).text  # now cached
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/articles/attribution/{credit.pk}/change/",
            {"agency": agency.pk, "remember_alias": "on"},
        )
    client.logout()

    assert "/agencies/bakhtar/" in client.get(story.get_absolute_url()).text
    # Resolved, the credit is provenance readers have seen: no longer re-pointed in the form.
    client.force_login(editor)
    form = client.get(f"/admin/articles/attribution/{credit.pk}/change/").text
    assert 'name="agency"' not in form
