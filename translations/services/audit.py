"""Writing the audit log. Only services call this."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from articles.models import Story, WireStory
from translations.models import AuditEvent, EventType


def audit_record(
    *,
    actor: AbstractBaseUser | None,
    event_type: EventType,
    story: Story | None = None,
    wire_story: WireStory | None = None,
    from_status: str = "",
    to_status: str = "",
    comment: str = "",
    payload: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor,
        event_type=event_type,
        story=story,
        wire_story=wire_story,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        payload=payload or {},
    )
