"""What one seeded story is: its wire story versions, its life in the workflow, its text.

A plan depends only on the seed tag and the story's number (its random generator is seeded
with both), never on the stories before it, so seeding 1,000 stories and then 2,000 makes the
same 2,000 as seeding 2,000 at once, and a missing story can be made again alone. Plans touch
no database: the writer (translations.seeding.writer) turns them into rows.
"""

import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from . import corpus
from .text import Facts, ParallelText, parallel_text

# The states of the workflow as a newsroom's data holds them: a published story may also be
# scheduled (its time ahead) or corrected (published, with a correction note).
IN_PROGRESS_STATES = ("draft", "in_review", "changes_requested", "approved", "scheduled")
ARCHIVED_STATES = ("withdrawn", "corrected")
STATES = (*IN_PROGRESS_STATES, *ARCHIVED_STATES, "published")
# The archive's pace: one published story about every ARCHIVE_STEP, newest now.
ARCHIVE_STEP = timedelta(minutes=7)
TRANSLATION_LANGUAGE = "en"
GUID_PREFIX = "urn:newsroom:seed:"
DEFAULT_TAG = "seed"

_DIGITS = re.compile(r"\d+")


def guid_prefix(tag: str) -> str:
    return f"{GUID_PREFIX}{tag}:"


def story_guid(tag: str, number: int) -> str:
    return f"{guid_prefix(tag)}{number:07d}"


def queue_guid(tag: str, number: int) -> str:
    """A wire story delivered beside story `number` that the desk has not translated."""
    return f"{guid_prefix(tag)}{number:07d}-q"


def story_number(guid: str, tag: str) -> int | None:
    rest = guid.removeprefix(guid_prefix(tag))
    return int(rest) if rest.isdigit() else None


@dataclass
class Credit:
    role: str
    agency_slug: str | None  # None: a name no agency of ours answers to, kept unresolved
    name: str


@dataclass
class WireVersion:
    version: int
    headline: str
    summary: str
    paragraphs: list[str]
    sent_at: datetime
    pub_status: str = "usable"
    embargo_until: datetime | None = None


@dataclass
class WirePlan:
    guid: str
    agency: int  # index into corpus.AGENCIES
    language: str
    dateline: str
    byline: str
    credits: list[Credit]
    versions: list[WireVersion]
    place: int  # index into corpus.PLACES: where the story was filed from
    discarded_at: datetime | None = None

    @property
    def agency_slug(self) -> str:
        return corpus.AGENCIES[self.agency][1]

    def english_dateline(self) -> str:
        sent_at = self.versions[0].sent_at
        place = corpus.PLACES[self.place]["en"].upper()
        return f"{place}, {corpus.MONTHS['en'][sent_at.month - 1]} {sent_at.day}"

    def credit_line(self) -> str:
        return ", ".join(c.name for c in self.credits if c.role == "original_reporter")

    def source_url(self, version: WireVersion) -> str:
        website = corpus.AGENCIES[self.agency][3]
        return f"{website}/news/{self.guid.rsplit(':', 1)[-1]}-v{version.version}"

    def payload(self, version: WireVersion) -> bytes:
        """The delivery as the agency would send it: a ninjs 3.1 document."""
        name = corpus.AGENCIES[self.agency][0]
        document = {
            "standard": {"name": "ninjs", "version": "3.1"},
            "uri": self.guid,
            "type": "text",
            "version": str(version.version),
            "versionCreated": version.sent_at.isoformat(),
            "pubStatus": version.pub_status,
            "language": self.language,
            "copyrightHolder": name,
            "by": self.byline,
            "located": self.dateline,
            "headlines": [{"role": "main", "value": version.headline}],
            "descriptions": [
                {"role": "summary", "value": version.summary},
                {"role": "creditline", "value": self.credit_line() or name},
            ],
            "bodies": [
                {
                    "role": "main",
                    "contentType": "text/html",
                    "value": "".join(f"<p>{p}</p>" for p in version.paragraphs),
                }
            ],
            "infoSources": [
                {"name": c.name, "role": c.role.replace("_", "")} for c in self.credits
            ],
            "altIds": [{"role": "canonical", "value": self.source_url(version)}],
        }
        if version.embargo_until:
            document["embargoedUntil"] = version.embargo_until.isoformat()
        return json.dumps(document, ensure_ascii=False, indent=1).encode()


