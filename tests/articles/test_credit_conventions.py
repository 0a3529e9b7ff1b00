"""Acceptance: every case of the credits corpus parses to its agencies, roles, dateline and body,
and resolves against the shipped agency list to one attribution per agency and role.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from articles.ingest.base import CreditRole
from articles.ingest.text import parse_text
from articles.models import Agency, Attribution
from articles.services.ingest import ingest_item

from .credit_corpus import CASES, Case

ids = [case.id for case in CASES]


def test_the_corpus_is_broad_enough() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)
    agencies = {a.split(":")[0] for case in CASES for a in case.agencies}
    assert len(agencies) >= 15, sorted(agencies)
    assert all(urlsplit(case.source).scheme in ("http", "https") for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_case_parses(case: Case) -> None:
    item = parse_text(case.text())

    assert item.dateline == case.dateline
    assert not re.search(r"[,;:\-\u2013\u2014/]$", item.dateline), "trailing punctuation"
    assert item.paragraphs[0].startswith(case.opening), item.paragraphs[0]
    assert [(c.name, c.role) for c in item.credits] == list(case.credits)
    assert item.byline == case.byline
    assert item.credit_line == case.credit_line


@pytest.fixture
def registry(db) -> Agency:
    call_command("load_agencies", verbosity=0)
    # The corpus is about credits, not about who delivered: one neutral feed delivers it all.
    return Agency.objects.create(name="Corpus feed", slug="corpus-feed", default_language="en")


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_case_resolves_to_one_attribution_per_agency_and_role(registry, case: Case) -> None:
    item = parse_text(case.text())

    outcome = ingest_item(item, source=case.id, agency=registry, language="en")

    rows = Attribution.objects.filter(wire_story=outcome.wire_story).select_related("agency")
    resolved = Counter(
        a.agency.slug if a.role == CreditRole.ORIGINAL_REPORTER else f"{a.agency.slug}:{a.role}"
        for a in rows
        if a.agency
    )
    assert resolved == Counter(case.agencies)  # each at most once: two spellings, one row
    assert sorted(a.credited_name for a in rows if not a.agency) == sorted(case.unresolved)
