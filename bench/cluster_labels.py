"""The labelled set of event clusters (tests/fixtures/clusters): loading it and scoring pairs.

Shared by bench_clusters (which prints the figures) and the clustering test (which checks the
groups of a small part). Each item becomes a wire story, in the order the wire delivered them,
placed as ingest places it.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path

from django.utils.text import slugify

from articles.models import Agency, Attribution, AttributionRole, WireStory
from articles.services.clusters import wire_story_place

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "clusters" / "items.json"


def load_items(ids: set[str] | None = None) -> list[dict]:
    items = json.loads(FIXTURE.read_text(encoding="utf-8"))
    if ids is not None:
        items = [item for item in items if item["id"] in ids]
    return sorted(items, key=lambda item: datetime.fromisoformat(item["sent_at"]))


def agency(name: str) -> Agency:
    found = Agency.objects.by_name(name)
    return found or Agency.objects.create(name=name, slug=slugify(name))


def store(item: dict, *, sent_at: datetime | None = None, guid: str = "") -> WireStory:
    """The item as a wire story with its credit, not yet placed."""
    raw = json.dumps(item, ensure_ascii=False).encode() + guid.encode()
    wire_story = WireStory.objects.create(
        agency=agency(item["agency"]),
        guid=guid or f"urn:labelled:{item['id']}",
        language=item["language"],
        headline=item["headline"],
        paragraphs=item["body"],
        dateline=item["dateline"],
        credit_line=item["credit"],
        sent_at=sent_at or datetime.fromisoformat(item["sent_at"]),
        source_url=item["source_url"],
        format="text",
        raw_payload=raw,
        checksum=hashlib.sha256(raw).hexdigest(),
    )
    if item["credit"]:
        Attribution.objects.create(
            wire_story=wire_story,
            agency=agency(item["credit"]),
            credited_name=item["credit"],
            role=AttributionRole.ORIGINAL_REPORTER,
        )
    return wire_story


def place_all(items: list[dict]) -> dict[str, int]:
    """Store and place every item in delivery order; item id -> event cluster id."""
    clusters = {}
    for item in items:
        membership = wire_story_place(wire_story=store(item))
        clusters[item["id"]] = membership.cluster_id
    return clusters


@dataclass
class PairScore:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        grouped = self.true_positive + self.false_positive
        return self.true_positive / grouped if grouped else 1.0

    @property
    def recall(self) -> float:
        together = self.true_positive + self.false_negative
        return self.true_positive / together if together else 1.0


def score_pairs(items: list[dict], clusters: dict[str, int]) -> dict[str, PairScore]:
    """Pairwise precision and recall, same language and across languages."""
    scores = {"same language": PairScore(), "across languages": PairScore()}
    for a, b in combinations(items, 2):
        score = scores["same language" if a["language"] == b["language"] else "across languages"]
        labelled = a["event"] == b["event"]
        grouped = clusters[a["id"]] == clusters[b["id"]]
        if labelled and grouped:
            score.true_positive += 1
        elif grouped:
            score.false_positive += 1
        elif labelled:
            score.false_negative += 1
    return scores