@dataclass
class Event:
    event_type: str
    actor: str  # "translator" or "editor"
    at: datetime
    from_status: str = ""
    to_status: str = ""
    comment: str = ""
    payload: dict = field(default_factory=dict)


@dataclass
class StoryPlan:
    number: int
    state: str
    wire: WirePlan
    pinned_version: int  # the wire version translated; older than the newest: source changed
    section: int  # index into corpus.SECTIONS
    text: ParallelText
    translated: int  # paragraphs translated so far (all but in a draft)
    origins: list[tuple[str, int | None]]  # per paragraph: origin and memory score
    method: str
    translator: int
    editor: int
    claimed_at: datetime
    publish_at: datetime | None
    withdrawn_at: datetime | None
    withdrawal_note: str
    review_comment: str
    correction_note: str
    events: list[Event]
    keys: list[str]
    slug_suffix: str  # ends a public slug: the story's number, with the tag unless the default

    @property
    def status(self) -> str:
        return {"scheduled": "published", "corrected": "published"}.get(self.state, self.state)

    @property
    def headline(self) -> str:
        return self.text.headline[TRANSLATION_LANGUAGE]

    @property
    def summary(self) -> str:
        return self.text.summary[TRANSLATION_LANGUAGE] if self.translated else ""

    def paragraphs(self) -> list[str]:
        """The English paragraphs as they now stand (untranslated ones empty)."""
        return [
            p[TRANSLATION_LANGUAGE] if index < self.translated else ""
            for index, p in enumerate(self.text.paragraphs)
        ]

    def before_correction(self) -> list[str]:
        """The text a correction changed: the first figure of the lede was wrong."""
        paragraphs = self.paragraphs()
        paragraphs[0] = _DIGITS.sub(lambda m: str(int(m[0]) + 7), paragraphs[0], count=1)
        return paragraphs

    @property
    def is_approved(self) -> bool:
        """Approved at some point: its paragraph pairs are in the translation memory."""
        return self.state in ("approved", "scheduled", "published", "corrected", "withdrawn")

    @property
    def is_indexed(self) -> bool:
        """Published at some point, so it has a search document."""
        return self.state in ("scheduled", "published", "corrected", "withdrawn")


def state_of(number: int, in_progress_share: float) -> str:
    """Story `number`'s state: within each cycle the first stories take the other states in turn
    (so even 30 stories hold every state), the rest are published."""
    if in_progress_share <= 0:
        return "published"
    others = STATES[:-1]
    cycle = max(len(others), round(len(others) / in_progress_share))
    position = number % cycle
    return others[position] if position < len(others) else "published"


def plan_story(
    tag: str, number: int, *, total: int, now: datetime, in_progress_share: float
) -> StoryPlan:
    rng = random.Random(f"{tag}:{number}")
    state = state_of(number, in_progress_share)
    if state in IN_PROGRESS_STATES:
        # The desk's current work: its last move within the last three days.
        last_move = now - timedelta(minutes=rng.randrange(5, 72 * 60))
    else:
        last_move = now - (total - number) * ARCHIVE_STEP - timedelta(minutes=rng.randrange(5))
    times = _timeline(rng, state, last_move, now)
    # The version translated came in before the claim; in a few stories the agency sent a new
    # one after it (the desk sees "source changed").
    pinned_sent = times["claimed"] - timedelta(minutes=rng.randrange(5, 40))
    sent_times = _earlier_versions(rng, pinned_sent)
    later = times["claimed"] + timedelta(minutes=rng.randrange(10, 120))
    source_changed = rng.random() < 0.04 and later < now
    if source_changed:
        sent_times.append(later)
    agency = number % len(corpus.AGENCIES)
    language = corpus.AGENCIES[agency][2]
    languages = (language, TRANSLATION_LANGUAGE)
    facts = Facts.draw(rng, year=sent_times[0].year)
    text = parallel_text(rng, facts, languages, paragraphs=rng.randint(8, 15))
    wire = _wire(rng, tag, number, agency, language, text, facts, sent_times)
    pinned = len(sent_times) - 1 if source_changed else len(sent_times)
    paragraphs = len(text.paragraphs)
    translated = rng.randrange(1, paragraphs) if state == "draft" else paragraphs
    translator = rng.randrange(len(corpus.TRANSLATORS))
    editor = rng.randrange(len(corpus.EDITORS))
    plan = StoryPlan(
        number=number,
        state=state,
        wire=wire,
        pinned_version=pinned,
        section=_section(text.headline_template, rng),
        text=text,
        translated=translated,
        origins=[_origin(rng) for _ in range(paragraphs)],
        method=rng.choices(["human", "machine_post_edited"], [9, 1])[0],
        translator=translator,
        editor=editor,
        claimed_at=times["claimed"],
        publish_at=times.get("published"),
        withdrawn_at=times.get("withdrawn"),
        withdrawal_note=rng.choice(corpus.WITHDRAWAL_NOTES) if state == "withdrawn" else "",
        review_comment=rng.choice(corpus.REVIEW_COMMENTS),
        correction_note=rng.choice(corpus.CORRECTION_NOTES) if state == "corrected" else "",
        events=[],
        keys=[f"p{rng.getrandbits(40):010x}" for _ in range(paragraphs)],
        slug_suffix=str(number + 1) if tag == DEFAULT_TAG else f"{tag}-{number + 1}",
    )
    plan.events = _events(plan, times)
    return plan


