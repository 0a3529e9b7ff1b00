"""Turning story plans into rows of the real models, in bulk.

A batch is built in memory first (model instances whose foreign keys point at unsaved
parents), so a dry run can count exactly what a real run would write, and then saved model by
model with bulk_create, parents first, in one transaction: a batch is all there or not at all.
"""

import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, models, transaction
from django.utils.text import slugify

from articles.models import (
    Agency,
    AgencyAlias,
    Attribution,
    Correction,
    Section,
    Story,
    StoryParagraph,
    StorySearchDocument,
    WireStory,
)
from articles.search import search_document, search_vector, uses_full_text_search
from translations.memory import STEMS_INDEX, near_match_key, normalise, text_hash
from translations.models import (
    AuditEvent,
    MemoryEntry,
    ParagraphAlignment,
    ReviewComment,
    StoryRevision,
    Translation,
)
from translations.permissions import EDITORS_GROUP, TRANSLATORS_GROUP
from translations.services.editing import DRAFT_SLUG_PREFIX

from . import corpus
from .plan import TRANSLATION_LANGUAGE, StoryPlan, WirePlan

# Fields Django would stamp with the time of the insert; a seeded archive needs its own times.
_HISTORIC_TIMESTAMPS = [
    (Story, "created_at"),
    (Story, "updated_at"),
    (WireStory, "received_at"),
    (Translation, "created_at"),
    (StoryRevision, "created_at"),
    (AuditEvent, "created_at"),
    (ReviewComment, "created_at"),
    (MemoryEntry, "created_at"),
]
BULK_BATCH = 2000


@contextmanager
def historic_timestamps() -> Iterator[None]:
    """Let bulk_create keep the times the plans give instead of auto_now(_add)'s "now".

    Django offers no per-call switch; the flags are restored on the way out. Only the seed
    command (a process of its own, or a test) runs with them off.
    """
    fields = [model._meta.get_field(name) for model, name in _HISTORIC_TIMESTAMPS]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


@dataclass
class References:
    """The agencies, sections and people that seeded stories point at."""

    agencies: dict[str, Agency]
    sections: list[Section]
    translators: list[models.Model]
    editors: list[models.Model]
    created: Counter = field(default_factory=Counter)


def references(tag: str, *, dry_run: bool) -> References:
    """Find or make the agencies, sections and desk people; a dry run makes them unsaved."""
    created: Counter = Counter()

    def get_or_make(model, lookup: dict, defaults: dict):
        found = model.objects.filter(**lookup).first()
        if found is not None:
            return found
        created[model._meta.verbose_name_plural] += 1
        instance = model(**lookup, **defaults)
        if not dry_run:
            instance.save()
        return instance

    agencies = {}
    for name, slug, language, website, aliases in corpus.AGENCIES:
        agency = get_or_make(
            Agency, {"slug": slug}, {"name": name, "default_language": language, "website": website}
        )
        agencies[slug] = agency
        for alias in aliases:
            if not AgencyAlias.objects.filter(name__iexact=alias).exists():
                created["agency aliases"] += 1
                if not dry_run:
                    AgencyAlias.objects.create(agency=agency, name=alias)
    sections = [
        get_or_make(Section, {"slug": slug}, {"name": name, "position": position})
        for position, (name, slug) in enumerate(corpus.SECTIONS)
    ]

    def people(names: list[str], role: str, group: str) -> list:
        users = []
        for number, full_name in enumerate(names, start=1):
            first, last = full_name.split(" ", 1)
            user = get_or_make(
                get_user_model(),
                {"username": f"{tag}-{role}-{number}"},
                {"first_name": first, "last_name": last, "is_staff": True},
            )
            if not dry_run:
                if not user.password:
                    # Data, not accounts: nobody logs in as a seeded person.
                    user.set_unusable_password()
                    user.save(update_fields=["password"])
                user.groups.add(Group.objects.get(name=group))  # writes only if missing
            users.append(user)
        return users

    return References(
        agencies=agencies,
        sections=sections,
        translators=people(corpus.TRANSLATORS, "translator", TRANSLATORS_GROUP),
        editors=people(corpus.EDITORS, "editor", EDITORS_GROUP),
        created=created,
    )


