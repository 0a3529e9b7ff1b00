"""Review: comments, revisions and acknowledged QA warnings."""

from django.conf import settings
from django.db import models


class ReviewComment(models.Model):
    """A comment on the whole story or on one paragraph (by its key)."""

    story = models.ForeignKey(
        "articles.Story", on_delete=models.CASCADE, related_name="review_comments"
    )
    paragraph_key = models.CharField(
        max_length=16, blank=True, help_text="Empty for a comment on the whole story."
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(body=""), name="comment_body_set"),
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True, resolved_by__isnull=True)
                | models.Q(resolved_at__isnull=False, resolved_by__isnull=False),
                name="comment_resolved_with_who_and_when",
                violation_error_message="A resolved comment records who resolved it and when.",
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None


class StoryRevision(models.Model):
    """A snapshot of a story's text, kept at every save; restoring makes a new one."""

    story = models.ForeignKey("articles.Story", on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    paragraphs = models.JSONField(default=list, help_text='[{"key": ..., "text": ...}, ...]')
    status = models.CharField(max_length=32, help_text="The story's status when saved.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["story", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["story", "number"], name="revision_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.story} r{self.number}"


class QAAcknowledgement(models.Model):
    """A translator's explicit acknowledgement of a QA warning, recorded for the editor."""

    story = models.ForeignKey(
        "articles.Story", on_delete=models.CASCADE, related_name="qa_acknowledgements"
    )
    check_code = models.CharField(max_length=64)
    paragraph_key = models.CharField(max_length=16, blank=True)
    message = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(help_text="The story revision the warning was seen on.")

    class Meta:
        ordering = ["acknowledged_at"]

    def __str__(self) -> str:
        return f"{self.check_code}: {self.message[:40]}"


class WorkingCopy(models.Model):
    """A person's text of a story as the desk last autosaved it: one per person and story,
    overwritten by each autosave and dropped when they save. Not a revision: revisions are kept
    when a person saves, submits or leaves, so that the history reads as their decisions."""

    story = models.ForeignKey(
        "articles.Story", on_delete=models.CASCADE, related_name="working_copies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    based_on_revision = models.PositiveIntegerField(
        help_text="The revision the text was typed on; a copy of an older one is not offered."
    )
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    paragraphs = models.JSONField(
        default=list, help_text='[{"key": ..., "text": ..., "sources": [0, 1]}, ...]'
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "author"], name="working_copy_one_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.story} (working copy of {self.author})"
