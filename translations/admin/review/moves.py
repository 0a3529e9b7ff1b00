"""The form and the service call of each move of the workflow table (translations/workflow.py).

The table decides which moves exist, where and for whom; this module only says what each one
asks for and what it answers. A move of the table with no entry here asks for an optional
comment and goes through `story_move`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from articles.models import Section, Story
from translations import permissions
from translations.selectors.review import paragraph_choices
from translations.services.editing import ParagraphInput
from translations.services.workflow import (
    story_approve,
    story_approve_and_publish,
    story_correct,
    story_move,
    story_publish,
    story_reassign,
    story_request_changes,
    story_resubmit,
    story_submit,
    story_withdraw,
)
from translations.workflow import Move


class CommentForm(forms.Form):
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional; kept in the audit log.",
    )


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
    section = forms.ModelChoiceField(
        queryset=Section.objects.order_by("name"),
        help_text="Readers find stories by section; a story is published in one.",
    )
    publish_at = forms.DateTimeField(
        label="Publish at (UTC)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="Empty for now. A later time schedules the story; a source embargo ending "
        "later wins.",
    )
    field_order = ["section", "publish_at", "comment"]

    def __init__(self, *args: Any, story: Story, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Asked only of a story that has none; its section is changed on its change form.
        if story.section_id is not None:
            del self.fields["section"]


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
class MoveForm:
    """What a move asks for in the admin and how its answer reaches the service."""

    form_class: type[forms.Form]
    perform: Callable[[Move, Story, AbstractBaseUser, forms.Form], str]
    takes_story: bool = False  # the form needs the story (paragraph choices, assignees)
    own_page: bool = False  # too big for the panel: its button opens the move's page


def _by_table(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story = story_move(
        story=story, actor=actor, move=move.name, comment=form.cleaned_data["comment"]
    )
    return f"The story is {move.done}; it is now {story.display_status.lower()}."


def _submit(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_submit(story=story, actor=actor, comment=form.cleaned_data["comment"])
    return "Submitted for review; the editors have been told."


def _resubmit(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_resubmit(story=story, actor=actor, comment=form.cleaned_data["comment"])
    return "Resubmitted for review; the editors have been told."


def _request_changes(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_request_changes(
        story=story,
        actor=actor,
        comment=form.cleaned_data["comment"],
        paragraph_key=form.cleaned_data["paragraph_key"],
    )
    return "Changes requested; the translator has been told."


def _approve(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_approve(story=story, actor=actor, comment=form.cleaned_data["comment"])
    return "Approved: it can now be published or scheduled."


def _published(story: Story) -> str:
    when = f"{story.publish_at:%Y-%m-%d %H:%M} UTC"
    return f"Scheduled for {when}." if story.is_scheduled else f"Published at {when}."


def _publish(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    data = form.cleaned_data
    story = story_publish(
        story=story,
        actor=actor,
        publish_at=data["publish_at"],
        section=data.get("section"),
        comment=data["comment"],
    )
    return _published(story)


def _approve_publish(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    data = form.cleaned_data
    story = story_approve_and_publish(
        story=story,
        actor=actor,
        publish_at=data["publish_at"],
        section=data.get("section"),
        comment=data["comment"],
    )
    return "Approved. " + _published(story)


def _withdraw(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    story_withdraw(story=story, actor=actor, note=form.cleaned_data["note"])
    return "Withdrawn: its URL now answers 410 Gone with your note."


def _reassign(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    assignee = form.cleaned_data["assignee"]
    story_reassign(
        story=story, actor=actor, assignee=assignee, comment=form.cleaned_data["comment"]
    )
    return f"Reassigned to {assignee}; they have been told."


def _correct(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
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


MOVE_FORMS: dict[str, MoveForm] = {
    "submit": MoveForm(CommentForm, _submit),
    "resubmit": MoveForm(CommentForm, _resubmit),
    "request-changes": MoveForm(RequestChangesForm, _request_changes, takes_story=True),
    "approve-publish": MoveForm(PublishForm, _approve_publish, takes_story=True),
    "approve": MoveForm(CommentForm, _approve),
    "publish": MoveForm(PublishForm, _publish, takes_story=True),
    "correct": MoveForm(CorrectForm, _correct, takes_story=True, own_page=True),
    "withdraw": MoveForm(WithdrawForm, _withdraw),
    "reassign": MoveForm(ReassignForm, _reassign, takes_story=True),
}
BY_TABLE = MoveForm(CommentForm, _by_table)


def move_form(move: Move) -> MoveForm:
    return MOVE_FORMS.get(move.name, BY_TABLE)


def make_form(move: Move, story: Story, data: Any = None) -> forms.Form:
    """The move's form; several share a page, so their ids carry the move's name."""
    spec = move_form(move)
    auto_id = f"id_{move.name}_%s"
    if spec.takes_story:
        return spec.form_class(data, story=story, auto_id=auto_id)
    return spec.form_class(data, auto_id=auto_id)


def perform(move: Move, story: Story, actor: AbstractBaseUser, form: forms.Form) -> str:
    return move_form(move).perform(move, story, actor, form)