class Batch:
    """The rows of some stories and queue items, built in memory, saved parents first."""

    def __init__(self, refs: References) -> None:
        self.refs = refs
        self.rows: dict[type[models.Model], list[models.Model]] = {
            model: []
            for model in (
                WireStory,
                Story,
                Attribution,
                StoryParagraph,
                Translation,
                Translation.translators.through,
                ParagraphAlignment,
                StoryRevision,
                ReviewComment,
                Correction,
                AuditEvent,
                MemoryEntry,
                StorySearchDocument,
            )
        }
        # Audit payloads name the comment or correction they recorded, known once those are saved.
        self._payload_links: list[tuple[AuditEvent, str, models.Model]] = []
        self._drafts: list[tuple[Story, WireStory, str]] = []

    def add(self, model: type[models.Model], *instances: models.Model) -> None:
        self.rows[model].extend(instances)

    def counts(self) -> Counter:
        return Counter(
            {str(m._meta.verbose_name_plural): len(rows) for m, rows in self.rows.items() if rows}
        )

    # --- building ---------------------------------------------------------------------------

    def add_wire(self, plan: WirePlan) -> list[WireStory]:
        agency = self.refs.agencies[plan.agency_slug]
        versions = []
        for version in plan.versions:
            raw = plan.payload(version)
            wire = WireStory(
                agency=agency,
                guid=plan.guid,
                version=version.version,
                agency_version=str(version.version),
                language=plan.language,
                headline=version.headline,
                summary=version.summary,
                paragraphs=version.paragraphs,
                byline=plan.byline,
                dateline=plan.dateline,
                credit_line=plan.credit_line(),
                sent_at=version.sent_at,
                received_at=version.sent_at + timedelta(seconds=40),
                embargo_until=version.embargo_until,
                pub_status=version.pub_status,
                source_url=plan.source_url(version),
                format="ninjs",
                raw_payload=raw,
                checksum=hashlib.sha256(raw).hexdigest(),
                discarded_at=plan.discarded_at,
            )
            versions.append(wire)
            self.add(
                Attribution,
                *(
                    Attribution(
                        wire_story=wire,
                        agency=self.refs.agencies.get(credit.agency_slug or ""),
                        credited_name=credit.name,
                        role=credit.role,
                        position=position,
                    )
                    for position, credit in enumerate(plan.credits)
                ),
            )
        self.add(WireStory, *versions)
        return versions

    def add_story(self, plan: StoryPlan) -> None:
        versions = self.add_wire(plan.wire)
        pinned = versions[plan.pinned_version - 1]
        translator = self.refs.translators[plan.translator]
        editor = self.refs.editors[plan.editor]
        actors = {"translator": translator, "editor": editor}
        agency = pinned.agency
        story = Story(
            headline=plan.headline,
            summary=plan.summary,
            language=TRANSLATION_LANGUAGE,
            section=self.refs.sections[plan.section],
            dateline=plan.wire.english_dateline() if plan.translated else pinned.dateline,
            status=plan.status,
            publish_at=plan.publish_at,
            assignee=translator,
            created_at=plan.claimed_at,
            updated_at=max(event.at for event in plan.events),
            revision=3 if plan.state == "corrected" else 2,
            withdrawn_at=plan.withdrawn_at,
            withdrawal_note=plan.withdrawal_note,
        )
        if plan.publish_at is None:
            # Until published a story has a draft slug, which names its wire story's row.
            self._drafts.append((story, pinned, plan.keys[0][1:9]))
        else:
            story.slug = f"{slugify(plan.headline, allow_unicode=True)[:180]}-{plan.slug_suffix}"
        if plan.state == "draft":
            story.editing_by, story.editing_since = translator, plan.events[-1].at
        texts = plan.paragraphs()
        paragraphs = [
            StoryParagraph(story=story, key=key, position=position, text=text)
            for position, (key, text) in enumerate(zip(plan.keys, texts, strict=True))
        ]
        translation = Translation(
            story=story,
            wire_story=pinned,
            source_language=plan.wire.language,
            target_language=TRANSLATION_LANGUAGE,
            method=plan.method,
            credit_line=agency.credit_line,
            source_checksum=pinned.checksum,
            created_at=plan.claimed_at,
        )
        self.add(Story, story)
        self.add(StoryParagraph, *paragraphs)
        self.add(Translation, translation)
        self.add(
            Translation.translators.through,
            Translation.translators.through(translation=translation, user=translator),
        )
        self.add(
            ParagraphAlignment,
            *(
                ParagraphAlignment(
                    translation=translation,
                    paragraph=paragraph,
                    source_indexes=[index],
                    origin=origin if paragraph.text else "typed",
                    memory_score=score if paragraph.text else None,
                )
                for index, (paragraph, (origin, score)) in enumerate(
                    zip(paragraphs, plan.origins, strict=True)
                )
            ),
        )
        self._add_story_attributions(story, plan, pinned)
        self._add_revisions(story, plan, translator, editor)
        self._add_events(story, plan, pinned, actors)
        if plan.is_approved:
            self._add_memory(story, plan, pinned)
        if plan.is_indexed and uses_full_text_search():
            self.add(StorySearchDocument, search_document(story, texts))

    def _add_story_attributions(self, story: Story, plan: StoryPlan, pinned: WireStory) -> None:
        # As claiming copies them: the wire story's credits, then the agency translated from.
        links = [(c.role, c.agency_slug, c.name) for c in plan.wire.credits]
        delivered = ("translated_from", plan.wire.agency_slug, pinned.agency.name)
        if (delivered[0], delivered[2]) not in {(role, name) for role, _, name in links}:
            links.append(delivered)
        self.add(
            Attribution,
            *(
                Attribution(
                    story=story,
                    agency=self.refs.agencies.get(slug or ""),
                    credited_name=name,
                    role=role,
                    position=position,
                )
                for position, (role, slug, name) in enumerate(links)
            ),
        )

    def _add_revisions(self, story: Story, plan: StoryPlan, translator, editor) -> None:
        def snapshot(number: int, texts: list[str], status: str, by, at, reason: str):
            return StoryRevision(
                story=story,
                number=number,
                headline=plan.headline if number > 1 else plan.wire.versions[0].headline,
                summary=plan.summary if number > 1 else "",
                paragraphs=[
                    {"key": key, "text": text} for key, text in zip(plan.keys, texts, strict=True)
                ],
                status=status,
                created_by=by,
                created_at=at,
                reason=reason,
            )

        saved_at = plan.events[1].at
        texts = plan.before_correction() if plan.state == "corrected" else plan.paragraphs()
        revisions = [
            snapshot(1, [""] * len(plan.keys), "draft", translator, plan.claimed_at, "claimed"),
            snapshot(2, texts, "draft", translator, saved_at, "saved"),
        ]
        if plan.state == "corrected":
            at = next(e.at for e in plan.events if e.event_type == "story_corrected")
            revisions.append(snapshot(3, plan.paragraphs(), "published", editor, at, "correction"))
        self.add(StoryRevision, *revisions)

    def _add_events(self, story: Story, plan: StoryPlan, pinned: WireStory, actors: dict) -> None:
        for planned in plan.events:
            event = AuditEvent(
                actor=actors[planned.actor],
                event_type=planned.event_type,
                story=story,
                wire_story=pinned if planned.event_type == "wire_claimed" else None,
                from_status=planned.from_status,
                to_status=planned.to_status,
                comment=planned.comment,
                payload=dict(planned.payload),
                created_at=planned.at,
            )
            if planned.event_type == "changes_requested":
                comment = ReviewComment(
                    story=story, author=actors["editor"], body=plan.review_comment
                )
                comment.created_at = planned.at
                self.add(ReviewComment, comment)
                event.payload["paragraph"] = ""
                self._payload_links.append((event, "comment", comment))
            elif planned.event_type == "story_corrected":
                correction = Correction(
                    story=story,
                    note=plan.correction_note,
                    created_at=planned.at,
                    created_by=actors["editor"],
                )
                self.add(Correction, correction)
                self._payload_links.append((event, "correction", correction))
            self.add(AuditEvent, event)

    def _add_memory(self, story: Story, plan: StoryPlan, pinned: WireStory) -> None:
        approved_at = next(e.at for e in plan.events if e.event_type == "story_approved")
        pairs = [(pinned.headline, plan.headline), (pinned.summary, plan.summary)]
        pairs += [
            (pinned.paragraphs[index], text)
            for index, text in enumerate(plan.paragraphs())
            if index < len(pinned.paragraphs)
        ]
        self.add(
            MemoryEntry,
            *(
                MemoryEntry(
                    source_language=plan.wire.language,
                    target_language=TRANSLATION_LANGUAGE,
                    source_text=normalise(source),
                    target_text=target.strip(),
                    source_hash=text_hash(source),
                    source_key=near_match_key(source),
                    target_hash=text_hash(target),
                    story=story,
                    created_at=approved_at,
                )
                for source, target in pairs
                if source.strip() and target.strip()
            ),
        )

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        """Write every row, parents first, in one transaction."""
        with transaction.atomic(), historic_timestamps():
            if connection.vendor == "postgresql":
                # GIN indexes (memory stems, search vectors) take a bulk load far faster through
                # a larger pending list, merged once at the end (finish()).
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL gin_pending_list_limit = '64MB'")
            WireStory.objects.bulk_create(self.rows[WireStory], batch_size=BULK_BATCH)
            for story, wire, suffix in self._drafts:
                story.slug = f"{DRAFT_SLUG_PREFIX}{wire.pk}-{suffix}"
            for model in list(self.rows)[1:]:
                if model is AuditEvent:
                    for event, name, target in self._payload_links:
                        event.payload[name] = target.pk
                rows, kwargs = self.rows[model], {}
                if model is MemoryEntry:
                    # Batches written side by side may hold the same pair: in the order of the
                    # unique key, one waits for the other instead of both for each other.
                    rows = sorted(rows, key=_memory_key)
                    kwargs = {"ignore_conflicts": True}
                model.objects.bulk_create(rows, batch_size=BULK_BATCH, **kwargs)
            documents = self.rows[StorySearchDocument]
            if documents:
                StorySearchDocument.objects.filter(
                    story_id__in=[d.story_id for d in documents]
                ).update(vector=search_vector())


def _memory_key(entry: MemoryEntry) -> tuple[str, str, str, str]:
    return (entry.source_language, entry.target_language, entry.source_hash, entry.target_hash)


GIN_INDEXES = (STEMS_INDEX, "story_search_vector_gin")


def finish() -> None:
    """After a bulk load: GIN pending lists merged and fresh planner statistics, as autovacuum
    would do later, so that the first searches and memory look-ups are not the slow ones."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for index in GIN_INDEXES:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute("ANALYZE")
