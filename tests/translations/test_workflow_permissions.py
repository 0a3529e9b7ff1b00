"""Acceptance 1: who may make which move, in which state, through the admin.

Every role of product.md's table against every move and every admin and preview page of a
story, in every state where it could be tried: the status code, then the story's state and
the audit log afterwards.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from articles.models import Story, StoryStatus
from tests.factories import (
    EditorFactory,
    SectionFactory,
    TranslatorFactory,
    UserFactory,
    story_in_state,
)
from translations import workflow
from translations.models import AuditEvent, EventType

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "translator_assigned", "translator_other", "editor", "superuser"]
STATES = [
    "draft",
    "in_review",
    "changes_requested",
    "approved",
    "scheduled",
    "published",
    "withdrawn",
]


# Which roles of this matrix each "who" of the table admits: the one thing the test states
# itself, from product.md's table of who may do what.
WHO_ROLES = {
    workflow.WORKER: frozenset({"translator_assigned", "editor", "superuser"}),
    workflow.TRANSLATOR: frozenset({"translator_assigned"}),
    workflow.EDITOR: frozenset({"editor", "superuser"}),
    workflow.PUBLISHER: frozenset({"editor", "superuser"}),
    workflow.REASSIGNER: frozenset({"editor", "superuser"}),
}


@dataclass(frozen=True)
class MoveCase:
    name: str
    roles: frozenset[str]  # who may make it, whatever the state
    states: frozenset[str]  # where it can be made
    events: tuple[EventType, ...]
    to: str | None  # None: the status stays


def move_cases() -> list[MoveCase]:
    """The matrix's moves, read from the workflow table."""
    return [
        MoveCase(move.name, WHO_ROLES[move.who], move.sources, move.events, move.target)
        for move in workflow.WORKFLOW.values()
    ]


PAGES = ["change", "review", "revisions", "compare", "preview", "translate", "source_changed"]


@pytest.fixture
def people(db) -> dict:
    return {
        "anonymous": None,
        "translator_assigned": TranslatorFactory(),
        "translator_other": TranslatorFactory(),
        "editor": EditorFactory(),
        "superuser": UserFactory(username="root", is_superuser=True),
        "reassign_to": TranslatorFactory(),
        "section": SectionFactory(),
    }


def make_story(state: str, assignee) -> Story:
    if state == "scheduled":
        return story_in_state(StoryStatus.PUBLISHED, assignee=assignee, scheduled=True)
    return story_in_state(state, assignee=assignee)


def post_data(move: str, story: Story, people: dict) -> dict:
    paragraphs = {f"p_{p.key}": p.text for p in story.paragraphs.all()}
    publish = {"publish_at": "", "comment": "", "section": people["section"].pk}
    return {
        "resubmit": {"comment": "Fixed."},
        "request-changes": {"comment": "The date in ¶2 is wrong.", "paragraph_key": ""},
        "approve-publish": publish,
        "publish": publish,
        "correct": {
            "note": "An earlier version gave the wrong year.",
            "headline": story.headline + " (corrected)",
            "summary": story.summary,
            "new_paragraph": "",
            **paragraphs,
        },
        "withdraw": {"note": "The agency retracted the story."},
        "reassign": {"assignee": people["reassign_to"].pk, "comment": ""},
    }.get(move, {"comment": ""})


def expected_status(role: str, case: MoveCase, state: str) -> int:
    if role == "anonymous":
        return 302  # to the admin login
    if role == "translator_other":
        return 404  # the story is outside their reach
    if role not in case.roles:
        return 403
    return 302 if state in case.states else 409


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("case", move_cases(), ids=lambda c: c.name)
@pytest.mark.parametrize("role", ROLES)
def test_move_matrix(client, people, role, case, state):
    assert_move(client, people, role, case, state)


def assert_move(client, people, role: str, case: MoveCase, state: str) -> None:
    """Make the move as this role on a story in this state; check the answer, the story's
    state and the audit log."""
    story = make_story(state, people["translator_assigned"])
    before_status, before_events = story.status, AuditEvent.objects.count()
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if people[role] is not None:
        client.force_login(people[role])
    url = reverse("admin:articles_story_move", args=[story.pk, case.name])

    response = client.post(url, post_data(case.name, story, people))

    expected = expected_status(role, case, state)
    assert response.status_code == expected, response.content.decode()[:2000]
    story.refresh_from_db()
    if expected == 302 and role != "anonymous":
        assert response["Location"] == reverse("admin:articles_story_change", args=[story.pk])
        written = list(AuditEvent.objects.filter(pk__gt=last_event).order_by("pk"))
        assert [e.event_type for e in written] == list(case.events)
        assert {e.actor for e in written} == {people[role]}
        assert written[0].from_status == before_status
        assert written[-1].to_status == (case.to or before_status)
        assert story.status == (case.to or before_status)
    else:
        if role == "anonymous":
            assert response["Location"].startswith(reverse("admin:login"))
        assert story.status == before_status
        assert AuditEvent.objects.count() == before_events


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_page_matrix(client, people, role, page, state):
    story = make_story(state, people["translator_assigned"])
    if people[role] is not None:
        client.force_login(people[role])
    url = reverse(f"admin:articles_story_{page}", args=[story.pk])

    response = client.get(url)

    expected = {"anonymous": 302, "translator_other": 404}.get(role, 200)
    assert response.status_code == expected
    if expected == 200:
        assert story.headline in response.content.decode()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_move_buttons_appear_only_to_those_allowed(client, people, role, state):
    story = make_story(state, people["translator_assigned"])
    if people[role] is None:
        return  # anonymous never reaches the change form (see test_page_matrix)
    client.force_login(people[role])

    response = client.get(reverse("admin:articles_story_change", args=[story.pk]))

    if role == "translator_other":
        assert response.status_code == 404
        return
    body = response.content.decode()
    for case in move_cases():
        url = reverse("admin:articles_story_move", args=[story.pk, case.name])
        shown = role in case.roles and state in case.states
        assert (url in body) is shown, f"{case.name} button shown={url in body}"
    assert 'name="status"' not in body  # the status is never a form field
