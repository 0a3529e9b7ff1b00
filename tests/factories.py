"""factory_boy factories for the domain. Build what a test needs, nothing more."""

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import (
    Agency,
    AgencyAlias,
    Attribution,
    AttributionRole,
    Section,
    Story,
    StoryParagraph,
    StoryStatus,
    WireStory,
)
from translations.memory import near_match_key, text_hash
from translations.models import GlossaryTerm, MemoryEntry, ReviewComment, Translation


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
    headline = factory.Sequence(lambda n: f"Заголовок новости {n}")
    paragraphs = factory.LazyFunction(
        lambda: ["Первый абзац новости.", "Второй абзац, 2014 год.", "Третий абзац."]
    )
    format = "text"
    raw_payload = factory.LazyAttribute(
        lambda w: ("\n\n".join([w.headline, *w.paragraphs])).encode()
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
    body = "Please check this."
