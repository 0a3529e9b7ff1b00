"""The story list's bulk actions: one per move of the workflow table that has a `bulk`
description, offered to those the table allows it on some story.

Each story goes through its workflow service on its own: one refused does not stop the others,
and each refusal is reported with its reason.
"""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.admin.options import Action, ActionLocation
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from articles.models import Story
from translations.services.errors import WorkflowError
from translations.services.workflow import story_move, story_publish, story_submit
from translations.workflow import WORKFLOW, Move

# Moves whose service does more than the table's guard (the QA gate, the publish time); the
# others go through story_move.
SERVICES: dict[str, Callable[..., object]] = {"submit": story_submit, "publish": story_publish}


def action_name(move: Move) -> str:
    return f"{move.name.replace('-', '_')}_selected"


class ReviewActionsMixin:
    def get_actions(
        self, request: HttpRequest, action_location=ActionLocation.CHANGE_LIST
    ) -> dict[str, Action]:
        actions = super().get_actions(request, action_location)
        if action_location != ActionLocation.CHANGE_LIST:
            return actions
        for move in WORKFLOW.values():
            if move.bulk and move.who.may_some(request.user):
                name = action_name(move)
                actions[name] = Action(
                    func=partial(self._bulk, move=move),
                    name=name,
                    description=move.bulk,
                    plural_description=move.bulk,
                    locations=[ActionLocation.CHANGE_LIST],
                )
        return actions

    def _bulk(self, modeladmin, request: HttpRequest, queryset: QuerySet[Story], *, move: Move):
        service = SERVICES.get(move.name, partial(story_move, move=move.name))
        moved, refused = 0, []
        for story in queryset:
            try:
                service(story=story, actor=request.user)
            except (WorkflowError, PermissionDenied) as refusal:
                refused.append(f"“{story}”: {refusal}")
            else:
                moved += 1
        if moved:
            done = f"{moved} {'story' if moved == 1 else 'stories'} {move.done}."
            self.message_user(request, done, messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.ERROR)
