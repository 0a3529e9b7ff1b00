"""The demo's desk history (articles/demo/desk-history.json): two weeks of published stories.

Each story goes through the desk's own services (claim, save, machine suggestion where the
file says so, submit, approve, publish); then, because a demo cannot wait two weeks, the
timestamps those services wrote are moved onto the file's timeline. Only load_demo does this,
and only to rows it has just made: the services themselves never backdate anything.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.ingest.registry import parse
from articles.models import Agency, Section, Story, WireStory
from articles.services.ingest import ingest_item
from translations.models import AuditEvent, EventType, ParagraphOrigin, StoryRevision
from translations.permissions import TRANSLATORS_GROUP
from translations.services.desk import DeskParagraph, story_save, story_text, wire_story_claim
from translations.services.desk.machine import MACHINE_SUGGESTION_REASON
from translations.services.workflow import story_approve, story_publish, story_submit

TRANSLATORS = {"aygun": ("Aygun", "Mammadova"), "ivan": ("Ivan", "Petrov")}


@dataclass(frozen=True)
class Timeline:
    received: datetime
    claimed: datetime
    submitted: datetime
    approved: datetime
    published: datetime

    @classmethod
    def planned(cls, now: datetime, entry: dict) -> "Timeline":
        received = now - timedelta(hours=entry["received_hours_ago"])
        claimed = received + timedelta(minutes=entry["claim"])
        submitted = claimed + timedelta(minutes=entry["translate"])
        approved = submitted + timedelta(minutes=entry["review"])
        return cls(
            received, claimed, submitted, approved, approved + timedelta(minutes=entry["publish"])
        )


def history_translators() -> dict[str, object]:
    """Desk members who worked the history; they have no password, nobody logs in as them."""
    User = get_user_model()
    people = {}
    for username, (first, last) in TRANSLATORS.items():
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "is_staff": True}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
        people[username] = user
    return people


def _save(story: Story, actor, texts: list[str], *, headline: str, machine: bool) -> Story:
    current = story_text(story)
    return story_save(
        story=story,
        actor=actor,
        based_on_revision=story.revision,
        headline=headline,
        summary="",
        paragraphs=[
            DeskParagraph(
                text=text,
                key=p.key,
                source_indexes=p.source_indexes,
                origin=ParagraphOrigin.MACHINE if machine else None,
            )
            for p, text in zip(current.paragraphs, texts, strict=True)
        ],
        reason=MACHINE_SUGGESTION_REASON if machine else "saved",
    ).story


def retime(story: Story, wire: WireStory, timeline: Timeline) -> None:
    """Move what the services just wrote onto the planned timeline."""
    WireStory.objects.filter(agency=wire.agency, guid=wire.guid).update(
        received_at=timeline.received
    )
    events = AuditEvent.objects.filter(story=story)
    for event_type, moment in [
        (EventType.WIRE_CLAIMED, timeline.claimed),
        (EventType.STORY_SAVED, timeline.submitted - timedelta(minutes=3)),
        (EventType.STORY_SUBMITTED, timeline.submitted),
        (EventType.STORY_APPROVED, timeline.approved),
        (EventType.STORY_PUBLISHED, timeline.published),
    ]:
        events.filter(event_type=event_type).update(created_at=moment)
    StoryRevision.objects.filter(story=story).update(created_at=timeline.submitted)
    Story.objects.filter(pk=story.pk).update(
        created_at=timeline.claimed, updated_at=timeline.published, publish_at=timeline.published
    )


def load_history(path: Path, *, editor, now: datetime, say) -> int:
    """Publish the file's stories unless they are in already; returns how many were added."""
    data = json.loads(path.read_text(encoding="utf-8"))
    people = history_translators()
    added = 0
    for number, entry in enumerate(data["stories"], start=1):
        agency = Agency.objects.get(slug=entry["agency"])
        raw = "\n\n".join(entry["source"]).encode()
        [item] = parse(raw, f"desk-history-{number}.txt", language=entry["language"])
        wire = ingest_item(item, source=str(path), agency=agency).wire_story
        if wire.translations.exists():
            continue
        translator = people[entry["translator"]]
        story = wire_story_claim(wire_story=wire, actor=translator, target_language="en")
        story.section = Section.objects.get(slug=entry["section"])
        story.save(update_fields=["section"])
        headline, *english = entry["english"]
        if entry.get("machine"):
            story = _save(
                story, translator, entry["machine_english"][1:], headline=headline, machine=True
            )
        story = _save(story, translator, english, headline=headline, machine=False)
        story_submit(story=story, actor=translator)
        story_approve(story=story, actor=editor)
        story = story_publish(story=story, actor=editor)
        retime(story, wire, Timeline.planned(now, entry))
        say(f"History: {story.headline}", 2)
        added += 1
    return added
