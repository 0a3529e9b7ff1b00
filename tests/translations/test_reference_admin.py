"""The glossary is kept in the admin by editors; the audit log shows each user what is theirs."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import GlossaryTermFactory, story_in_state
from translations.models import GlossaryTerm
from translations.services.workflow import story_submit

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_glossary_term_and_a_translator_reads_it(client, editor, translator):
    client.force_login(editor)
    response = client.post(
        reverse("admin:translations_glossaryterm_add"),
        {
            "source_language": "ru",
            "target_language": "en",
            "source_term": "Североатлантический альянс",
            "target_term": "North Atlantic Alliance",
            "note": "Never 'North Atlantic Union'.",
        },
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get()

    client.force_login(translator)
    listing = client.get(reverse("admin:translations_glossaryterm_changelist"))
    assert listing.status_code == 200
    assert "North Atlantic Alliance" in listing.content.decode()
    assert (
        client.get(reverse("admin:translations_glossaryterm_change", args=[term.pk])).status_code
        == 200
    )
    assert client.get(reverse("admin:translations_glossaryterm_add")).status_code == 403


def test_a_glossary_term_is_one_term_whatever_its_case():
    # Latin letters: SQLite's LOWER() folds ASCII only; PostgreSQL folds every script.
    GlossaryTermFactory(source_term="Brussels")
    with pytest.raises(IntegrityError):
        GlossaryTermFactory(source_term="BRUSSELS")


def test_a_translator_reads_the_history_of_their_own_stories_only(
    client, translator, other_translator, editor
):
    mine = story_in_state(StoryStatus.DRAFT, assignee=translator, headline="Talks in Astana")
    theirs = story_in_state(StoryStatus.DRAFT, assignee=other_translator, headline="Not yours")
    story_submit(story=mine, actor=translator)
    story_submit(story=theirs, actor=other_translator)
    changelist = reverse("admin:translations_auditevent_changelist")

    client.force_login(translator)
    page = client.get(changelist).content.decode()
    hidden = client.get(
        reverse(
            "admin:translations_auditevent_change",
            args=[theirs.audit_events.get().pk],
        )
    )

    assert "Talks in Astana" in page
    assert "Not yours" not in page
    assert hidden.status_code == 302  # the admin's "does not exist" answer: back to the list
    client.force_login(editor)
    assert "Not yours" in client.get(changelist).content.decode()
