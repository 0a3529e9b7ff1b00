"""The append-only audit log of everything that moves a story."""

from django.conf import settings
from django.db import models


class EventType(models.TextChoices):
    WIRE_CLAIMED = "wire_claimed", "Wire story claimed"
    WIRE_DISCARDED = "wire_discarded", "Wire story discarded"
    WIRE_LANGUAGE_CONFIRMED = "wire_language_confirmed", "Wire story language confirmed"
    STORY_SAVED = "story_saved", "Story saved"
    STORY_SUBMITTED = "story_submitted", "Submitted for review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    STORY_RESUBMITTED = "story_resubmitted", "Resubmitted"
    STORY_APPROVED = "story_approved", "Approved"
    STORY_PUBLISHED = "story_published", "Published"
    STORY_CORRECTED = "story_corrected", "Corrected"
    STORY_WITHDRAWN = "story_withdrawn", "Withdrawn"
    STORY_REASSIGNED = "story_reassigned", "Reassigned"
    TRANSLATION_REBASED = "translation_rebased", "Rebased onto a new source version"
    QA_ACKNOWLEDGED = "qa_acknowledged", "QA warning acknowledged"
    REVISION_RESTORED = "revision_restored", "Revision restored"
    COMMENT_ADDED = "comment_added", "Review comment added"
    COMMENT_RESOLVED = "comment_resolved", "Review comment resolved"
    EVENT_AGENCIES_CREDITED = "event_agencies_credited", "Agencies of the event credited"


class AuditEvent(models.Model):
    """Who did what to which story, when, from which state to which.

    Written only by the services, never changed afterwards: the admin shows it read-only to
    everyone, superusers included.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    event_type = models.CharField(max_length=32, choices=EventType.choices)
    story = models.ForeignKey(
        "articles.Story",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    wire_story = models.ForeignKey(
        "articles.WireStory",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
    )
    from_status = models.CharField(max_length=32, blank=True)
    to_status = models.CharField(max_length=32, blank=True)
    comment = models.TextField(blank=True)
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event_type__in=EventType.values), name="audit_event_type_known"
            )
        ]
        # The admin list filtered on one kind of event, newest first (created_at has its own).
        indexes = [
            models.Index(fields=["event_type", "-created_at"], name="audit_admin_type_idx"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_event_type_display()} by {self.actor} at {self.created_at:%Y-%m-%d %H:%M}"
        )
