"""factory_boy factories for the domain. Build what a test needs, nothing more."""

import hashlib
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import (
    Agency,
    AgencyAlias,
    Attribution,
    AttributionRole,
    Correction,
    EventCluster,
    EventClusterMembership,
    Image,
    Placement,
    Section,
    Story,
    StoryParagraph,
    StoryStatus,
    WireStory,
)
from articles.services.images import image_create
from translations.memory import near_match_key, text_hash
from translations.models import (
    GlossaryTerm,
    MemoryEntry,
    ParagraphAlignment,
    ReviewComment,
    Translation,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.test")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True

    @factory.post_generation
    def groups(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        if create and extracted:
            self.groups.add(*(Group.objects.get(name=name) for name in extracted))


def _join(group_name: str):
    def add(user, create: bool, extracted, **kwargs) -> None:
        if create:
            user.groups.add(Group.objects.get(name=group_name))

    return add


class TranslatorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"translator{n}")
    groups = factory.PostGeneration(_join("Translators"))


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")
    groups = factory.PostGeneration(_join("Editors"))


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.LazyAttribute(lambda a: a.name.lower().replace(" ", "-"))
    website = factory.LazyAttribute(lambda a: f"https://{a.slug}.example")
    default_language = "ru"


class AgencyAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyAlias

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda s: s.name.lower().replace(" ", "-"))


class WireStoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WireStory

    agency = factory.SubFactory(AgencyFactory)
    guid = factory.Sequence(lambda n: f"urn:test:wire:{n}")
    version = 1
    language = "ru"
    # No number in it: the QA checks compare numbers between source and translation.
    headline = "Переговоры в Астане"
    paragraphs = factory.LazyFunction(
        lambda: ["Первый абзац новости.", "Второй абзац, 2014 год.", "Третий абзац."]
    )
    format = "text"
    # Each version a delivery of its own, as the (agency, guid, checksum) constraint expects.
    raw_payload = factory.LazyAttribute(
        lambda w: "\n\n".join([f"{w.guid} v{w.version}", w.headline, *w.paragraphs]).encode()
    )
    checksum = factory.LazyAttribute(lambda w: hashlib.sha256(bytes(w.raw_payload)).hexdigest())


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Story headline {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    summary = "A short summary."
    language = "en"
    section = None
    status = StoryStatus.DRAFT

    @factory.post_generation
    def body(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        texts = extracted if extracted is not None else ["First paragraph.", "Second paragraph."]
        if create:
            StoryParagraph.objects.bulk_create(
                StoryParagraph(story=self, position=i, text=text) for i, text in enumerate(texts)
            )


class PublishedStoryFactory(StoryFactory):
    status = StoryStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))


class TranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Translation
        skip_postgeneration_save = True

    story = factory.SubFactory(StoryFactory)
    wire_story = factory.SubFactory(WireStoryFactory)
    source_language = factory.LazyAttribute(lambda t: t.wire_story.language)
    target_language = factory.LazyAttribute(lambda t: t.story.language)
    credit_line = factory.LazyAttribute(lambda t: t.wire_story.agency.credit_line)
    source_checksum = factory.LazyAttribute(lambda t: t.wire_story.checksum)

    @factory.post_generation
    def translators(self, create: bool, extracted: list | None, **kwargs) -> None:
        if create and extracted:
            self.translators.add(*extracted)


class AttributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attribution

    agency = factory.SubFactory(AgencyFactory)
    credited_name = factory.LazyAttribute(lambda a: a.agency.name if a.agency else "Unknown")
    role = AttributionRole.ORIGINAL_REPORTER


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    source_language = "ru"
    target_language = "en"
    source_term = factory.Sequence(lambda n: f"термин {n}")
    target_term = factory.Sequence(lambda n: f"term {n}")


class MemoryEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemoryEntry

    source_language = "ru"
    target_language = "en"
    source_text = factory.Sequence(lambda n: f"Исходный абзац номер {n}.")
    target_text = factory.Sequence(lambda n: f"Source paragraph number {n}.")
    source_hash = factory.LazyAttribute(lambda e: text_hash(e.source_text))
    source_key = factory.LazyAttribute(lambda e: near_match_key(e.source_text))
    target_hash = factory.LazyAttribute(lambda e: text_hash(e.target_text))


class ReviewCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewComment

    story = factory.SubFactory(StoryFactory)
    author = factory.SubFactory(EditorFactory)
    body = "Check the date in this paragraph."