def plan_queue_item(tag: str, number: int, *, total: int, now: datetime) -> WirePlan:
    """A wire story nobody has translated (yet): new, discarded, or canceled by the agency."""
    rng = random.Random(f"{tag}:{number}:queue")
    agency = (number * 3 + 1) % len(corpus.AGENCIES)
    language = corpus.AGENCIES[agency][2]
    if number >= total - 400:
        sent_at = now - timedelta(minutes=rng.randrange(5, 72 * 60))
    else:
        sent_at = now - (total - number) * ARCHIVE_STEP
    sent_times = _earlier_versions(rng, sent_at)
    facts = Facts.draw(rng, year=sent_times[0].year)
    text = parallel_text(rng, facts, (language,), paragraphs=rng.randint(8, 15))
    wire = _wire(rng, tag, number, agency, language, text, facts, sent_times, queue=True)
    roll = rng.random()
    if roll < 0.2:
        wire.discarded_at = min(now, sent_at + timedelta(minutes=rng.randrange(10, 240)))
    elif roll < 0.24:
        wire.versions[-1].pub_status = "canceled" if len(wire.versions) > 1 else "withheld"
    return wire


def _wire(
    rng: random.Random,
    tag: str,
    number: int,
    agency: int,
    language: str,
    text: ParallelText,
    facts: Facts,
    sent_times: list[datetime],
    queue: bool = False,
) -> WirePlan:
    """The versions of a wire story, one per time in `sent_times` (oldest first)."""
    name, _slug, *_ = corpus.AGENCIES[agency]
    credits = []
    if rng.random() < 0.25:
        other = corpus.AGENCIES[(agency + rng.randrange(1, len(corpus.AGENCIES))) % 8]
        credits.append(Credit("original_reporter", other[1], other[0]))
        credits.append(Credit("distributed_by", corpus.AGENCIES[agency][1], name))
    else:
        credits.append(Credit("original_reporter", corpus.AGENCIES[agency][1], name))
    if rng.random() < 0.03:
        credits.append(Credit("original_reporter", None, rng.choice(["Xinhua", "BelTA", "UzA"])))
    place = corpus.PLACES[facts.place][language]
    paragraphs = [p[language] for p in text.paragraphs]
    sent_at = sent_times[0]
    versions = [
        WireVersion(1, text.headline[language], text.summary[language], paragraphs, sent_at)
    ]
    if rng.random() < 0.1:
        # Short enough to have passed before any move of the desk (the claim comes later).
        versions[0].embargo_until = sent_at + timedelta(minutes=rng.randrange(1, 5))
    for version, sent in enumerate(sent_times[1:], start=2):
        previous = versions[-1]
        changed = list(previous.paragraphs)
        where = rng.randrange(len(changed))
        changed[where] = _DIGITS.sub(lambda m: str(int(m[0]) + 1), changed[where], count=1)
        changed.append(paragraphs[rng.randrange(len(paragraphs))])
        versions.append(WireVersion(version, previous.headline, previous.summary, changed, sent))
    return WirePlan(
        guid=queue_guid(tag, number) if queue else story_guid(tag, number),
        agency=agency,
        language=language,
        dateline=f"{place.upper()}, {sent_at.day} {corpus.MONTHS[language][sent_at.month - 1]}",
        byline=rng.choice(["", "", f"{corpus.FIRST_NAMES['lat'][0][rng.randrange(9)]} Seitov"]),
        credits=credits,
        versions=versions,
        place=facts.place,
    )


