"""Who may do what, as product.md's table says: one function per question.

Views, admin and services all ask here, so that the rule lives in one place. Objects a user
may not reach answer 404 in views (see `stories_visible_to`), so that their existence does
not leak.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from articles.models import Story, StoryStatus
from translations.models import Translation

type AnyUser = AbstractBaseUser | AnonymousUser

EDITABLE_STATES = frozenset({StoryStatus.DRAFT, StoryStatus.CHANGES_REQUESTED})
TRANSLATORS_GROUP = "Translators"
EDITORS_GROUP = "Editors"


def is_desk_member(user: AnyUser) -> bool:
    """May see the wire queue, claim a wire story and create a draft translation."""
    return user.is_active and user.has_perm("articles.claim_wirestory")


def is_editor(user: AnyUser) -> bool:
    return user.is_active and user.has_perm("articles.review_story")


def is_assigned(user: AnyUser, story: Story) -> bool:
    return user.is_authenticated and story.assignee_id == user.pk


def can_edit(user: AnyUser, story: Story) -> bool:
    if story.status not in EDITABLE_STATES:
        return False
    return user.is_active and (
        user.has_perm("articles.edit_any_story")
        or (user.has_perm("articles.change_story") and is_assigned(user, story))
    )


def can_submit(user: AnyUser, story: Story) -> bool:
    return can_edit(user, story)


def can_review(user: AnyUser) -> bool:
    return user.is_active and user.has_perm("articles.review_story")


def can_publish(user: AnyUser) -> bool:
    return user.is_active and user.has_perm("articles.publish_story")


def can_preview(user: AnyUser, story: Story) -> bool:
    return user.is_active and (
        user.has_perm("articles.preview_any_story")
        or (user.has_perm("articles.view_story") and is_assigned(user, story))
    )


def can_reassign(user: AnyUser) -> bool:
    return user.is_active and user.has_perm("articles.reassign_wirestory")


def stories_visible_to(user: AnyUser):
    """The stories a user may open in the desk and the admin; the rest answer 404."""
    if not user.is_active:
        return Story.objects.none()
    if user.has_perm("articles.preview_any_story"):
        return Story.objects.all()
    if user.has_perm("articles.view_story"):
        # A subquery rather than a join and distinct(), so that the result combines with other
        # querysets (the admin's `&`) and needs no de-duplication.
        translated = Translation.objects.filter(translators=user).values("story_id")
        return Story.objects.filter(Q(assignee=user) | Q(pk__in=translated))
    return Story.objects.none()
