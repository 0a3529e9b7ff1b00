"""The review workflow as one table: each move, the states it starts from, the state it leads
to, who may make it, the audit events it writes and its side effects.

Everything that needs to know which move is allowed where reads this table: the services'
guards (services/workflow.py), the admin's buttons and list actions (admin/review/), the
permission matrix test and the diagram in README.md (`manage.py workflow_diagram`). Nothing
else states it.

"Scheduled" is a state here though not a stored status: a published story whose publish time
is ahead. Editors treat it differently (it may be rescheduled), so the table does too.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from articles.models import Story, StoryStatus
from translations import permissions
from translations.models import EventType
from translations.permissions import AnyUser

SCHEDULED = "scheduled"
STATES: dict[str, str] = {
    StoryStatus.DRAFT: "Draft",
    StoryStatus.IN_REVIEW: "In review",
    StoryStatus.CHANGES_REQUESTED: "Changes requested",
    StoryStatus.APPROVED: "Approved",
    SCHEDULED: "Scheduled",
    StoryStatus.PUBLISHED: "Published",
    StoryStatus.WITHDRAWN: "Withdrawn",
}


def state_of(story: Story) -> str:
    """The story's state as the table knows it (a key of STATES)."""
    return SCHEDULED if story.is_scheduled else str(story.status)


@dataclass(frozen=True)
class Who:
    """Who may make a move, by role: `may` answers for one story, `may_some` for the list
    actions, which are offered before any story is chosen."""

    label: str
    may: Callable[[AnyUser, Story], bool]
    may_some: Callable[[AnyUser], bool]


WORKER = Who(
    "the assigned translator or an editor", permissions.may_work_on, permissions.may_work_on_some
)
TRANSLATOR = Who(
    "the assigned translator", permissions.is_assigned_worker, permissions.may_work_on_some
)
EDITOR = Who("an editor", lambda user, story: permissions.can_review(user), permissions.can_review)
PUBLISHER = Who(
    "an editor", lambda user, story: permissions.can_publish(user), permissions.can_publish
)
REASSIGNER = Who(
    "an editor", lambda user, story: permissions.can_reassign(user), permissions.can_reassign
)


class Effect(StrEnum):
    """What happens besides the change of state; mail and purges only once the move commits."""

    MAIL_EDITORS = "mail the editors"
    MAIL_TRANSLATOR_CHANGES = "mail the translator the requested changes"
    MAIL_TRANSLATOR_PUBLISHED = "mail the translator"
    MAIL_NEW_ASSIGNEE = "mail the new translator"
    STORE_MEMORY = "keep the paragraph pairs in the translation memory"
    REINDEX = "refresh the search index"
    PURGE = "purge the public pages"


@dataclass(frozen=True)
class Move:
    name: str  # in URLs: /move/<name>/
    label: str  # on its button
    done: str  # what the story then is, for messages: "2 stories approved"
    sources: frozenset[str]  # keys of STATES
    target: str | None  # a key of STATES; None: the state stays
    who: Who
    events: tuple[EventType, ...]
    effects: tuple[Effect, ...] = ()
    four_eyes: bool = False  # never by one of the story's translators
    danger: bool = False
    bulk: str = ""  # offered as a list action under this description

    def is_open(self, story: Story) -> bool:
        return state_of(story) in self.sources

    def permitted(self, user: AnyUser, story: Story) -> bool:
        return self.who.may(user, story)

    def available_to(self, user: AnyUser, story: Story) -> bool:
        return self.is_open(story) and self.permitted(user, story)


def _states(*states: str) -> frozenset[str]:
    return frozenset(str(s) for s in states)