def _earlier_versions(rng: random.Random, latest: datetime) -> list[datetime]:
    """When the versions up to the one sent at `latest` came in: one in five stories has two,
    a quarter of those three, each 10 minutes to 2 hours after the one before."""
    times = [latest]
    for chance in (0.2, 0.25):
        if rng.random() >= chance:
            break
        times.insert(0, times[0] - timedelta(minutes=rng.randrange(10, 120)))
    return times


# Which section a headline's subject belongs in (by corpus.HEADLINES' order).
_HEADLINE_SECTIONS = ["politics", "economy", "economy", "energy", "transport", "society",
                      "economy", "society"]  # fmt: skip


def _section(headline_template: int, rng: random.Random) -> int:
    slugs = [slug for _name, slug in corpus.SECTIONS]
    if rng.random() < 0.15:
        return slugs.index("world")
    return slugs.index(_HEADLINE_SECTIONS[headline_template])


def _origin(rng: random.Random) -> tuple[str, int | None]:
    roll = rng.random()
    if roll < 0.1:
        return "memory_exact", 100
    if roll < 0.18:
        return "memory_fuzzy", rng.randrange(75, 99)
    if roll < 0.25:
        return "machine", None
    return "typed", None


def _timeline(rng: random.Random, state: str, last_move: datetime, now: datetime) -> dict:
    """When each move happened, each some minutes after the one before, the last at
    `last_move`; a scheduled story's publish time is ahead of `now`."""
    steps = [("claimed", 0), ("saved", rng.randrange(10, 50))]
    if state != "draft":
        steps.append(("submitted", rng.randrange(1, 5)))
    if state == "changes_requested":
        steps.append(("changes", rng.randrange(5, 30)))
    if state not in ("draft", "in_review", "changes_requested"):
        steps.append(("approved", rng.randrange(5, 30)))
    if state in ("scheduled", "published", "corrected", "withdrawn"):
        steps.append(("publish_move", rng.randrange(1, 20)))
    if state == "corrected":
        steps.append(("corrected", rng.randrange(60, 12 * 60)))
    if state == "withdrawn":
        steps.append(("withdrawn", rng.randrange(60, 30 * 60)))
    span = sum(minutes for _name, minutes in steps)
    at = last_move - timedelta(minutes=span)
    times = {}
    for name, minutes in steps:
        at += timedelta(minutes=minutes)
        times[name] = at
    if "publish_move" in times:
        times["published"] = (
            now + timedelta(hours=rng.randrange(1, 48))
            if state == "scheduled"
            else times["publish_move"]
        )
    return times


def _events(plan: StoryPlan, times: dict) -> list[Event]:
    """The audit log of the plan's moves, as the services would have written it."""
    pinned = plan.wire.versions[plan.pinned_version - 1]
    events = [
        Event(
            "wire_claimed",
            "translator",
            times["claimed"],
            to_status="draft",
            payload={"version": pinned.version, "target_language": TRANSLATION_LANGUAGE},
        ),
        Event(
            "story_saved",
            "translator",
            times["saved"],
            payload={"revision": 2, "reason": "saved", "paragraphs": len(plan.keys)},
        ),
    ]

    def move(kind: str, actor: str, at: str, before: str, after: str, **extra) -> None:
        events.append(Event(kind, actor, times[at], before, after, **extra))

    if "submitted" in times:
        move("story_submitted", "translator", "submitted", "draft", "in_review")
    if "changes" in times:
        move(
            "changes_requested",
            "editor",
            "changes",
            "in_review",
            "changes_requested",
            comment=plan.review_comment,
        )
    if "approved" in times:
        move("story_approved", "editor", "approved", "in_review", "approved")
    if "published" in times:
        when = times["published"].isoformat()
        move(
            "story_published",
            "editor",
            "publish_move",
            "approved",
            "published",
            payload={"publish_at": when, "requested": when, "previous_publish_at": None},
        )
    if "corrected" in times:
        move("story_corrected", "editor", "corrected", "published", "published")
        events[-1].comment = plan.correction_note
    if "withdrawn" in times:
        move("story_withdrawn", "editor", "withdrawn", "published", "withdrawn")
        events[-1].comment = plan.withdrawal_note
    for event in events[2:]:
        # Every move records the revision it moved (the review page diffs against it).
        event.payload.setdefault("revision", 3 if event.event_type == "story_corrected" else 2)
    return events
