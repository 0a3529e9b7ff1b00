"""Ingest refuses what the columns cannot hold, names the field, and never stops a batch.

Each case is one that once crashed ingest on PostgreSQL or was stored silently on SQLite.
"""

import json
import os
from pathlib import Path

import pytest

from articles.ingest import registry
from articles.ingest.base import ParsedItem
from articles.models import Attribution, WireStory
from tests.articles.ninjs_helpers import doc
from tests.articles.test_ingest import run
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

LONG = "x" * 600


@pytest.fixture
def trend():
    return AgencyFactory(name="Trend", slug="trend", default_language="ru")


def ninjs_file(tmp_path: Path, name: str = "story.json", **fields) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc(**fields)), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        pytest.param({"by": LONG}, "field byline", id="byline"),
        pytest.param({"located": LONG}, "field dateline", id="place"),
        pytest.param({"version": "v" * 65}, "field agency_version", id="version"),
        pytest.param({"language": "en-" + "-".join(["abcdefgh"] * 5)}, "language", id="language"),
        pytest.param(
            {"descriptions": [{"role": "creditline", "value": "Credit " + LONG}]},
            "field credit_line",
            id="credit-line",
        ),
        pytest.param(
            {"infosources": [{"name": "Agency " + "y" * 250, "role": "originator"}]},
            "field credits.1",
            id="infosource-name",
        ),
        pytest.param(
            {"altids": [{"role": "canonical", "value": "https://example.com/" + "a" * 500}]},
            "field source_url",
            id="long-url",
        ),
        pytest.param(
            {
                "bodies": [
                    {
                        "contenttype": "text/plain",
                        "value": "Text.\n\n" + " ".join(["Source: Trend"] * 30),
                    }
                ]
            },
            "credit",
            id="stacked-credit-lines",
        ),
    ],
)
def test_over_long_fields_are_refused_by_name(tmp_path, trend, fields, named):
    code, _, err = run(ninjs_file(tmp_path, **fields), "--agency", "trend")

    assert code == 1
    assert "story.json: failed:" in err
    assert named in err
    assert "Traceback" not in err
    assert not WireStory.objects.exists()


def test_nul_and_control_characters_are_removed_from_stored_text(tmp_path, trend):
    body = "Before\x00after \x1b[31mred\x07.\n\nSecond\x85 paragraph\x9b."
    path = ninjs_file(
        tmp_path,
        by="Jane\x00 Doe",
        bodies=[{"contenttype": "text/plain", "value": body}],
        headlines=[{"role": "main", "value": "Minister\x00 visits\x08 Astana"}],
    )

    code, _, err = run(path, "--agency", "trend")

    assert (code, err) == (0, "")
    wire = WireStory.objects.get()
    assert wire.headline == "Minister visits Astana"
    assert wire.byline == "Jane Doe"
    assert wire.paragraphs == ["Beforeafter [31mred.", "Second paragraph."]


def test_lone_surrogate_is_refused_naming_the_field(tmp_path, trend):
    path = ninjs_file(tmp_path, headlines=[{"role": "main", "value": "Broken \ud800 text"}])

    code, _, err = run(path, "--agency", "trend")

    assert code == 1
    assert "field headline: contains a lone surrogate (U+D800)" in err
    assert not WireStory.objects.exists()


@pytest.mark.parametrize(
    "value", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00"], ids=["after", "before"]
)
def test_dates_the_database_cannot_give_back_are_refused(tmp_path, trend, value, admin_client):
    code, _, err = run(ninjs_file(tmp_path, versioncreated=value), "--agency", "trend")

    assert code == 1
    assert "field sent_at:" in err
    assert "outside the years 1-9999" in err
    assert not WireStory.objects.exists()
    assert admin_client.get("/admin/articles/wirestory/").status_code == 200


def test_json_nested_ten_thousand_deep_is_refused_not_a_traceback(tmp_path, trend):
    path = tmp_path / "deep.json"
    path.write_text('{"uri": "x", "headlines": ' + "[" * 10_000 + "]" * 10_000 + "}")

    code, _, err = run(path, "--agency", "trend")

    assert code == 1
    assert "deep.json: failed: JSON nested deeper than 64 levels" in err
    assert "Traceback" not in err


def test_duplicate_keys_are_refused(tmp_path, trend):
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(doc())[:-1] + ', "uri": "urn:other"}')

    code, _, err = run(path, "--agency", "trend")

    assert code == 1
    assert "the key 'uri' appears twice" in err


