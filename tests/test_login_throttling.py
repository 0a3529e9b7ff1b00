"""Thirty wrong passwords lock the account out from that address; the right one is then refused
until the lock expires or a superuser lifts it."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command

from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor_with_password():
    editor = EditorFactory(username="editor")
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def attempt(client, password: str, *, username: str = "editor", address: str = "127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def hammer(client, times: int = 30, **kwargs) -> list[int]:
    return [attempt(client, f"wrong-{n}", **kwargs).status_code for n in range(times)]


def test_thirty_wrong_passwords_lock_the_account_out_then_the_right_one_is_refused(
    client, editor_with_password, settings
):
    statuses = hammer(client)

    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT :]) == {429}
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_the_lock_is_for_that_user_from_that_address_only(client, editor_with_password):
    EditorFactory(username="colleague").set_password(PASSWORD)
    hammer(client)

    assert attempt(client, PASSWORD, address="10.0.0.7").status_code == 302
    client.logout()
    assert attempt(client, "wrong", username="colleague").status_code == 200


def test_a_superuser_lifts_the_lock(client, editor_with_password):
    hammer(client)

    call_command("axes_reset_ip_username", "127.0.0.1", "editor", stdout=None)

    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_lock_expires(client, editor_with_password, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    hammer(client, settings.AXES_FAILURE_LIMIT)
    assert attempt(client, PASSWORD).status_code == 429

    time.sleep(1.5)

    assert attempt(client, PASSWORD).status_code == 302


def test_client_login_still_works(client, editor_with_password):
    assert client.login(username="editor", password="wrong") is False
    assert client.login(username="editor", password=PASSWORD) is True
    assert client.get("/admin/").status_code == 200


def test_force_login_is_untouched(client, editor_with_password):
    client.force_login(editor_with_password)

    assert client.get("/admin/").status_code == 200
