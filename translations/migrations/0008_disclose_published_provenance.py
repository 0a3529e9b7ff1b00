"""Give stories published before per-paragraph provenance existed what readers are now told.

The same rule as translations.services.disclosure, frozen here as migrations must be: a
paragraph keeps its desk origin; a machine paragraph whose text is no longer what the machine
wrote (read from the "machine suggestion" revisions) was post-edited; one without alignment
was typed.
"""

from django.db import migrations

MACHINE_SUGGESTION_REASON = "machine suggestion"
ORIGIN_METHODS = {
    "typed": "human",
    "memory_exact": "memory",
    "memory_fuzzy": "memory",
    "machine": "machine",
}


def _normalised(text: str) -> str:
    return " ".join(text.split())


def disclose(apps, schema_editor):
    Story = apps.get_model("articles", "Story")
    StoryParagraph = apps.get_model("articles", "StoryParagraph")
    ParagraphAlignment = apps.get_model("translations", "ParagraphAlignment")
    StoryRevision = apps.get_model("translations", "StoryRevision")
    stories = Story.objects.filter(
        status__in=["published", "withdrawn"], translation__isnull=False
    ).values_list("pk", flat=True)
    for story_id in stories.iterator():
        written, before = {}, {}
        revisions = StoryRevision.objects.filter(story_id=story_id).order_by("number")
        for reason, paragraphs in revisions.values_list("reason", "paragraphs"):
            now = {p["key"]: p["text"] for p in paragraphs}
            if reason == MACHINE_SUGGESTION_REASON:
                written.update((k, t) for k, t in now.items() if t and before.get(k) != t)
            before = now
        alignments = {
            a.paragraph_id: a
            for a in ParagraphAlignment.objects.filter(paragraph__story_id=story_id)
        }
        paragraphs = list(StoryParagraph.objects.filter(story_id=story_id))
        for paragraph in paragraphs:
            alignment = alignments.get(paragraph.pk)
            if alignment is None:
                paragraph.method, paragraph.source_indexes = "human", []
                continue
            method = ORIGIN_METHODS[alignment.origin]
            suggested = written.get(paragraph.key)
            if method == "machine" and suggested is not None:
                if _normalised(suggested) != _normalised(paragraph.text):
                    method = "machine_post_edited"
            paragraph.method = method
            paragraph.source_indexes = sorted(alignment.source_indexes)
        StoryParagraph.objects.bulk_update(paragraphs, ["method", "source_indexes"])


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0007_editors_site_settings"),
        ("articles", "0005_paragraph_provenance_and_site_settings"),
    ]

    operations = [migrations.RunPython(disclose, migrations.RunPython.noop)]