def test_one_bad_file_does_not_stop_the_batch(tmp_path, trend):
    good1 = ninjs_file(tmp_path, "good1.json", uri="urn:1")
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": ' + "[" * 10_000)
    good2 = ninjs_file(tmp_path, "good2.json", uri="urn:2")

    code, out, err = run(good1, bad, good2, "--agency", "trend")

    assert code == 1
    assert sorted(WireStory.objects.values_list("guid", flat=True)) == ["urn:1", "urn:2"]
    assert len(err.strip().splitlines()) == 2  # the file's line, then the CommandError
    assert "bad.json: failed:" in err
    assert "2 created, 0 new version, 0 unchanged, 0 skipped, 1 failed" in out


class _BuggyParser:
    """A parser with a bug, as a third-party or future one may have."""

    name = "buggy-test-parser"

    def sniff(self, data: bytes, filename: str) -> bool:
        return filename.endswith(".buggy")

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list:
        item = ParsedItem(
            format="text", guid="urn:buggy", headline="Half", paragraphs=["A."], raw=data
        )
        return [item, item, None]  # the None is a bug: neither an item nor an error


@pytest.fixture
def buggy_parser():
    parsers = dict(registry._parsers)
    registry._parsers.clear()
    registry.register(_BuggyParser())
    registry._parsers.update(parsers)
    yield
    registry._parsers.clear()
    registry._parsers.update(parsers)


def test_unexpected_error_in_a_file_rolls_back_that_file_only(tmp_path, trend, buggy_parser):
    good = ninjs_file(tmp_path, "good.json", uri="urn:good")
    buggy = tmp_path / "x.buggy"
    buggy.write_text("anything")

    code, out, err = run(buggy, good, "--agency", "trend")

    assert code == 1
    assert "x.buggy: failed: unexpected error, nothing of this file was written" in err
    assert list(WireStory.objects.values_list("guid", flat=True)) == ["urn:good"]
    assert "1 created" in out
    assert "1 failed" in out


@pytest.mark.parametrize("uri", ["   ", "\u200b", "\x00"])
def test_blank_uri_is_refused_and_never_a_version_of_another(tmp_path, trend, uri):
    first = ninjs_file(tmp_path, "one.json", uri=uri)
    second = ninjs_file(
        tmp_path, "two.json", uri=uri, headlines=[{"role": "main", "value": "Unrelated"}]
    )

    code, _, err = run(first, second, "--agency", "trend")

    assert code == 1
    assert err.count("no identifier") == 2
    assert not WireStory.objects.exists()


@pytest.mark.parametrize("headline", ["\u200b\u200c\u200d\u2060\ufeff", "\u202e\u2066 \u2069"])
def test_headline_of_invisible_characters_is_refused(tmp_path, trend, headline):
    path = ninjs_file(tmp_path, headlines=[{"role": "main", "value": headline}])

    code, _, err = run(path, "--agency", "trend")

    assert code == 1
    assert "field headline: empty: nothing visible is left" in err
    assert not WireStory.objects.exists()


def test_bidi_overrides_leave_the_headline_and_joiners_between_letters_stay(tmp_path, trend):
    path = ninjs_file(
        tmp_path, headlines=[{"role": "main", "value": "\u202eEvil\u202c می\u200cخواهم \u200bnews"}]
    )

    run(path, "--agency", "trend")

    assert WireStory.objects.get().headline == "Evil می\u200cخواهم news"


@pytest.mark.parametrize("language", ["../../etc/passwd", "zz", "en/../x", "x" * 40])
def test_language_must_be_a_bcp47_tag(tmp_path, trend, language):
    code, _, err = run(ninjs_file(tmp_path, language=language), "--agency", "trend")

    assert code == 1
    assert "field language:" in err
    assert not WireStory.objects.exists()


def test_language_option_must_be_a_bcp47_tag(tmp_path, trend):
    code, _, err = run(ninjs_file(tmp_path), "--agency", "trend", "--language", "../etc")

    assert code == 1
    assert "--language: '../etc' is not a BCP 47 language tag" in err


def test_language_tag_is_kept_as_written_when_valid(tmp_path, trend):
    run(ninjs_file(tmp_path, language="kk_Cyrl"), "--agency", "trend")

    assert WireStory.objects.get().language == "kk-Cyrl"


def test_symlink_to_a_system_file_is_refused(tmp_path, trend):
    link = tmp_path / "innocent.txt"
    link.symlink_to("/etc/passwd")

    code, _, err = run(link, "--agency", "trend")

    assert code == 1
    assert "innocent.txt: failed: is a symbolic link: refused (pass --follow-symlinks" in err
    assert not WireStory.objects.exists()


def test_symlink_is_read_with_follow_symlinks(tmp_path, trend):
    target = ninjs_file(tmp_path, "target.json")
    link = tmp_path / "link.json"
    link.symlink_to(target)

    code, _, err = run(link, "--agency", "trend", "--follow-symlinks")

    assert (code, err) == (0, "")
    assert WireStory.objects.count() == 1


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_non_regular_files_are_refused(tmp_path, trend, kind):
    path = tmp_path / "special"
    if kind == "directory":
        path.mkdir()
    else:
        os.mkfifo(path)

    code, _, err = run(path, "--agency", "trend", "--follow-symlinks")

    assert code == 1
    assert "special: failed: is not a regular file" in err


def test_file_names_with_newline_or_terminal_escape_are_printed_escaped(tmp_path, trend):
    path = ninjs_file(tmp_path, "evil\nOK: all good\x1b[2J.json")

    code, out, _err = run(path, "--agency", "trend", "--verbosity", "2")

    assert code == 0
    assert "evil\\nOK: all good\\x1b[2J.json: created" in out
    assert "\x1b" not in out
    assert len(out.splitlines()) == 2  # the file's line and the summary


def test_oversized_file_is_refused_before_reading(tmp_path, trend, settings):
    settings.NEWSROOM_INGEST_MAX_BYTES = 1000
    path = ninjs_file(tmp_path, bodies=[{"contenttype": "text/plain", "value": "a " * 1000}])

    code, _, err = run(path, "--agency", "trend")

    assert code == 1
    assert "the limit is 1000" in err


def test_attribution_names_are_cleaned(tmp_path, trend):
    path = ninjs_file(tmp_path, infosources=[{"name": "Kaz\x00inform\u0085", "role": "originator"}])

    run(path, "--agency", "trend")

    assert Attribution.objects.get().credited_name == "Kazinform"
