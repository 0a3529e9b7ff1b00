"""Acceptance 3: the workflow table (translations/workflow.py) is the only statement of which
move is allowed where. A move added to it appears in the permission matrix, on the story's
page and in the README's diagram, and the services obey it."""

import dataclasses
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import EditorFactory, SectionFactory, TranslatorFactory, story_in_state
from tests.translations.test_workflow_permissions import ROLES, assert_move, move_cases
from translations import workflow
from translations.models import AuditEvent, EventType
from translations.services.errors import WorkflowError
from translations.services.workflow import story_move

pytestmark = pytest.mark.django_db

FAST_TRACK = workflow.Move(
    "fast-track",
    "Fast-track",
    "fast-tracked",
    frozenset({"draft"}),
    StoryStatus.APPROVED,
    workflow.EDITOR,
    (EventType.STORY_APPROVED,),
    bulk="Fast-track selected stories",
)


@pytest.fixture
def fast_track(monkeypatch):
    monkeypatch.setitem(workflow.WORKFLOW, FAST_TRACK.name, FAST_TRACK)
    return FAST_TRACK


def test_a_move_added_to_the_table_appears_in_the_matrix_buttons_actions_and_diagram(
    client, fast_track
):
    translator, editor = TranslatorFactory(), EditorFactory()
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    url = reverse("admin:articles_story_move", args=[story.pk, "fast-track"])

    cases = {case.name: case for case in move_cases()}
    client.force_login(editor)
    editor_page = client.get(reverse("admin:articles_story_change", args=[story.pk]))
    editor_list = client.get(reverse("admin:articles_story_changelist")).content.decode()
    client.force_login(translator)
    translator_page = client.get(reverse("admin:articles_story_change", args=[story.pk]))

    assert cases["fast-track"].roles == {"editor", "superuser"}
    assert cases["fast-track"].states == {"draft"}
    assert url in editor_page.content.decode()
    assert "Fast-track" in editor_page.content.decode()
    assert url not in translator_page.content.decode()
    assert 'value="fast_track_selected"' in editor_list
    assert "| Fast-track | Draft | Approved | an editor | Approved |" in workflow.diagram()


@pytest.mark.parametrize("state", ["draft", "in_review"])
@pytest.mark.parametrize("role", ROLES)
def test_the_added_move_runs_through_the_matrix(client, fast_track, role, state):
    people = {
        "anonymous": None,
        "translator_assigned": TranslatorFactory(),
        "translator_other": TranslatorFactory(),
        "editor": EditorFactory(),
        "superuser": EditorFactory(is_superuser=True),
        "reassign_to": TranslatorFactory(),
        "section": SectionFactory(),
    }
    case = next(case for case in move_cases() if case.name == "fast-track")

    assert_move(client, people, role, case, state)


def test_the_services_guard_by_the_table(monkeypatch, fast_track):
    translator, editor = TranslatorFactory(), EditorFactory()
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    with pytest.raises(PermissionDenied, match="Only an editor may fast-track"):
        story_move(story=story, actor=translator, move="fast-track")
    story_move(story=story, actor=editor, move="fast-track")

    story.refresh_from_db()
    assert story.status == StoryStatus.APPROVED
    assert AuditEvent.objects.filter(story=story, event_type=EventType.STORY_APPROVED).count() == 1
    # Change the move's states in the table, and the service follows.
    monkeypatch.setitem(
        workflow.WORKFLOW, "fast-track", dataclasses.replace(FAST_TRACK, sources={"in_review"})
    )
    draft = story_in_state(StoryStatus.DRAFT, assignee=translator)
    with pytest.raises(WorkflowError, match="is not possible: the story is draft"):
        story_move(story=draft, actor=editor, move="fast-track")


def test_the_readme_diagram_is_the_table():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")

    assert workflow.diagram() in readme
    call_command("workflow_diagram", "--check", verbosity=0)


def test_every_move_of_the_table_is_a_state_of_the_table():
    for move in workflow.WORKFLOW.values():
        assert move.sources <= set(workflow.STATES), move.name
        assert move.target is None or move.target in workflow.STATES, move.name
