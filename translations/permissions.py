"""Who may do what, as product.md's table says: one function per question.

Views, admin and services all ask here, so that the rule lives in one place. Objects a user
may not reach answer 404 in views (see `stories_visible_to`), so that their existence does
not leak.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Permission
from django.db.models import Exists, OuterRef, Q

from articles.models import Story, StoryStatus
from translations.models import Translation

type AnyUser = AbstractBaseUser | AnonymousUser

EDITABLE_STATES = frozenset({StoryStatus.DRAFT, StoryStatus.CHANGES_REQUESTED})
TRANSLATORS_GROUP = "Translators"
EDITORS_GROUP = "Editors"


def is_desk_member(user: AnyUser) -> bool:
    """May see the wire queue, claim a wire story and create a draft translation."""
    return user.is_active and user.has_perm("articles.claim_wirestory")


def desk_members():
    """The users `is_desk_member` says yes to, as a queryset: who a story may be assigned to."""
    claim = Permission.objects.filter(
        content_type__app_label="articles", codename="claim_wirestory"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Q(user_permissions__in=claim) | Q(groups__permissions__in=claim)
        )
        .distinct()
        .order_by("username")
    )


def is_editor(user: AnyUser) -> bool:
    return user.is_active and user.has_perm("articles.review_story")


def is_assigned(user: AnyUser, story: Story) -> bool:
    return user.is_authenticated and story.assignee_id == user.pk


def may_work_on(user: AnyUser, story: Story) -> bool:
    """The assigned translator or an editor, whatever the story's state."""
    return user.is_active and (
        user.has_perm("articles.edit_any_story")
        or (user.has_perm("articles.change_story") and is_assigned(user, story))
    )


def may_work_on_some(user: AnyUser) -> bool:
    """May work on at least the stories assigned to them: offered the list's bulk moves."""
    return user.is_active and (
        user.has_perm("articles.edit_any_story") or user.has_perm("articles.change_story")
    )


def is_assigned_worker(user: AnyUser, story: Story) -> bool:
    """The story's own translator, not any editor: who answers a request for changes."""
    return user.is_active and user.has_perm("articles.change_story") and is_assigned(user, story)


def can_edit(user: AnyUser, story: Story) -> bool:
    return story.status in EDITABLE_STATES and may_work_on(user, story)


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


def can_comment(user: AnyUser, story: Story) -> bool:
    """Editors discuss a story with its translator; both may comment and resolve comments."""
    return can_preview(user, story)


def has_translated(user: AnyUser, story: Story) -> bool:
    """The user is (or was) a translator of the story: four eyes bars them from approving it."""
    if not user.is_authenticated:
        return False
    if story.assignee_id == user.pk:
        return True
    translation = getattr(story, "translation", None)
    return translation is not None and translation.translators.filter(pk=user.pk).exists()


def stories_visible_to(user: AnyUser):
    """The stories a user may open in the desk and the admin; the rest answer 404."""
    if not user.is_active:
        return Story.objects.none()
    if user.has_perm("articles.preview_any_story"):
        return Story.objects.all()
    if user.has_perm("articles.view_story"):
        # Exists, not a join: the admin combines this queryset with its own, which a
        # .distinct() would forbid, and a join on translators would repeat rows.
        translated = Translation.objects.filter(story=OuterRef("pk"), translators=user)
        return Story.objects.filter(Q(assignee=user) | Exists(translated))
    return Story.objects.none()
