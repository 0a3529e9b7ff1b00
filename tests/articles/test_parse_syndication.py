"""RSS 2.0 and Atom: each entry one wire story; agency feeds as they are served."""

from pathlib import Path

import pytest

from articles.ingest.base import CreditRole, ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import detect, parse
from articles.ingest.syndication import parse_feed
from articles.models import WireStory
from articles.services.ingest import Action, ingest_data, ingest_file
from tests.factories import AgencyFactory

RSS = Path(__file__).resolve().parent.parent / "fixtures" / "rss"


def results(name: str) -> list:
    path = RSS / name
    return parse(path.read_bytes(), path.name)


@pytest.mark.parametrize("name", ["reuters-world.rss", "tass-ru.rss", "trend-atom.xml"])
def test_feeds_are_sniffed_by_content(name):
    assert detect((RSS / name).read_bytes(), "feed.bin").name == "rss"


def test_atom_and_newsml_g2_told_apart():
    atom = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'
    g2 = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>'
    assert detect(atom, "x").name == "rss"
    assert detect(g2, "x").name == "newsml-g2"
    # A <feed> of no known namespace is neither: refused as an unknown format.
    (error,) = parse(b"<feed><title>not Atom</title></feed>", "x")
    assert "unrecognised format" in error.message


REUTERS = [
    (
        "U.S. general says North Korea not demonstrated all components of ICBM",
        "WASHINGTON",
        "North Korea has advanced its nuclear programme",
    ),
    (
        "Publication of Russia 'oligarch list' may affect investors: group",
        "MOSCOW",
        "Foreign investors said on Tuesday",
    ),
    (
        "Rocky Syria talks in Russia end, ignore key opposition demands",
        "SOCHI, Russia",
        "A Syria peace conference hosted by Russia",
    ),
]


def test_reuters_rss_each_item_one_story():
    items = results("reuters-world.rss")
    assert all(isinstance(item, ParsedItem) for item in items)
    assert [(i.headline, i.dateline) for i in items] == [(h, d) for h, d, _ in REUTERS]
    for item, (_, _, first) in zip(items, REUTERS, strict=True):
        assert item.paragraphs[0].startswith(first)
        assert len(item.paragraphs) == 1  # the feedflare links and tracking pixel are dropped
        assert item.language == "en-us"
        assert item.pub_status == "usable"
        assert [(c.name, c.role) for c in item.credits] == [
            ("Reuters", CreditRole.ORIGINAL_REPORTER)
        ]
    assert items[0].guid.startswith("http://www.reuters.com/article/us-northkorea-missiles-usa/")
    assert items[0].source_url.startswith("http://feeds.reuters.com/")
    assert items[0].sent_at.isoformat() == "2018-01-30T17:29:57+00:00"


def test_tass_full_text_from_content_encoded_and_photo_item_skipped():
    story, photo = results("tass-ru.rss")
    assert story.headline == "В Казахстане запустят новый грузовой маршрут в Китай"
    assert story.language == "ru"
    assert len(story.paragraphs) == 3
    assert story.paragraphs[0].startswith("Казахстанские железные дороги откроют")
    assert story.dateline.startswith("АСТАНА, 12 марта")
    assert story.summary == "Новый маршрут сократит время доставки грузов примерно на сутки."
    assert story.byline == "ТАСС"
    assert [(c.name, c.explicit) for c in story.credits] == [("ТАСС", True)]
    assert isinstance(photo, SkippedItem)
    assert "picture" in photo.reason
    assert photo.where == "entry 2"


def test_atom_source_author_and_credit_line():
    first, second = results("trend-atom.xml")
    assert first.guid == "tag:trend.az,2024:3866001"
    assert first.headline == "Kazakhstan, Azerbaijan discuss Middle Corridor freight"
    assert first.language == "en"
    assert len(first.paragraphs) == 2  # the script is gone, the Source: line is a credit
    assert first.credit_line == "Source: Kazinform"
    assert ("Kazinform", CreditRole.ORIGINAL_REPORTER, True) in [
        (c.name, c.role, c.explicit) for c in first.credits
    ]
    assert ("Trend", False) in [(c.name, c.explicit) for c in first.credits]
    assert first.summary == "Transport ministers met in Baku."
    assert first.sent_at.isoformat() == "2024-03-05T10:15:00+00:00"
    assert second.paragraphs == [
        "TASHKENT, Uzbekistan, March 5. Uzbekistan will raise its wheat import quota for the "
        "second quarter.",
        "The decision follows a dry autumn in the south of the country.",
    ]


@pytest.mark.django_db
def test_feed_ingests_once_and_a_changed_entry_becomes_a_version():
    reuters = AgencyFactory(slug="reuters")
    data = (RSS / "reuters-world.rss").read_bytes()
    first = ingest_data(data, name="reuters.rss", agency=reuters)
    assert [o.action for o in first] == [Action.CREATED] * 3
    again = ingest_data(data, name="reuters.rss", agency=reuters)
    assert [o.action for o in again] == [Action.UNCHANGED] * 3
    changed = data.replace(b"closed on Tuesday", b"ended on Tuesday")
    third = ingest_data(changed, name="reuters.rss", agency=reuters)
    assert [o.action for o in third] == [Action.UNCHANGED, Action.UNCHANGED, Action.NEW_VERSION]
    assert WireStory.objects.count() == 4


@pytest.mark.django_db
def test_skipped_entries_write_nothing():
    outcomes = ingest_file(RSS / "tass-ru.rss", agency=AgencyFactory(slug="tass"))
    assert [o.action for o in outcomes] == [Action.CREATED, Action.SKIPPED]
    assert WireStory.objects.get().format == "rss"


def test_entity_declarations_are_refused_before_feedparser():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>'
    )
    (error,) = parse(bomb, "bomb.rss")
    assert isinstance(error, ParseError)
    assert "entity declaration 'a' is not accepted" in error.message


def test_entry_without_identifier_is_an_error_for_that_entry_only():
    feed = (
        b'<rss version="2.0"><channel><title>x</title>'
        b"<item><title>No id</title><description>Text.</description></item>"
        b"<item><title>Has id</title><guid>g-2</guid><description>Text.</description></item>"
        b"</channel></rss>"
    )
    error, item = parse(feed, "feed.rss")
    assert isinstance(error, ParseError)
    assert error.where == "entry 1"
    assert "no <guid>, <id> or <link>" in error.message
    assert isinstance(item, ParsedItem)
    assert item.guid == "g-2"


def test_title_only_entry_is_skipped():
    feed = (
        b'<rss version="2.0"><channel><title>x</title>'
        b"<item><title>Headline only</title><link>https://example.com/1</link></item>"
        b"</channel></rss>"
    )
    (skipped,) = parse(feed, "feed.rss")
    assert isinstance(skipped, SkippedItem)
    assert "only on its web page" in skipped.reason


@pytest.mark.parametrize("reference", ["&#xD800;", "&#99999999999;"])
def test_a_character_reference_naming_no_character_is_the_parsers_error(reference):
    feed = (
        '<rss version="2.0"><channel><title>Wire</title><item><title>Headline</title>'
        f"<description>{reference} text</description></item></channel></rss>"
    ).encode()

    [error] = parse_feed(feed)

    assert isinstance(error, ParseError)
    assert str(error).startswith("not a readable RSS or Atom feed")
