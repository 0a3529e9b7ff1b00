"""Property tests of the one normalisation step every parsed item goes through before a write.

Whatever text a parser hands over, the step returns an item the columns can hold, or a ParseError
naming the field; and ingest then writes the whole item or nothing.
"""

import re
from datetime import UTC, timedelta, timezone

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest.base import CreditRole, ParsedCredit, ParsedItem, ParseError
from articles.ingest.normalise import max_length, normalise_item
from articles.models import Attribution, WireStory
from articles.services.ingest import IngestError, ingest_item
from tests.factories import AgencyFactory

# Every code point, lone surrogates, controls, bidi and zero-width characters included, with the
# awkward ones drawn more often than chance would.
AWKWARD = "\x00\x01\x1b\x7f\x85\x9b\t\n\r\u200b\u200c\u200d\u202e\u2066\u2069\ufeff\u00ad\ud800"
any_text = st.text(st.characters() | st.sampled_from(AWKWARD), max_size=60)
long_text = st.text(st.sampled_from("ab \u200b\x00"), min_size=190, max_size=700)
field_text = any_text | long_text | st.sampled_from(["", " ", "Minister visits Astana"])
languages = (
    st.sampled_from(["", "en", "ru-RU", "kk_Cyrl", "und", "zz", "../etc", "en\x00"]) | any_text
)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
dates = st.none() | st.datetimes(timezones=st.none() | offsets)
credits = st.lists(
    st.builds(
        ParsedCredit,
        name=field_text,
        role=st.sampled_from(list(CreditRole)),
        explicit=st.booleans(),
        where=st.sampled_from(["", "line 3", "field infosources.0"]),
    ),
    max_size=3,
)
items = st.builds(
    ParsedItem,
    format=st.sampled_from(["ninjs", "text"]),
    guid=field_text,
    headline=field_text,
    paragraphs=st.lists(field_text, max_size=4),
    raw=st.binary(max_size=40),
    language=languages,
    summary=any_text,
    byline=field_text,
    dateline=field_text,
    credit_line=field_text,
    credits=credits,
    agency_version=field_text,
    sent_at=dates,
    embargo_until=dates,
    source_url=st.sampled_from(["", "https://example.com/a", "javascript:alert(1)"]) | any_text,
)

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SURROGATES = re.compile(r"[\ud800-\udfff]")
INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\ufeff]")


def outcome_of(function, *args, **kwargs):
    """(result, None), or (None, the ParseError or IngestError raised)."""
    try:
        return function(*args, **kwargs), None
    except (ParseError, IngestError) as error:
        return None, error


# Not per parser: one strategy of items stands for every parser's output.
@settings(max_examples=300)
@given(item=items)
def test_normalised_items_fit_their_columns_or_the_field_is_named(item):
    cleaned, error = outcome_of(normalise_item, item)
    if error is not None:
        assert isinstance(error, ParseError)
        assert error.where.startswith("field ")
        return
    texts = [cleaned.guid, cleaned.headline, cleaned.byline, cleaned.dateline, cleaned.summary]
    texts += [cleaned.credit_line, cleaned.agency_version, cleaned.language, *cleaned.paragraphs]
    texts += [credit.name for credit in cleaned.credits]
    assert not any(CONTROLS.search(text) or SURROGATES.search(text) for text in texts)
    assert not INVISIBLE.search(cleaned.headline)
    assert cleaned.guid.strip()
    assert cleaned.headline.strip()
    assert cleaned.paragraphs
    for field in ("guid", "headline", "byline", "dateline", "credit_line", "agency_version"):
        assert len(getattr(cleaned, field)) <= max_length(field)
    for value in (cleaned.sent_at, cleaned.embargo_until):
        assert value is None or (value.tzinfo is UTC and value.year <= 9999)


@pytest.mark.django_db
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(item=items)
def test_ingest_writes_the_whole_item_or_nothing(item):
    agency = AgencyFactory(name="Trend", slug="trend", default_language="ru")
    with transaction.atomic():
        outcome, error = outcome_of(ingest_item, item, source="delivery.json", agency=agency)
        if error is not None:
            assert isinstance(error, IngestError)
            assert str(error)
            assert not WireStory.objects.exists()
            assert not Attribution.objects.exists()
        else:
            wire = WireStory.objects.get()
            assert outcome.wire_story == wire
            wire.full_clean(exclude=["agency", "raw_payload"])
            assert wire.attributions.count() <= len(item.credits)
            assert all(a.credited_name.strip() for a in wire.attributions.all())
        transaction.set_rollback(True)
