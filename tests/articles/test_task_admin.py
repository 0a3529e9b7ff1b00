"""Background tasks' results in the admin: superusers only, whatever permissions others hold."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:django_tasks_database_dbtaskresult_changelist"


@pytest.mark.parametrize(
    ("person", "status"),
    [("translator", 403), ("editor", 403), ("superuser", 200)],
)
def test_only_superusers_see_task_results(client, request, person, status):
    user = request.getfixturevalue(person)
    client.force_login(user)

    assert client.get(reverse(CHANGELIST)).status_code == status
    index = client.get(reverse("admin:index"))
    assert ("Task Results" in index.text) is (person == "superuser")


def test_a_granted_view_permission_does_not_open_them_to_others(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_dbtaskresult"))
    client.force_login(editor)

    assert client.get(reverse(CHANGELIST)).status_code == 403
