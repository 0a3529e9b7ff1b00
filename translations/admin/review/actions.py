"""The story list's bulk actions (submit, approve, publish) and the permissions that show them.

Each story goes through its workflow service on its own: one refused does not stop the others,
and each refusal is reported with its reason.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from articles.models import Story
from translations import permissions
from translations.services.errors import WorkflowError
from translations.services.workflow import story_approve, story_publish, story_submit


class ReviewActionsMixin:
    actions = ["submit_selected", "approve_selected", "publish_selected"]

    # Permissions of the list actions (ModelAdmin asks has_<name>_permission).
    def has_submit_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return user.is_active and (
            user.has_perm("articles.change_story") or user.has_perm("articles.edit_any_story")
        )

    def has_review_permission(self, request: HttpRequest) -> bool:
        return permissions.can_review(request.user)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return permissions.can_publish(request.user)

    def _bulk(self, request: HttpRequest, queryset: QuerySet[Story], service, done: str) -> None:
        moved, refused = 0, []
        for story in queryset:
            try:
                service(story=story, actor=request.user)
            except (WorkflowError, PermissionDenied) as refusal:
                refused.append(f"“{story}”: {refusal}")
            else:
                moved += 1
        if moved:
            self.message_user(request, f"{moved} {done}.", messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description="Submit selected stories for review", permissions=["submit"])
    def submit_selected(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._bulk(request, queryset, story_submit, "submitted for review")

    @admin.action(description="Approve selected stories", permissions=["review"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._bulk(request, queryset, story_approve, "approved")

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._bulk(request, queryset, story_publish, "published")
