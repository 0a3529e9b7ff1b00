"""Every query parameter is checked before it reaches the ORM: 400 with a message for the public,
a message in the admin, never a 500 (PostgreSQL refuses a NUL in a text value with an error)."""

import pytest

from tests.factories import PublishedStoryFactory, WireStoryFactory

pytestmark = pytest.mark.django_db

NUL = "%00"


@pytest.mark.parametrize(
    ("url", "parameter", "message"),
    [
        (f"/search/?q={NUL}", "q", "Remove the control characters"),
        (f"/search/?q=war{NUL}peace", "q", "Remove the control characters"),
        ("/search/?q=" + "a" * 1001, "q", "at most 1000 characters"),
        (f"/?source_language={NUL}", "source_language", "Null characters are not allowed"),
        (f"/?section={NUL}", "section", "Null characters are not allowed"),
        (f"/?published_after={NUL}", "published_after", "Enter a valid date"),
    ],
)
def test_public_pages_answer_400_naming_the_parameter(client, url, parameter, message):
    PublishedStoryFactory()

    response = client.get(url)

    assert response.status_code == 400
    text = response.content.decode()
    assert f"<code>{parameter}</code>" in text
    assert message in text


@pytest.mark.parametrize(
    "url", [f"/api/ninjs/stories/?source_language={NUL}", f"/api/ninjs/stories/?agency={NUL}"]
)
def test_api_answers_400_naming_the_parameter(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert set(response.json()["errors"]) & {"source_language", "agency"}


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/articles/story/?status={NUL}",
        f"/admin/articles/story/?language={NUL}",
        f"/admin/articles/story/?q={NUL}",
        f"/admin/articles/wirestory/?language={NUL}",
        f"/admin/articles/wirestory/?state={NUL}&q=fine",
        "/admin/articles/story/?q=" + "a" * 1001,
        f"/admin/articles/agency/?{NUL}=1",
    ],
)
def test_admin_lists_drop_the_parameter_with_a_message(client, superuser, url):
    WireStoryFactory(language="ru")
    client.force_login(superuser)

    response = client.get(url, follow=True)

    assert response.status_code == 200
    first, _ = response.redirect_chain[0]
    assert "%00" not in first
    assert "aaaa" not in first
    assert "Ignored the address&#x27;s parameter" in response.content.decode()


def test_admin_keeps_the_good_parameters(client, superuser):
    client.force_login(superuser)

    response = client.get(f"/admin/articles/wirestory/?state={NUL}&q=fine")

    assert response.status_code == 302
    assert response["Location"] == "/admin/articles/wirestory/?q=fine"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/articles/story/abc/translate/",
        "/admin/articles/story/abc/translate/source-changed/",
        "/admin/articles/story/1.5/translate/",
    ],
)
def test_admin_urls_take_integer_ids_only(client, superuser, url):
    client.force_login(superuser)

    response = client.get(url, follow=True)

    assert response.status_code == 404


def test_claim_url_takes_integer_ids_only(client, superuser):
    client.force_login(superuser)

    response = client.post("/admin/articles/wirestory/abc/claim/", follow=True)

    assert response.status_code in {200, 404}  # the admin's "no such object" page
