"""`manage.py ingest`: wire deliveries become wire story versions, with their credits resolved."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Attribution, AttributionRole, WireStory
from tests.factories import AgencyAliasFactory, AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trend():
    return AgencyFactory(name="Trend", slug="trend", default_language="ru")


@pytest.fixture
def kazinform():
    return AgencyFactory(name="Kazinform", slug="kazinform", default_language="kk")


def run(*args: str) -> tuple[int, str, str]:
    """Run the command, returning the exit code and output that `manage.py ingest` gives.

    run_from_argv() itself would close the database connection, and with it the test's
    transaction, so this does what it does on a CommandError: print it and exit with its code.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=stdout, stderr=stderr)
    except CommandError as error:
        stderr.write(f"CommandError: {error}\n")
        return error.returncode, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_makes_one_wire_story_with_its_credits(sample_path, trend, kazinform):
    code, out, err = run(sample_path, "--agency", "trend")

    assert (code, err) == (0, "")
    wire = WireStory.objects.get()
    assert len(wire.paragraphs) == 12
    assert wire.credit_line == "Translated from Trend"
    assert not any("Translated from" in paragraph for paragraph in wire.paragraphs)
    assert wire.language == "en"  # detected from the text; Trend usually files in Russian
    assert bytes(wire.raw_payload) == sample_path.read_bytes()
    assert {(a.role, a.agency_id) for a in wire.attributions.all()} == {
        (AttributionRole.TRANSLATED_FROM, trend.pk),
        (AttributionRole.ORIGINAL_REPORTER, kazinform.pk),
    }
    assert not Attribution.objects.filter(credited_name__icontains="Appathurai").exists()
    assert "1 created" in out


def test_second_run_writes_nothing(sample_path, trend, kazinform):
    run(sample_path, "--agency", "trend")

    code, out, _ = run(sample_path, "--agency", "trend")

    assert code == 0
    assert WireStory.objects.count() == 1
    assert Attribution.objects.count() == 2
    assert "0 created, 0 new version, 1 unchanged, 0 skipped, 0 failed" in out


def test_changed_text_under_the_same_guid_is_a_new_version(tmp_path, trend):
    body = "\n\n".join(["Minister visits Baku", "BAKU, May 2 /Trend/ - The visit began today."])
    run(write(tmp_path, "v1.txt", body), "--agency", "trend", "--language", "en")
    run(write(tmp_path, "v2.txt", body + " Talks follow."), "--agency", "trend", "--language", "en")

    first, second = WireStory.objects.order_by("version")
    assert (first.guid, first.version, second.version) == (second.guid, 1, 2)
    assert first.paragraphs == ["The visit began today."]
    assert second.paragraphs == ["The visit began today. Talks follow."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A trailing credit line, through an alias, ignoring case.
        (
            "Headline\n\nThe talks went well.\n\nTranslated from trend news agency",
            {(AttributionRole.TRANSLATED_FROM, "trend", "trend news agency")},
        ),
        # A dateline tag, and an inline credit in the lede.
        (
            "Headline\n\nASTANA, March 3 /Kazinform/ - Trade grew, according to Trend.",
            {
                (AttributionRole.ORIGINAL_REPORTER, "kazinform", "Kazinform"),
                (AttributionRole.ORIGINAL_REPORTER, "trend", "Trend"),
            },
        ),
        # An explicit credit naming no known agency is kept verbatim, unresolved.
        (
            "Headline\n\nThe talks went well.\n\nSource: Bakhtar News",
            {(AttributionRole.ORIGINAL_REPORTER, None, "Bakhtar News")},
        ),
        # An inline mention of someone who is no agency yields nothing.
        ("Headline\n\nTrade grew, according to Appathurai.", set()),
    ],
    ids=["credit-line-alias", "dateline-and-inline", "unresolved-kept", "person-ignored"],
)
def test_credit_conventions_resolve_to_known_agencies(tmp_path, trend, kazinform, text, expected):
    AgencyAliasFactory(agency=trend, name="Trend News Agency")

    code, _, err = run(write(tmp_path, "item.txt", text), "--agency", "trend", "--language", "en")

    assert (code, err) == (0, "")
    found = {
        (a.role, a.agency.slug if a.agency else None, a.credited_name)
        for a in Attribution.objects.select_related("agency")
    }
    assert found == expected
    assert WireStory.objects.get().paragraphs[-1].startswith(("The talks", "Trade grew"))


def test_every_ninjs_example_ingests(ninjs_dir, trend):
    examples = sorted((ninjs_dir / "examples").glob("*/*.json"))
    assert len(examples) >= 10

    code, out, err = run(*examples, "--agency", "trend")

    assert (code, err) == (0, "")
    assert "0 failed" in out
    ingested = WireStory.objects.count()
    assert ingested == len(examples)  # one item per example file, some as later versions
    assert not WireStory.objects.filter(paragraphs=[]).exists()


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("001_bad_association.json", "'incorrectproperty' was unexpected"),
        ("002_good_association_but_no_name.json", "'name' is a required property"),
        ("003_good_association_but_no_uri.json", "'uri' is a required property"),
        ("004_bad_rights.json", "rightsinfo"),
    ],
)
def test_schema_failures_are_refused_and_named(ninjs_dir, trend, name, fragment):
    path = ninjs_dir / "test_suite" / "2.1" / "should_fail" / name

    code, _, err = run(path, "--agency", "trend")

    assert code == 1
    assert name in err
    assert fragment in err
    assert "schema" in err
    assert WireStory.objects.count() == 0
    assert Attribution.objects.count() == 0


def test_good_items_go_in_when_a_file_beside_them_fails(ninjs_dir, sample_path, trend):
    bad = ninjs_dir / "test_suite" / "2.1" / "should_fail" / "004_bad_rights.json"

    code, _, err = run(sample_path, bad, "--agency", "trend")

    assert code == 1
    assert "004_bad_rights.json" in err
    assert "1 of 2 items failed" in err
    assert WireStory.objects.count() == 1


def test_dry_run_writes_nothing_and_says_what_it_would_do(sample_path, trend):
    code, out, _ = run(sample_path, "--agency", "trend", "--dry-run")

    assert code == 0
    assert "would have created 'Kazakhstan is the Most Reliable NATO Partner" in out
    assert WireStory.objects.count() == 0


def test_unknown_agency_slug_is_a_clear_error(sample_path, trend):
    code, _, err = run(sample_path, "--agency", "reuters")

    assert code == 1
    assert "--agency 'reuters': no agency has that slug (known: trend)" in err


def test_item_naming_no_known_agency_fails_with_advice(ninjs_dir):
    path = ninjs_dir / "examples" / "2.1" / "dpa_text.json"

    code, _, err = run(path)

    assert code == 1
    assert "pass --agency SLUG or add the agency or alias" in err
    assert WireStory.objects.count() == 0


def test_unreadable_file_is_reported(tmp_path, trend):
    code, _, err = run(tmp_path / "missing.txt", "--agency", "trend")

    assert code == 1
    assert "missing.txt: failed: cannot read" in err


def test_call_command_quiet_at_verbosity_zero(sample_path, trend):
    out = io.StringIO()
    call_command("ingest", str(sample_path), agency="trend", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert WireStory.objects.count() == 1
