"""The workflow moves as the admin offers them: who sees the button, its form, the service it calls.

Each move's `permitted` answers by role alone and `is_open` by state alone, so that the admin
can tell "not yours to do" (403) from "not now" (409). The services check both again.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils.text import Truncator

from articles.models import Story, StoryStatus
from translations import permissions
from translations.permissions import AnyUser
from translations.services.editing import ParagraphInput
from translations.services.workflow import (
    REASSIGNABLE_STATES,
    story_approve,
    story_correct,
    story_publish,
    story_reassign,
    story_request_changes,
    story_resubmit,
    story_submit,
    story_withdraw,
)


class CommentForm(forms.Form):
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional; kept in the audit log.",
    )


def paragraph_choices(story: Story) -> list[tuple[str, str]]:
    return [("", "The whole story")] + [
        (p.key, f"¶{n} {Truncator(p.text).chars(60)}")
        for n, p in enumerate(story.paragraphs.order_by("position"), start=1)
    ]


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required: tell the translator what to change.",
    )
    paragraph_key = forms.ChoiceField(label="About", required=False)
    field_order = ["paragraph_key", "comment"]  # first where, then what

    def __init__(self, *args: Any, story: Story, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraph_key"].choices = paragraph_choices(story)


class PublishForm(CommentForm):
    publish_at = forms.DateTimeField(
        label="Publish at (UTC)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="Empty for now. A later time schedules the story; a source embargo ending "
        "later wins.",
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required: readers see it at the story's URL, which answers 410 Gone.",
    )


class ReassignForm(CommentForm):
    assignee = forms.ModelChoiceField(queryset=get_user_model().objects.none())

    def __init__(self, *args: Any, story: Story, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = permissions.desk_members().exclude(pk=story.assignee_id)


class CorrectForm(forms.Form):
    """The published text, one field per paragraph (by key), and the public note."""

    note = forms.CharField(
        label="Correction note",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required: shown to readers under the story, with the time of the correction.",
    )
    headline = forms.CharField(max_length=500)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, story: Story, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("headline", story.headline)
        self.initial.setdefault("summary", story.summary)
        self.keys = []
        for n, paragraph in enumerate(story.paragraphs.order_by("position"), start=1):
            name = f"p_{paragraph.key}"
            self.keys.append(paragraph.key)
            self.fields[name] = forms.CharField(
                label=f"¶{n}",
                required=False,
                initial=paragraph.text,
                widget=forms.Textarea(attrs={"rows": max(3, len(paragraph.text) // 90 + 1)}),
                help_text="Empty removes the paragraph." if n == 1 else "",
            )
        self.fields["new_paragraph"] = forms.CharField(
            label="New last paragraph", required=False, widget=forms.Textarea(attrs={"rows": 2})
        )
        # The story's own text: its language and direction, for spelling and right-to-left.
        for name, field in self.fields.items():
            if name != "note":
                field.widget.attrs.update({"lang": story.language, "dir": "auto"})

    def paragraphs(self) -> list[ParagraphInput]:
        data = self.cleaned_data
        kept = [ParagraphInput(text=data[f"p_{k}"], key=k) for k in self.keys]
        new = [ParagraphInput(text=data["new_paragraph"])] if data["new_paragraph"].strip() else []
        return [p for p in kept if p.text.strip()] + new


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    is_open: Callable[[Story], bool]
    permitted: Callable[[AnyUser, Story], bool]
    form_class: type[forms.Form]
    perform: Callable[[Story, AbstractBaseUser, forms.Form], str]
    takes_story: bool = False  # the form needs the story (paragraph choices, assignees)
    danger: bool = False

    def available_to(self, user: AnyUser, story: Story) -> bool:
        return self.is_open(story) and self.permitted(user, story)

    def make_form(self, story: Story, data: Any = None) -> forms.Form:
        # Several moves' forms share a page: their ids must not clash.
        auto_id = f"id_{self.name}_%s"
        if self.takes_story:
            return self.form_class(data, story=story, auto_id=auto_id)
        return self.form_class(data, auto_id=auto_id)


def _in(*states: StoryStatus) -> Callable[[Story], bool]:
    return lambda story: story.status in states


def _reviewer(user: AnyUser, story: Story) -> bool:
    return permissions.can_review(user)


def _publisher(user: AnyUser, story: Story) -> bool:
    return permissions.can_publish(user)


def _reassigner(user: AnyUser, story: Story) -> bool:
    return permissions.can_reassign(user)


def _submit(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_submit(story=story, actor=actor, comment=form.cleaned_data["comment"])
    return "Submitted for review; the editors have been told."


def _resubmit(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_resubmit(story=story, actor=actor, comment=form.cleaned_data["comment"])
    return "Resubmitted for review; the editors have been told."


def _request_changes(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_request_changes(
        story=story,
        actor=actor,
        comment=form.cleaned_data["comment"],
        paragraph_key=form.cleaned_data["paragraph_key"],
    )
    return "Changes requested; the translator has been told."


def _approve(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_approve(story=story, actor=actor, comment=form.cleaned_data["comment"])
    return "Approved: it can now be published or scheduled."


def _publish(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story = story_publish(
        story=story,
        actor=actor,
        publish_at=form.cleaned_data["publish_at"],
        comment=form.cleaned_data["comment"],
    )
    when = f"{story.publish_at:%Y-%m-%d %H:%M} UTC"
    return f"Scheduled for {when}." if story.is_scheduled else f"Published at {when}."


def _withdraw(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_withdraw(story=story, actor=actor, note=form.cleaned_data["note"])
    return "Withdrawn: its URL now answers 410 Gone with your note."


def _reassign(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    assignee = form.cleaned_data["assignee"]
    story_reassign(
        story=story, actor=actor, assignee=assignee, comment=form.cleaned_data["comment"]
    )
    return f"Reassigned to {assignee}; they have been told."


def _correct(story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    assert isinstance(form, CorrectForm)
    data = form.cleaned_data
    story_correct(
        story=story,
        actor=actor,
        note=data["note"],
        headline=data["headline"],
        summary=data["summary"],
        paragraphs=form.paragraphs(),
    )
    return "Corrected: the note shows under the story with its time."


MOVES: dict[str, Move] = {
    move.name: move
    for move in [
        Move(
            "submit",
            "Submit for review",
            _in(StoryStatus.DRAFT),
            permissions.may_work_on,
            CommentForm,
            _submit,
        ),
        Move(
            "resubmit",
            "Resubmit for review",
            _in(StoryStatus.CHANGES_REQUESTED),
            permissions.may_work_on,
            CommentForm,
            _resubmit,
        ),
        Move(
            "request-changes",
            "Request changes",
            _in(StoryStatus.IN_REVIEW),
            _reviewer,
            RequestChangesForm,
            _request_changes,
            takes_story=True,
        ),
        Move("approve", "Approve", _in(StoryStatus.IN_REVIEW), _reviewer, CommentForm, _approve),
        Move(
            "publish",
            "Publish or schedule",
            lambda story: story.status == StoryStatus.APPROVED or story.is_scheduled,
            _publisher,
            PublishForm,
            _publish,
        ),
        Move(
            "correct",
            "Correct",
            _in(StoryStatus.PUBLISHED),
            _publisher,
            CorrectForm,
            _correct,
            takes_story=True,
        ),
        Move(
            "withdraw",
            "Withdraw",
            _in(StoryStatus.PUBLISHED),
            _publisher,
            WithdrawForm,
            _withdraw,
            danger=True,
        ),
        Move(
            "reassign",
            "Reassign",
            _in(*REASSIGNABLE_STATES),
            _reassigner,
            ReassignForm,
            _reassign,
            takes_story=True,
        ),
    ]
}