def story_in_state(
    status: str,
    *,
    assignee=None,
    scheduled: bool = False,
    wire_story: WireStory | None = None,
    **fields,
) -> Story:
    """A story translated from a wire story, in any workflow state, with two revisions kept.

    "scheduled" is status published with the publish time ahead. The first revision is the
    draft as created, the second an edit of its first paragraph, as a translator would leave it.
    """
    from translations.services.editing import (
        ParagraphInput,
        revision_snapshot,
        story_write_text,
    )

    now = timezone.now()
    if status in (StoryStatus.PUBLISHED, StoryStatus.WITHDRAWN):
        fields.setdefault("publish_at", now + timezone.timedelta(hours=2 if scheduled else -2))
    if status == StoryStatus.WITHDRAWN:
        fields.setdefault("withdrawn_at", now - timezone.timedelta(hours=1))
        fields.setdefault("withdrawal_note", "Withdrawn at the agency's request.")
    # A faithful translation of WireStoryFactory's text, aligned one to one, so that it passes
    # the QA checks that guard submission.
    wire_story = wire_story or WireStoryFactory()
    fields.setdefault(
        "body", ["First paragraph of the story.", "Second paragraph, 2014.", "Third paragraph."]
    )
    fields.setdefault("headline", "Talks in Astana")
    # Publishing needs a section; pass section=None for a story that has none yet.
    fields.setdefault("section", SectionFactory())
    story = StoryFactory(status=status, assignee=assignee, **fields)
    translation = TranslationFactory(
        story=story,
        wire_story=wire_story,
        translators=[assignee] if assignee else None,
    )
    ParagraphAlignment.objects.bulk_create(
        ParagraphAlignment(translation=translation, paragraph=paragraph, source_indexes=[index])
        for index, paragraph in enumerate(story.paragraphs.order_by("position"))
        if index < len(translation.wire_story.paragraphs)
    )
    revision_snapshot(story=story, actor=assignee, reason="created")
    paragraphs = list(story.paragraphs.order_by("position"))
    story_write_text(
        story=story,
        actor=assignee,
        headline=story.headline,
        summary=story.summary,
        paragraphs=[
            ParagraphInput(text=p.text + (" Edited." if i == 0 else ""), key=p.key)
            for i, p in enumerate(paragraphs)
        ],
    )
    return story


def jpeg_upload(
    width: int = 1600,
    height: int = 1000,
    name: str = "photo.jpg",
    exif: PILImage.Exif | None = None,
    color: str = "steelblue",
) -> SimpleUploadedFile:
    """A JPEG as a camera would upload it, made with Pillow; pass `exif` to add EXIF tags."""
    buffer = BytesIO()
    picture = PILImage.new("RGB", (width, height), color)
    picture.save(buffer, "JPEG", quality=90, **({"exif": exif} if exif is not None else {}))
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class ImageFactory(factory.django.DjangoModelFactory):
    """A picture stored the way every upload is: through image_create, with its renditions.

    A test runs inside a transaction that never commits, so the renditions image_create
    enqueues on commit are made here, as the commit and the task worker would.
    """

    class Meta:
        model = Image

    file = factory.LazyFunction(jpeg_upload)
    alt_text = factory.Sequence(lambda n: f"Delegates in the conference hall, picture {n}")
    credit = "Photo: Aida Sultanova / Trend"
    caption = ""

    @classmethod
    def _create(cls, model_class, **kwargs) -> Image:
        with TestCase.captureOnCommitCallbacks(execute=True):
            return image_create(**kwargs)


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    story = factory.SubFactory(PublishedStoryFactory)
    note = "An earlier version misspelt the envoy's name."


class FeedFactory(factory.django.DjangoModelFactory):
    """An HTTP feed; pass ``url`` (a test server's) or ``kind=FeedKind.FOLDER, url="", folder=``."""

    class Meta:
        model = "articles.Feed"

    name = factory.Sequence(lambda n: f"Feed {n}")
    agency = factory.SubFactory(AgencyFactory)
    url = "http://127.0.0.1:9/never-polled"


def event_of(*wire_stories: WireStory, why: str = "same numbers 37 %, 2014") -> EventCluster:
    """One event of these reports, as placement would have grouped them: the first started it,
    the others matched it (for `why`). Placing by features is tested in test_event_clusters."""
    cluster = EventCluster.objects.create()
    for n, wire in enumerate(wire_stories):
        EventClusterMembership.objects.create(
            wire_story=wire,
            cluster=cluster,
            placement=Placement.MATCHED if n else Placement.STARTED,
            matched=wire_stories[0] if n else None,
            explanation=why if n else "",
            at=wire.sent_at or wire.received_at,
            words=wire.word_count,
        )
    return cluster
