from django.db import migrations, models

EVENT_TYPES = [
    ("wire_claimed", "Wire story claimed"),
    ("wire_discarded", "Wire story discarded"),
    ("story_saved", "Story saved"),
    ("story_submitted", "Submitted for review"),
    ("changes_requested", "Changes requested"),
    ("story_resubmitted", "Resubmitted"),
    ("story_approved", "Approved"),
    ("story_published", "Published"),
    ("story_corrected", "Corrected"),
    ("story_withdrawn", "Withdrawn"),
    ("story_reassigned", "Reassigned"),
    ("translation_rebased", "Rebased onto a new source version"),
    ("qa_acknowledged", "QA warning acknowledged"),
    ("revision_restored", "Revision restored"),
    ("comment_resolved", "Review comment resolved"),
]


class Migration(migrations.Migration):
    dependencies = [("translations", "0002_roles")]

    operations = [
        migrations.RemoveConstraint(model_name="auditevent", name="audit_event_type_known"),
        migrations.AlterField(
            model_name="auditevent",
            name="event_type",
            field=models.CharField(choices=EVENT_TYPES, max_length=32),
        ),
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.CheckConstraint(
                condition=models.Q(("event_type__in", [value for value, _label in EVENT_TYPES])),
                name="audit_event_type_known",
            ),
        ),
    ]