S = StoryStatus
WORKFLOW: dict[str, Move] = {
    move.name: move
    for move in [
        Move(
            "submit",
            "Submit for review",
            "submitted for review",
            _states(S.DRAFT),
            S.IN_REVIEW,
            WORKER,
            (EventType.STORY_SUBMITTED,),
            (Effect.MAIL_EDITORS,),
            bulk="Submit selected stories for review",
        ),
        # The translator answers the editor's request; the editor who made it is not offered
        # to answer it themselves (an editor takes a story over by reassigning it).
        Move(
            "resubmit",
            "Resubmit for review",
            "resubmitted for review",
            _states(S.CHANGES_REQUESTED),
            S.IN_REVIEW,
            TRANSLATOR,
            (EventType.STORY_RESUBMITTED,),
            (Effect.MAIL_EDITORS,),
        ),
        Move(
            "approve-publish",
            "Approve and publish",
            "approved and published",
            _states(S.IN_REVIEW),
            S.PUBLISHED,
            PUBLISHER,
            (EventType.STORY_APPROVED, EventType.STORY_PUBLISHED),
            (
                Effect.STORE_MEMORY,
                Effect.REINDEX,
                Effect.PURGE,
                Effect.MAIL_TRANSLATOR_PUBLISHED,
            ),
            four_eyes=True,
        ),
        Move(
            "request-changes",
            "Request changes",
            "returned to the translator",
            _states(S.IN_REVIEW),
            S.CHANGES_REQUESTED,
            EDITOR,
            (EventType.CHANGES_REQUESTED,),
            (Effect.MAIL_TRANSLATOR_CHANGES,),
        ),
        Move(
            "approve",
            "Approve only",
            "approved",
            _states(S.IN_REVIEW),
            S.APPROVED,
            EDITOR,
            (EventType.STORY_APPROVED,),
            (Effect.STORE_MEMORY,),
            four_eyes=True,
            bulk="Approve selected stories",
        ),
        Move(
            "publish",
            "Publish or schedule",
            "published",
            _states(S.APPROVED, SCHEDULED),
            S.PUBLISHED,
            PUBLISHER,
            (EventType.STORY_PUBLISHED,),
            (Effect.REINDEX, Effect.PURGE, Effect.MAIL_TRANSLATOR_PUBLISHED),
            bulk="Publish selected stories now",
        ),
        Move(
            "correct",
            "Correct",
            "corrected",
            _states(S.PUBLISHED, SCHEDULED),
            None,
            PUBLISHER,
            (EventType.STORY_CORRECTED,),
            (Effect.REINDEX, Effect.PURGE),
        ),
        Move(
            "withdraw",
            "Withdraw",
            "withdrawn",
            _states(S.PUBLISHED, SCHEDULED),
            S.WITHDRAWN,
            PUBLISHER,
            (EventType.STORY_WITHDRAWN,),
            # Re-indexing a withdrawn story takes it out of search.
            (Effect.REINDEX, Effect.PURGE),
            danger=True,
        ),
        Move(
            "reassign",
            "Reassign",
            "reassigned",
            _states(S.DRAFT, S.IN_REVIEW, S.CHANGES_REQUESTED),
            None,
            REASSIGNER,
            (EventType.STORY_REASSIGNED,),
            (Effect.MAIL_NEW_ASSIGNEE,),
        ),
    ]
}
del S


# The desk's "Save and submit" button makes whichever of these is open.
DESK_SUBMISSIONS = ("submit", "resubmit")


def moves_available(user: AnyUser, story: Story) -> Iterator[Move]:
    """The moves open to this user on this story now, in the table's order."""
    return (move for move in WORKFLOW.values() if move.available_to(user, story))


def refused_by_four_eyes(move: Move, user: AnyUser, story: Story) -> bool:
    return move.four_eyes and permissions.has_translated(user, story)


# --- the README's diagram -----------------------------------------------------------------------

DIAGRAM_START = "<!-- workflow table: generated by `manage.py workflow_diagram --write` -->"
DIAGRAM_END = "<!-- end of workflow table -->"


def _state_id(state: str) -> str:
    return state.replace("_", "")


def diagram() -> str:
    """The table as Markdown: a Mermaid state diagram, then one row per move."""
    lines = [DIAGRAM_START, "", "```mermaid", "stateDiagram-v2"]
    lines += [f"    {_state_id(key)}: {label}" for key, label in STATES.items()]
    lines.append(f"    [*] --> {_state_id(StoryStatus.DRAFT)}")
    for move in WORKFLOW.values():
        for source in sorted(move.sources, key=list(STATES).index):
            target = move.target or source
            lines.append(f"    {_state_id(source)} --> {_state_id(target)}: {move.label}")
    lines += ["```", ""]
    lines += [
        "| move | from | to | who | audit events | side effects |",
        "|---|---|---|---|---|---|",
    ]
    for move in WORKFLOW.values():
        sources = ", ".join(STATES[s] for s in sorted(move.sources, key=list(STATES).index))
        who = move.who.label + (", never one of its translators" if move.four_eyes else "")
        lines.append(
            f"| {move.label} | {sources} | {STATES[move.target] if move.target else '(same)'} "
            f"| {who} | {', '.join(e.label for e in move.events)} "
            f"| {', '.join(move.effects) or '—'} |"
        )
    lines += ["", DIAGRAM_END]
    return "\n".join(lines)


def replace_diagram(readme: str) -> str:
    """The README's text with its workflow block replaced by the current table."""
    start, end = readme.index(DIAGRAM_START), readme.index(DIAGRAM_END) + len(DIAGRAM_END)
    return readme[:start] + diagram() + readme[end:]
