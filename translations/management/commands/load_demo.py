"""Load the demo newsroom: agencies, sections, people, a queue of wire stories, the published
sample, and two weeks of the desk's history (for the wire-speed metrics).

`make run` calls this so that a fresh checkout shows a working newsroom. It is safe to run twice:
what exists is left alone, and passwords are generated (or taken from DEMO_*_PASSWORD) and printed
only when a user is first created; none is fixed in the code.
"""

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

import articles
from articles.ingest.registry import parse
from articles.models import Agency, AgencyAlias, Section, WireStory
from articles.services.ingest import Action, ingest_file
from translations.models import Translation
from translations.permissions import EDITORS_GROUP, TRANSLATORS_GROUP
from translations.services.desk.claim import wire_story_claim
from translations.services.desk.text import DeskParagraph, story_save
from translations.services.workflow import story_approve, story_publish, story_submit

from ._desk_history import Timeline, load_history, retime

DEMO_DIR = Path(articles.__file__).resolve().parent / "demo"

AGENCIES = [
    # name, slug, language, website, aliases
    ("Trend", "trend", "ru", "https://en.trend.az", ["Trend News Agency", "Trend.az"]),
    (
        "Kazinform",
        "kazinform",
        "kk",
        "https://www.inform.kz",
        ["Kazinform News Agency", "Kazinform International News Agency"],
    ),
    # KazTAG is an agency of its own (kaztag.kz), not another name of Kazinform.
    ("KazTAG", "kaztag", "ru", "https://kaztag.kz", ["KazTAG News Agency"]),
    ("AKIpress", "akipress", "ru", "https://akipress.com", ["AKIpress News Agency"]),
    ("Anadolu Agency", "anadolu", "tr", "https://www.aa.com.tr", ["AA", "Anadolu Ajansı"]),
]
SECTIONS = [("Politics", "politics"), ("Economy", "economy"), ("World", "world")]
WIRE_FILES = [
    ("trend-ru-nato-partner.txt", "trend"),
    ("akipress-ru-water.txt", "akipress"),
    ("anadolu-tr-energy.txt", "anadolu"),
    ("kazinform-kk-railway.txt", "kazinform"),
]
PUBLISHED_TEXT = "published-en-kazinform-nato-partner.txt"
DESK_HISTORY = "desk-history.json"
# The sample's way through the desk, for the wire-speed metrics (see _desk_history.py).
SAMPLE_TIMELINE = {
    "received_hours_ago": 4,
    "claim": 25,
    "translate": 100,
    "review": 35,
    "publish": 12,
}


@dataclass
class DemoUser:
    username: str
    group: str | None
    superuser: bool = False


USERS = [
    DemoUser("translator", TRANSLATORS_GROUP),
    DemoUser("editor", EDITORS_GROUP),
    DemoUser("admin", None, superuser=True),
]


class Command(BaseCommand):
    help = "Load demo agencies, sections, users, wire stories and one published story."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be loaded; write nothing."
        )

    def handle(self, *args, dry_run: bool, verbosity: int, **options) -> None:
        self.verbosity = verbosity
        try:
            with transaction.atomic():
                users = self._users()
                self._reference_data()
                self._wire_queue()
                self._published_story(users["translator"], users["editor"])
                added = load_history(
                    DEMO_DIR / DESK_HISTORY,
                    editor=users["editor"],
                    now=timezone.now(),
                    say=self.say,
                )
                self.say(f"Desk history: {added} stories published", 1 if added else 2)
                if dry_run:
                    transaction.set_rollback(True)
        except (OSError, ValueError) as error:
            raise CommandError(f"Loading the demo data failed: {error}") from error
        if dry_run:
            self.say("Dry run: nothing was written.")

    def say(self, message: str, level: int = 1) -> None:
        if self.verbosity >= level:
            self.stdout.write(message)

    def _users(self) -> dict[str, object]:
        User = get_user_model()
        users = {}
        for demo in USERS:
            user, created = User.objects.get_or_create(
                username=demo.username,
                defaults={
                    "email": f"{demo.username}@newsroom.localhost",
                    "is_staff": True,
                    "is_superuser": demo.superuser,
                },
            )
            if created:
                password = os.environ.get(f"DEMO_{demo.username.upper()}_PASSWORD") or (
                    secrets.token_urlsafe(12)
                )
                user.set_password(password)
                user.save(update_fields=["password"])
                if demo.group:
                    user.groups.add(Group.objects.get(name=demo.group))
                # Printed once, whatever the verbosity: there is no other way to learn it.
                self.stdout.write(f"Demo login: {demo.username} / {password}")
            else:
                self.say(f"Demo login: {demo.username} (exists; password unchanged)")
            users[demo.username] = user
        return users

    def _reference_data(self) -> None:
        # Demo databases loaded before KazTAG was its own agency have it as Kazinform's alias.
        AgencyAlias.objects.filter(agency__slug="kazinform", name__iexact="Kaztag").delete()
        for name, slug, language, website, aliases in AGENCIES:
            agency, _ = Agency.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "default_language": language, "website": website},
            )
            for alias in aliases:
                if not AgencyAlias.objects.filter(name__iexact=alias).exists():
                    AgencyAlias.objects.create(agency=agency, name=alias)
        for position, (name, slug) in enumerate(SECTIONS):
            Section.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})

    def _wire_queue(self) -> None:
        for filename, agency_slug in WIRE_FILES:
            agency = Agency.objects.get(slug=agency_slug)
            for outcome in ingest_file(DEMO_DIR / filename, agency=agency):
                if outcome.action == Action.FAILED:
                    raise ValueError(str(outcome))
                self.say(f"Wire: {outcome.message}", 2)

    def _published_story(self, translator, editor) -> None:
        """The sample, translated from Trend's Russian text the way the desk does it."""
        source = WireStory.objects.get(
            agency__slug="trend", checksum=self._checksum(DEMO_DIR / WIRE_FILES[0][0])
        )
        if Translation.objects.filter(wire_story=source).exists():
            self.say("Published story: exists")
            return
        [english] = parse((DEMO_DIR / PUBLISHED_TEXT).read_bytes(), PUBLISHED_TEXT, language="en")
        story = wire_story_claim(wire_story=source, actor=translator, target_language="en")
        story.section = Section.objects.get(slug="politics")
        story.dateline = "Brussels"
        story.save(update_fields=["section", "dateline"])
        keys = list(story.paragraphs.order_by("position").values_list("key", flat=True))
        story_save(
            story=story,
            actor=translator,
            based_on_revision=story.revision,
            headline=english.headline,
            summary="NATO's special representative calls Kazakhstan its most active partner in "
            "Central Asia.",
            paragraphs=[
                DeskParagraph(text=text, key=key, source_indexes=(index,))
                for index, (key, text) in enumerate(zip(keys, english.paragraphs, strict=True))
            ],
        )
        story_submit(story=story, actor=translator)
        story_approve(story=story, actor=editor)
        story = story_publish(story=story, actor=editor)
        retime(story, source, Timeline.planned(timezone.now(), SAMPLE_TIMELINE))
        self.say(f"Published story: {story.headline}")

    @staticmethod
    def _checksum(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()
